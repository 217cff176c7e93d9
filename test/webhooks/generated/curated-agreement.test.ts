import { describe, expect, it } from 'vitest';
import { getWebhook } from '../../../src/catalog/catalog.js';
import { build, listTraits } from '../../../src/build/build.js';
import { findGeneratedWebhook } from '../../../src/webhooks/generated/index.js';

const curated = getWebhook('guest-event-starts');
const generated = findGeneratedWebhook(curated.eventType)!;
const traits = listTraits('guest-event-starts').filter((trait) => trait.name !== 'body-as-json');

describe('where a curated and a generated definition share an eventType, they agree (guest-event-starts)', () => {
  it('the catalog hands out the curated one, by name and by eventType', () => {
    expect(generated).toBeDefined();
    expect(getWebhook(curated.eventType)).toBe(curated);
    expect(getWebhook(generated.name)).toBe(curated);
  });

  it('same eventType, entityFqdn, slug, kind and SDK handler', () => {
    expect([generated.eventType, generated.entityFqdn, generated.slug, generated.kind, generated.sdk.handler]).toEqual([curated.eventType, curated.entityFqdn, curated.slug, curated.kind, curated.sdk.handler]);
  });

  it('every timestamp, float, address and page-URL path the curated definition transforms, the SDK package transforms too', () => {
    const byKind = (kind: string) => generated.sdk.transformations.groups.filter((group) => group.kind === kind).flatMap((group) => group.paths.map((path) => path.path));
    expect(byKind('timestamp')).toEqual(expect.arrayContaining([...curated.sdk.transformations.timestamps]));
    expect(byKind('float')).toEqual(expect.arrayContaining([...curated.sdk.transformations.floats]));
    expect(byKind('address')).toEqual(expect.arrayContaining([...curated.sdk.transformations.addresses]));
    expect(byKind('pageUrl')).toEqual(expect.arrayContaining([...curated.sdk.transformations.pageUrls]));
  });

  it.each(traits.map((trait) => trait.name))('curated payloads (%s) parse with the generated schema and give the same SDK envelope', (trait) => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const built = build('guest-event-starts', { seed, traits: [trait] });
      const parsed = generated.schemas('loose').payload.safeParse(built.payload);
      expect(parsed.success, JSON.stringify(parsed.error?.issues.slice(0, 3))).toBe(true);
      expect(generated.toSdkEnvelope(built.payload, built.delivery)).toEqual(built.sdkEnvelope);
    }
  });
});
