import { describe, expect, it } from 'vitest';
import { getWebhook } from '../../../src/catalog/catalog.js';
import { createAjv } from '../../helpers/ajv.js';
import { docsExample } from '../../helpers/docs-examples.js';
import { expectRejectedEverywhere, type InvalidCase } from '../../helpers/rejection.js';

const webhook = getWebhook('event-recurring-split');
const ajv = createAjv();
const before = 'actionEvent.body.updatedRecurringEventEndingBeforeSplit';
const after = 'actionEvent.body.newRecurringEventStartingFromSplit';

const invalidCases: InvalidCase[] = [
  { label: 'interval 0', mutate: (p) => (p.actionEvent.body.updatedRecurringEventEndingBeforeSplit.recurrenceRule.interval = 0), path: `${before}.recurrenceRule.interval` },
  { label: 'interval 5', mutate: (p) => (p.actionEvent.body.newRecurringEventStartingFromSplit.recurrenceRule.interval = 5), path: `${after}.recurrenceRule.interval` },
  { label: 'two recurrence days', mutate: (p) => p.actionEvent.body.newRecurringEventStartingFromSplit.recurrenceRule.days.push('MONDAY'), path: `${after}.recurrenceRule.days` },
  { label: 'unknown weekday', mutate: (p) => (p.actionEvent.body.newRecurringEventStartingFromSplit.recurrenceRule.days = ['FUNDAY']), path: `${after}.recurrenceRule.days[0]` },
  { label: 'unknown frequency', mutate: (p) => (p.actionEvent.body.newRecurringEventStartingFromSplit.recurrenceRule.frequency = 'DAILY'), path: `${after}.recurrenceRule.frequency` },
  { label: 'unknown recurrence type', mutate: (p) => (p.actionEvent.body.newRecurringEventStartingFromSplit.recurrenceType = 'ONE_TIME'), path: `${after}.recurrenceType` },
  { label: 'status spelled CANCELED', mutate: (p) => (p.actionEvent.body.newRecurringEventStartingFromSplit.status = 'CANCELED'), path: `${after}.status` },
  { label: 'empty title', mutate: (p) => (p.actionEvent.body.newRecurringEventStartingFromSplit.title = ''), path: `${after}.title` },
  { label: 'localDate with an offset', mutate: (p) => (p.actionEvent.body.newRecurringEventStartingFromSplit.start.localDate = '2024-10-18T12:00:00Z'), path: `${after}.start.localDate` },
  { label: 'utcDate not a date', mutate: (p) => (p.actionEvent.body.newRecurringEventStartingFromSplit.end.utcDate = 'noon'), path: `${after}.end.utcDate` },
  { label: 'start missing', mutate: (p) => delete p.actionEvent.body.newRecurringEventStartingFromSplit.start, path: `${after}.start` },
  { label: 'resource id of the wrong type', mutate: (p) => (p.actionEvent.body.updatedRecurringEventEndingBeforeSplit.resources[0].id = 7), path: `${before}.resources[0].id` },
  { label: 'unknown permission role on a resource', mutate: (p) => (p.actionEvent.body.updatedRecurringEventEndingBeforeSplit.resources[0].permissionRole = 'OWNER'), path: `${before}.resources[0].permissionRole` },
  { label: 'unknown inherited field', mutate: (p) => p.actionEvent.body.updatedRecurringEventEndingBeforeSplit.inheritedFields.push('COLOR'), path: `${before}.inheritedFields[4]` },
  { label: 'negative total capacity', mutate: (p) => (p.actionEvent.body.updatedRecurringEventEndingBeforeSplit.totalCapacity = -1), path: `${before}.totalCapacity` },
  { label: 'location without a type', mutate: (p) => (p.actionEvent.body.updatedRecurringEventEndingBeforeSplit.location = { name: 'Studio' }), path: `${before}.location.type` },
  { label: 'scheduleId not a GUID', mutate: (p) => (p.actionEvent.body.updatedRecurringEventEndingBeforeSplit.scheduleId = 'schedule-1'), path: `${before}.scheduleId` },
  { label: 'event id shorter than 36 characters', mutate: (p) => (p.actionEvent.body.updatedRecurringEventEndingBeforeSplit.id = 'abc'), path: `${before}.id` },
  { label: 'new MASTER missing', mutate: (p) => delete p.actionEvent.body.newRecurringEventStartingFromSplit, path: after },
  { label: 'body missing', mutate: (p) => delete p.actionEvent.body, path: 'actionEvent.body' },
  { label: 'triggeredByAnonymizeRequest as a string', mutate: (p) => (p.triggeredByAnonymizeRequest = 'false'), path: 'triggeredByAnonymizeRequest' },
];

describe('event-recurring-split schemas', () => {
  it.each(invalidCases)('rejects $label, naming $path', (invalid) => {
    const payload = structuredClone(docsExample(webhook.name));
    invalid.mutate(payload);
    expectRejectedEverywhere(ajv, webhook, payload, invalid);
  });

  it('does not treat bodyAsJson as a body: only guest-event-starts documents that form', () => {
    expect(webhook.acceptsBodyAsJson).toBe(false);
  });
});
