import { describe, expect, it } from 'vitest';
import { listWebhooks, type WebhookName } from '../../../src/catalog/catalog.js';
import { webhookLayers } from '../../../src/catalog/layers.js';
import { buildPayload } from '../../../src/build/build.js';
import { toJsonSchema } from '../../../src/json-schema/to-json-schema.js';
import { createAjv } from '../../helpers/ajv.js';
import { sweepSize } from '../../helpers/thoroughness.js';

const generated = listWebhooks().filter((webhook) => webhook.tier === 'generated');
const ajv = createAjv();
const traitsFor = (seed: number) => [[], ['minimal'], ['full']][seed % 3]!;
/** 200 seeds each in an exhaustive run (CI), 20 otherwise. */
const seeds = sweepSize(200, 20, process.env.GENERATED_SCHEMA_SEEDS);

describe(`generated webhooks: every payload validates against its JSON Schema (ajv, ${seeds} seeds each)`, () => {
  it('covers at least 250 generated webhooks', () => {
    expect(generated.length).toBeGreaterThanOrEqual(250);
  });

  it.each(generated.map((webhook) => webhook.name))('%s', (name) => {
    const schema = toJsonSchema(webhookLayers(name as WebhookName, { mode: 'strict' }).payload, `${name}.payload.schema.json`, { reused: 'ref' });
    const validate = ajv.compile(schema);
    for (let seed = 1; seed <= seeds; seed += 1) {
      const payload = buildPayload(name as never, { seed, traits: traitsFor(seed) as never });
      if (!validate(payload)) expect.fail(`seed ${seed}: ${ajv.errorsText(validate.errors)}`);
    }
  });
});
