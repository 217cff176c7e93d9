import { MessageConsumerPact } from '@pact-foundation/pact';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PactVerificationError, UnknownProviderStateError } from '../../src/pact/errors.js';
import { verifyWixPacts } from '../../src/pact/verify.js';
import { guestEnvelope, integer, participationPayload, splitPayload, string, tempDir, writeConsumerPact } from './pacts.js';

// Consumer pacts written with @pact-foundation/pact directly, as a consumer app writes them.
const consumer = 'bookings-app';

async function failureOf(promise: Promise<unknown>): Promise<PactVerificationError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(PactVerificationError);
  return error as PactVerificationError;
}

describe('verifyWixPacts: consumer pacts that match Wix pass', () => {
  it('one pact per Wix provider: payloads, an SDK envelope, provider states as traits', async () => {
    const dir = await tempDir();
    const files = [
      await writeConsumerPact(dir, consumer, 'wix-calendar-participations-v3', [
        { description: 'a participation for a schedule', states: ['for-schedule'], metadata: { eventType: 'wix.calendar.v3.participation_created' }, content: participationPayload },
      ]),
      await writeConsumerPact(dir, consumer, 'wix-calendar-events-v3', [
        { description: 'a recurring event split', states: ['every-2-weeks', 'dst-change'], metadata: { eventType: 'wix.calendar.v3.event_recurring_split' }, content: splitPayload },
      ]),
      await writeConsumerPact(dir, consumer, 'wix-events-guests-v1', [
        { description: 'a guest reminder', states: ['starts-in-1-hour'], metadata: { eventType: 'wix.events.guests.v1.guest_guest_event_starts', layer: 'sdk' }, content: guestEnvelope },
      ]),
    ];
    const result = await verifyWixPacts({ pactUrls: files });
    expect(result.sources.map((source) => [source.consumer, source.provider, source.passed])).toEqual([
      [consumer, 'wix-calendar-participations-v3', true],
      [consumer, 'wix-calendar-events-v3', true],
      [consumer, 'wix-events-guests-v1', true],
    ]);
    expect(result.report).toContain('a guest reminder');
  });

  it('states phrased the consumer’s way map to traits with `states`; trait descriptions are states too', async () => {
    const dir = await tempDir();
    const file = await writeConsumerPact(dir, consumer, 'wix-calendar-participations-v3', [
      { description: 'a participation for a schedule', states: ['a participation for a schedule'], metadata: { eventType: 'wix.calendar.v3.participation_created' }, content: participationPayload },
      { description: 'a large party', states: ['Party size 50 to 1000 (the documented maximum).', 'for-schedule'], metadata: { eventType: 'wix.calendar.v3.participation_created' }, content: participationPayload },
    ]);
    await expect(verifyWixPacts({ pactUrls: [file], states: { 'a participation for a schedule': ['for-schedule'] } })).resolves.toBeDefined();
  });

  it('a V3 message pact written with MessageConsumerPact', async () => {
    const dir = await tempDir();
    await new MessageConsumerPact({ consumer, provider: 'wix-calendar-participations-v3', dir, logLevel: 'error' })
      .given('for-schedule')
      .expectsToReceive('a participation (V3)')
      .withContent(participationPayload)
      .withMetadata({ eventType: 'wix.calendar.v3.participation_created' })
      .verify(async () => undefined);
    await expect(verifyWixPacts({ pactUrls: [join(dir, `${consumer}-wix-calendar-participations-v3.json`)] })).resolves.toMatchObject({ sources: [{ passed: true }] });
  });

  it('one pact with another provider name covering all three webhooks: each interaction is resolved by its eventType', async () => {
    const dir = await tempDir();
    const file = await writeConsumerPact(dir, consumer, 'wix', [
      { description: 'a participation', states: ['for-schedule'], metadata: { eventType: 'wix.calendar.v3.participation_created' }, content: participationPayload },
      { description: 'a split', metadata: { eventType: 'wix.calendar.v3.event_recurring_split' }, content: splitPayload },
      { description: 'a guest reminder', metadata: { eventType: 'wix.events.guests.v1.guest_guest_event_starts', layer: 'sdk' }, content: guestEnvelope },
    ]);
    await expect(verifyWixPacts({ pactUrls: [file] })).resolves.toMatchObject({ sources: [{ provider: 'wix', passed: true }] });
  });
});

describe('verifyWixPacts: consumer pacts that do not match Wix fail, naming the interaction and the field', () => {
  const eventType = 'wix.calendar.v3.participation_created';

  it('a field Wix never sends', async () => {
    const dir = await tempDir();
    const content = { ...participationPayload, createdEvent: { entity: { ...participationPayload.createdEvent.entity, loyaltyTier: string('GOLD') } } };
    const file = await writeConsumerPact(dir, consumer, 'wix-calendar-participations-v3', [{ description: 'a participation with a loyalty tier', states: ['for-schedule'], metadata: { eventType }, content }]);
    const error = await failureOf(verifyWixPacts({ pactUrls: [file] }));
    expect(error.failures).toEqual([
      expect.objectContaining({ interaction: expect.stringContaining('a participation with a loyalty tier'), path: '$.createdEvent.entity', mismatch: expect.stringContaining('loyaltyTier') }),
    ]);
    expect(error.message).toContain('loyaltyTier');
    expect(error.report).toContain('a participation with a loyalty tier');
  });

  it('a wrong type', async () => {
    const dir = await tempDir();
    const content = { ...participationPayload, createdEvent: { entity: { ...participationPayload.createdEvent.entity, partySize: string('2') } } };
    const file = await writeConsumerPact(dir, consumer, 'wix-calendar-participations-v3', [{ description: 'a participation with a text party size', states: ['for-schedule'], metadata: { eventType }, content }]);
    const error = await failureOf(verifyWixPacts({ pactUrls: [file] }));
    expect(error.failures).toEqual([
      expect.objectContaining({ interaction: expect.stringContaining('a participation with a text party size'), path: '$.createdEvent.entity.partySize' }),
    ]);
  });

  it('a wrong eventType', async () => {
    const dir = await tempDir();
    const file = await writeConsumerPact(dir, consumer, 'wix-calendar-participations-v3', [
      { description: 'a participation update', states: ['for-schedule'], metadata: { eventType: 'wix.calendar.v3.participation_updated' }, content: participationPayload },
    ]);
    const error = await failureOf(verifyWixPacts({ pactUrls: [file] }));
    expect(error.failures).toEqual([expect.objectContaining({ interaction: expect.stringContaining('a participation update'), path: 'eventType', type: 'MetadataMismatch' })]);
    expect(error.failures[0]!.mismatch).toContain('eventType');
  });

  it('a field of another trait than the state says (eventId of a schedule participation), and a wrong type in an SDK envelope', async () => {
    const dir = await tempDir();
    const withEventId = { ...participationPayload, createdEvent: { entity: { ...participationPayload.createdEvent.entity, eventId: string('8694af766b3943a4a0f667cc922ae5701234567890abcdef1234567890abcdef') } } };
    const textGuests = { ...guestEnvelope, data: { ...guestEnvelope.data, guest: { ...guestEnvelope.data.guest, totalGuests: string('1') } } };
    const files = [
      await writeConsumerPact(dir, consumer, 'wix-calendar-participations-v3', [{ description: 'a schedule participation with an event id', states: ['for-schedule'], metadata: { eventType }, content: withEventId }]),
      await writeConsumerPact(dir, consumer, 'wix-events-guests-v1', [
        { description: 'a guest envelope with text guests', metadata: { eventType: 'wix.events.guests.v1.guest_guest_event_starts', layer: 'sdk' }, content: textGuests },
      ]),
    ];
    const error = await failureOf(verifyWixPacts({ pactUrls: files }));
    expect(error.failures.map((failure) => [failure.interaction.split(' - ').at(-1), failure.path])).toEqual([
      ['a schedule participation with an event id', '$.createdEvent.entity'],
      ['a guest envelope with text guests', '$.data.guest.totalGuests'],
    ]);
  });

  it('a provider state that names no trait fails that interaction, naming the state', async () => {
    const dir = await tempDir();
    const file = await writeConsumerPact(dir, consumer, 'wix-calendar-participations-v3', [
      { description: 'a participation', states: ['a VIP participation'], metadata: { eventType }, content: { partySize: integer(1) } },
    ]);
    const error = await failureOf(verifyWixPacts({ pactUrls: [file] }));
    expect(error.failures[0]).toMatchObject({ interaction: 'a participation', type: 'ProviderError', mismatch: expect.stringContaining('"a VIP participation" maps to no trait') });
    expect(error.failures.every((failure) => failure.interaction.includes('a participation'))).toBe(true);
    expect(error.message).toContain('a VIP participation');
    expect(UnknownProviderStateError.code).toBe('ERR_UNKNOWN_PROVIDER_STATE');
  });
});

describe('verifyWixPacts on sources it cannot read', () => {
  it('a missing file, a non-JSON file, or no source at all is a typed error', async () => {
    await expect(verifyWixPacts({ pactUrls: ['no-such-pact.json'] })).rejects.toMatchObject({ code: 'ERR_PACT_SOURCE', message: expect.stringContaining('no such file or folder') });
    await expect(verifyWixPacts({ pactUrls: ['README.md'] })).rejects.toMatchObject({ code: 'ERR_PACT_SOURCE' });
    await expect(verifyWixPacts({})).rejects.toMatchObject({ code: 'ERR_PACT_HELPER' });
  });
});
