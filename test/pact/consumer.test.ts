import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import { getWebhook } from '../../src/catalog/catalog.js';
import { wixMessagePact } from '../../src/pact/consumer.js';
import { PactHelperError } from '../../src/pact/errors.js';
import { guidRegex, isoDateTimeRegex, matchersFromSchema } from '../../src/pact/matchers-from-schema.js';
import { wixMessage } from '../../src/pact/message.js';
import { verifyWixPacts } from '../../src/pact/verify.js';
import { tempDir } from './pacts.js';

describe('matchersFromSchema', () => {
  it('derives Pact matchers from the zod schema beside the example', () => {
    const schema = z.strictObject({
      id: z.guid(),
      at: z.iso.datetime({ offset: true }),
      size: z.int(),
      ratio: z.number(),
      ok: z.boolean(),
      status: z.enum(['A', 'B.C']),
      kind: z.literal('k'),
      seq: z.string().regex(/^-?\d{1,19}$/),
      tags: z.array(z.strictObject({ name: z.string(), note: z.string().optional() })),
      empty: z.array(z.string()),
      note: z.string().optional(),
      when: z.date(),
    });
    const example = { id: '8239c1f9-2625-42aa-86e7-1a65da1b2a55', at: '2024-04-30T17:30:17.633Z', size: 2, ratio: 1.5, ok: true, status: 'A', kind: 'k', seq: '3', tags: [{ name: 'x' }, { name: 'y', note: 'n' }], empty: [], when: '2024-04-30T17:30:17.633Z' };
    expect(matchersFromSchema(schema, example)).toEqual({
      at: { 'pact:matcher:type': 'regex', regex: isoDateTimeRegex, value: example.at },
      empty: { 'pact:matcher:type': 'type', value: [] },
      id: { 'pact:matcher:type': 'regex', regex: guidRegex, value: example.id },
      kind: 'k',
      ok: { 'pact:matcher:type': 'boolean', value: true },
      ratio: { 'pact:matcher:type': 'number', value: 1.5 },
      seq: { 'pact:matcher:type': 'regex', regex: '^-?\\d{1,19}$', value: '3' },
      size: { 'pact:matcher:type': 'integer', value: 2 },
      status: { 'pact:matcher:type': 'regex', regex: '^(A|B\\.C)$', value: 'A' },
      tags: { 'pact:matcher:type': 'type', min: 0, value: [{ name: { 'pact:matcher:type': 'type', value: 'x' } }] },
      when: { 'pact:matcher:type': 'regex', regex: isoDateTimeRegex, value: example.when },
    });
  });

  it('refuses an example that does not fit the schema, naming the path', () => {
    expect(() => matchersFromSchema(z.strictObject({ a: z.strictObject({ b: z.int() }) }), { a: { b: 'x' } })).toThrow(/at \$\.a\.b/);
  });

  it('narrows to the fields a consumer reads, and refuses a field the message does not have', () => {
    const message = wixMessage('guest-event-starts', { layer: 'sdk', traits: ['buyer'], fields: ['data.guest._id', 'data.guest.tickets.number', 'metadata.eventTime'] });
    expect(message.content).toEqual({
      data: { guest: { _id: expect.any(String), tickets: [{ number: expect.any(String) }] } },
      metadata: { eventTime: expect.any(String) },
    });
    expect(() => wixMessage('participation-created', { fields: ['createdEvent.entity.loyaltyTier'] })).toThrow(PactHelperError);
  });
});

describe('wixMessagePact: the consumer helper', () => {
  it('runs the handler with each webhook, writes the pact per Wix provider, and the pacts verify against the Wix model', async () => {
    const dir = await tempDir();
    const pact = wixMessagePact({ consumer: 'helper-app', dir });
    const seen: unknown[] = [];

    const size = await pact.receive('participation-created', { traits: ['for-schedule', 'large-party'], fields: ['createdEvent.entity.id', 'createdEvent.entity.partySize'] }, (payload) => {
      seen.push(payload);
      return payload.createdEvent.entity.partySize;
    });
    expect(size).toBeGreaterThanOrEqual(50);

    await pact.receive('event-recurring-split', { traits: ['dst-change'] }, (payload) => {
      expect(payload.actionEvent.body?.newRecurringEventStartingFromSplit.recurrenceType).toBe('MASTER');
    });

    await pact.receive('guest-event-starts', { layer: 'sdk', traits: ['starts-in-1-hour'] }, (envelope) => {
      expect(envelope.metadata.eventTime).toBeInstanceOf(Date);
      expect(envelope.data?.timing).toBe('STARTS_IN_1_HOUR');
      expect(() => getWebhook('guest-event-starts').schemas('strict').sdkEnvelope.parse(envelope)).not.toThrow();
    });

    await expect(pact.receive('participation-created', {}, () => Promise.reject(new Error('handler broke')))).rejects.toThrow('handler broke');

    const file = join(dir, 'helper-app-wix-calendar-participations-v3.json');
    const written = JSON.parse(await readFile(file, 'utf8'));
    expect(written.interactions).toHaveLength(1);
    expect(written.interactions[0]).toMatchObject({
      description: 'a participation-created webhook with for-schedule, large-party',
      providerStates: [{ name: 'for-schedule' }, { name: 'large-party' }],
      metadata: { eventType: 'wix.calendar.v3.participation_created', contentType: 'application/json', layer: 'payload' },
    });
    expect(Object.keys(written.interactions[0].matchingRules.body).sort()).toEqual(['$.createdEvent.entity.id', '$.createdEvent.entity.partySize']);

    const result = await verifyWixPacts({ pactUrls: [dir], seed: 500 });
    expect(result.sources.map((source) => source.provider).sort()).toEqual(['wix-calendar-events-v3', 'wix-calendar-participations-v3', 'wix-events-guests-v1']);
  });
});
