import { describe, expect, it } from 'vitest';
import { getWebhook } from '../../../src/catalog/catalog.js';
import { createAjv } from '../../helpers/ajv.js';
import { docsExample } from '../../helpers/docs-examples.js';
import { expectRejectedEverywhere, type InvalidCase } from '../../helpers/rejection.js';

const webhook = getWebhook('participation-created');
const ajv = createAjv();

const invalidCases: InvalidCase[] = [
  { label: 'party size 0', mutate: (p) => (p.createdEvent.entity.partySize = 0), path: 'createdEvent.entity.partySize' },
  { label: 'party size 1001', mutate: (p) => (p.createdEvent.entity.partySize = 1001), path: 'createdEvent.entity.partySize' },
  { label: 'party size 1.5', mutate: (p) => (p.createdEvent.entity.partySize = 1.5), path: 'createdEvent.entity.partySize' },
  { label: 'unknown status', mutate: (p) => (p.createdEvent.entity.status = 'MAYBE'), path: 'createdEvent.entity.status' },
  { label: 'empty participant name', mutate: (p) => (p.createdEvent.entity.participant.name = ''), path: 'createdEvent.entity.participant.name' },
  { label: 'participant name of 201 characters', mutate: (p) => (p.createdEvent.entity.participant.name = 'x'.repeat(201)), path: 'createdEvent.entity.participant.name' },
  { label: 'participant without a name', mutate: (p) => delete p.createdEvent.entity.participant.name, path: 'createdEvent.entity.participant.name' },
  {
    label: 'both scheduleId and eventId',
    mutate: (p) => (p.createdEvent.entity.scheduleId = 'a96c3c31-c9fc-495d-b55b-40c694fe196c'),
    path: 'createdEvent.entity.eventId',
    pointer: '/createdEvent/entity',
  },
  { label: 'neither scheduleId nor eventId', mutate: (p) => delete p.createdEvent.entity.eventId, path: 'createdEvent.entity.scheduleId', pointer: '/createdEvent/entity' },
  { label: 'eventId shorter than 36 characters', mutate: (p) => (p.createdEvent.entity.eventId = 'short'), path: 'createdEvent.entity.eventId' },
  { label: 'participation id not a GUID', mutate: (p) => (p.createdEvent.entity.id = 'not-a-guid'), path: 'createdEvent.entity.id' },
  { label: 'revision as a number', mutate: (p) => (p.createdEvent.entity.revision = 1), path: 'createdEvent.entity.revision' },
  { label: 'createdDate not a date', mutate: (p) => (p.createdEvent.entity.createdDate = 'yesterday'), path: 'createdEvent.entity.createdDate' },
  { label: 'contactId of the wrong type', mutate: (p) => (p.createdEvent.entity.participant.contactId = 42), path: 'createdEvent.entity.participant.contactId' },
  { label: 'missing createdEvent.entity', mutate: (p) => delete p.createdEvent.entity, path: 'createdEvent.entity' },
  { label: 'missing createdEvent', mutate: (p) => delete p.createdEvent, path: 'createdEvent' },
  { label: 'missing payload id', mutate: (p) => delete p.id, path: 'id' },
  { label: 'wrong entityFqdn', mutate: (p) => (p.entityFqdn = 'wix.calendar.v3.event'), path: 'entityFqdn' },
  { label: 'wrong slug', mutate: (p) => (p.slug = 'updated'), path: 'slug' },
  { label: 'entityEventSequence as a number', mutate: (p) => (p.entityEventSequence = 1), path: 'entityEventSequence' },
  { label: 'eventTime without a zone', mutate: (p) => (p.eventTime = '2024-10-15T11:29:39'), path: 'eventTime' },
];

describe('participation-created schemas', () => {
  it.each(invalidCases)('rejects $label, naming $path', (invalid) => {
    const payload = structuredClone(docsExample(webhook.name));
    invalid.mutate(payload);
    expectRejectedEverywhere(ajv, webhook, payload, invalid);
  });

  it('accepts a participation for a whole schedule (scheduleId instead of eventId)', () => {
    const payload = structuredClone(docsExample(webhook.name)) as any;
    delete payload.createdEvent.entity.eventId;
    payload.createdEvent.entity.scheduleId = 'a96c3c31-c9fc-495d-b55b-40c694fe196c';
    expect(webhook.schemas('strict').payload.safeParse(payload).success).toBe(true);
  });

  it('keeps an undocumented field in loose mode and reports it in strict mode', () => {
    const payload = structuredClone(docsExample(webhook.name)) as any;
    payload.createdEvent.entity.participant.pronouns = 'she/her';
    const loose = webhook.schemas('loose').payload.parse(payload) as any;
    expect(loose.createdEvent.entity.participant.pronouns).toBe('she/her');
    const strict = webhook.schemas('strict').payload.safeParse(payload);
    expect(strict.success).toBe(false);
  });
});
