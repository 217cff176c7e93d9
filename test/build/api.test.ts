import { describe, expect, it } from 'vitest';
import { UnknownWebhookError, WixhookError } from '../../src/errors.js';
import { build, buildEntity, buildPayload, buildPayloads, buildSdkEnvelope, listTraits } from '../../src/build/build.js';
import { ConflictingTraitsError, InvalidFactoryOptionError, InvalidSetPathError, InvalidSetValueError, UnknownTraitError } from '../../src/build/errors.js';
import { parsePayload } from '../../src/catalog/parse.js';

describe('factories: API', () => {
  it('build gives payload, entity, SDK envelope, delivery and related objects that agree', () => {
    const built = build('participation-created', { seed: 1, traits: ['for-event'] });
    expect(built.entity).toEqual(built.payload.createdEvent.entity);
    expect(built.sdkEnvelope.entity._id).toBe(built.entity.id);
    expect(built.sdkEnvelope.entity._createdDate).toBeInstanceOf(Date);
    expect(built.sdkEnvelope.metadata.instanceId).toBe(built.delivery.instanceId);
    expect(built.entity.eventId).toBe(built.related.event.id);
  });

  it('action webhooks expose the body', () => {
    const built = build('guest-event-starts', { seed: 2, traits: ['starts-in-2-hours'] });
    expect(built.body.timing).toBe('STARTS_IN_2_HOURS');
    expect(built.sdkEnvelope.data?.timing).toBe('STARTS_IN_2_HOURS');
    expect(buildEntity('guest-event-starts', { seed: 2, traits: ['starts-in-2-hours'] })).toEqual(built.body);
    expect(buildSdkEnvelope('guest-event-starts', { seed: 2, traits: ['starts-in-2-hours'] })).toEqual(built.sdkEnvelope);
  });

  it('merges deep-partial overrides last: objects by field, arrays whole, undefined removes', () => {
    const payload = buildPayload('participation-created', {
      seed: 3,
      traits: ['for-schedule'],
      overrides: { createdEvent: { entity: { partySize: 7, participant: { name: 'Jane Doe', phone: undefined } } }, entityEventSequence: '9' },
    });
    const entity = payload.createdEvent.entity;
    expect(entity.partySize).toBe(7);
    expect(entity.participant.name).toBe('Jane Doe');
    expect(entity.participant).not.toHaveProperty('phone');
    expect(entity.participant.email).toBeDefined();
    expect(payload.entityEventSequence).toBe('9');
    expect(() => parsePayload('participation-created', payload, { mode: 'strict' })).not.toThrow();
  });

  it('lets overrides break a rule on purpose', () => {
    const payload = buildPayload('participation-created', { seed: 3, overrides: { createdEvent: { entity: { partySize: 0 } } } });
    expect(() => parsePayload('participation-created', payload, { mode: 'strict' })).toThrow(WixhookError);
  });

  it('applies set assignments with JSON values and raw strings', () => {
    const payload = buildPayload('guest-event-starts', {
      seed: 4,
      traits: ['buyer'],
      set: ['actionEvent.body.guest.totalGuests=3', 'actionEvent.body.guest.tickets[0].name=VIP', 'actionEvent.body.guest.revision=5', 'triggeredByAnonymizeRequest=true'],
    });
    expect(payload.actionEvent.body?.guest.totalGuests).toBe(3);
    expect(payload.actionEvent.body?.guest.tickets?.[0]?.name).toBe('VIP');
    expect(payload.actionEvent.body?.guest.revision).toBe('5');
    expect(payload.triggeredByAnonymizeRequest).toBe(true);
  });

  it('throws typed errors with codes', () => {
    const codeOf = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        expect(error).toBeInstanceOf(WixhookError);
        return (error as WixhookError).code;
      }
      return 'no error';
    };
    expect(codeOf(() => build('participation-created', { traits: ['nope' as never] }))).toBe(UnknownTraitError.code);
    expect(codeOf(() => build('participation-created', { traits: ['for-event', 'for-schedule'] }))).toBe(ConflictingTraitsError.code);
    expect(codeOf(() => build('nope' as never))).toBe(UnknownWebhookError.code);
    expect(codeOf(() => build('participation-created', { set: ['createdEvent.entity.partysize=3'] }))).toBe(InvalidSetPathError.code);
    expect(codeOf(() => build('participation-created', { set: ['createdEvent.entity.partySize'] }))).toBe(InvalidSetPathError.code);
    expect(codeOf(() => build('participation-created', { set: ['createdEvent..entity=1'] }))).toBe(InvalidSetPathError.code);
    expect(codeOf(() => build('participation-created', { set: ['createdEvent.entity.partySize=many'] }))).toBe(InvalidSetValueError.code);
    expect(codeOf(() => build('participation-created', { set: ['createdEvent.entity.participant={'] }))).toBe(InvalidSetValueError.code);
    expect(codeOf(() => build('participation-created', { seed: -1 }))).toBe(InvalidFactoryOptionError.code);
    expect(codeOf(() => build('participation-created', { seed: 1.5 }))).toBe(InvalidFactoryOptionError.code);
    expect(codeOf(() => build('participation-created', { now: 'yesterday' }))).toBe(InvalidFactoryOptionError.code);
    expect(codeOf(() => buildPayloads('participation-created', -1))).toBe(InvalidFactoryOptionError.code);
  });

  it('places every date relative to `now`', () => {
    const payload = buildPayload('participation-created', { seed: 5, now: '2030-02-03T04:05:06.789Z' });
    expect(payload.eventTime.startsWith('2030-02-03T04:05:06.789')).toBe(true);
  });

  it('lets the caller fix the delivery identity', () => {
    const built = build('participation-created', { seed: 5, delivery: { identity: 'WIX_USER', accountInfo: null } });
    expect(built.delivery.identity.identityType).toBe('WIX_USER');
    expect(built.delivery.identity).toHaveProperty('wixUserId');
    expect(built.delivery.accountInfo).toBeUndefined();
  });

  it('lists traits with descriptions', () => {
    expect(listTraits('event-recurring-split').map((trait) => trait.name)).toContain('dst-change');
    for (const trait of listTraits('guest-event-starts')) expect(trait.description.length).toBeGreaterThan(10);
  });
});
