import { describe, expect, it } from 'vitest';
import { webhookLayers } from '../../src/catalog/layers.js';
import { SchemaMismatchError } from '../../src/errors.js';
import { build } from '../../src/build/build.js';
import { InvalidFactoryOptionError } from '../../src/build/errors.js';
import { encodeDeliveryData } from '../../src/signing/sign.js';

function caught(run: () => unknown): Error & { code?: string } {
  try {
    run();
  } catch (error) {
    return error as Error & { code?: string };
  }
  throw new Error('expected an error');
}

describe('typed errors that say what to pass', () => {
  const { deliveryData } = webhookLayers('participation-created');
  const claim = encodeDeliveryData('wix.calendar.v3.participation_created', build('participation-created', { seed: 1 }).payload);

  it('deliveryData.decode given the claim string asks for JSON.parse(claims.data)', () => {
    const error = caught(() => deliveryData.decode(claim as never));
    expect(error.code).toBe('ERR_DELIVERY_DATA_INPUT');
    expect(error.message).toContain('JSON.parse(claims.data)');
    expect(deliveryData.decode(JSON.parse(claim)).data.id).toBeTypeOf('string');
  });

  it('deliveryData.decode of a wrong object is a SchemaMismatchError naming the path', () => {
    const error = caught(() => deliveryData.decode({ ...JSON.parse(claim), instanceId: 'site-1' }));
    expect(error).toBeInstanceOf(SchemaMismatchError);
    expect((error as SchemaMismatchError).issues.map((issue) => issue.path)).toEqual(['instanceId']);
  });

  it('build with `set` as an object says to pass "path=value" strings, or use overrides', () => {
    const error = caught(() => build('participation-created', { set: { 'createdEvent.entity.partySize': 4 } as never }));
    expect(error).toBeInstanceOf(InvalidFactoryOptionError);
    expect(error.message).toContain('"createdEvent.entity.partySize=4"');
    expect(error.message).toContain('overrides');
    expect(caught(() => build('participation-created', { set: [4] as never })).code).toBe('ERR_INVALID_FACTORY_OPTION');
  });
});
