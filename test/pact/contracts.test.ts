import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/catalog/catalog.js';
import { findDrift } from '../../src/generate/generated-file.js';
import { contractsGenerator } from '../../src/generate/contracts.js';
import { contractPath } from '../../src/pact/contracts.js';
import { verifyWixPacts } from '../../src/pact/verify.js';
import { readContract } from '../../src/pact/contracts.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('contracts/', () => {
  it('is exactly what the code generates (run `npm run generate` if this fails)', async () => {
    expect(await findDrift(root, [contractsGenerator])).toEqual({ changed: [], missing: [], extra: [] });
  });

  it('has one Pact V4 message pact per catalog webhook, with its Wix provider, eventType metadata and a state per trait', async () => {
    for (const webhook of catalog) {
      const pact = JSON.parse(await readFile(`${root}${contractPath(webhook)}`, 'utf8'));
      expect(pact.provider.name).toBe(webhook.provider);
      expect(pact.consumer.name).toBe('wix-webhook-consumer');
      expect(pact.metadata).toEqual({ pactSpecification: { version: '4.0' } });
      const states = new Set<string>();
      for (const interaction of pact.interactions) {
        expect(interaction.type).toBe('Asynchronous/Messages');
        expect(interaction.metadata).toMatchObject({ eventType: webhook.eventType, contentType: 'application/json' });
        for (const state of interaction.providerStates ?? []) states.add(state.name);
      }
      expect([...states].sort()).toEqual(Object.keys(webhook.factory.traits).sort());
      expect(pact.interactions.map((interaction: { metadata: { layer: string } }) => interaction.metadata.layer)).toContain('sdk');
    }
  });

  it('readContract gives each message as a handler receives it; every one parses in strict mode', async () => {
    for (const webhook of catalog) {
      const messages = await readContract(webhook.name);
      expect(messages.length).toBe(2 + Object.keys(webhook.factory.traits).length);
      for (const { layer, message, description } of messages) {
        const schema = layer === 'sdk' ? webhook.schemas('strict').sdkEnvelope : webhook.schemas('strict').payload;
        expect(schema.safeParse(message).success, description).toBe(true);
      }
    }
  });

  it('verifies against the Wix model with seed 1, and with other seeds (the matching rules, not the example values, decide)', async () => {
    const first = await verifyWixPacts({ pactUrls: [`${root}contracts`] });
    expect(first.sources.map((source) => source.provider).sort()).toEqual(catalog.map((webhook) => webhook.provider).sort());
    expect(first.sources.every((source) => source.passed)).toBe(true);
    await expect(verifyWixPacts({ pactUrls: [`${root}contracts`], seed: 777 })).resolves.toMatchObject({ sources: expect.any(Array) });
  }, 60_000);
});
