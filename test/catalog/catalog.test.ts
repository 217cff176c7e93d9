import { describe, expect, it } from 'vitest';
import { catalog, getWebhook, getWebhookByEventType, isWebhookName, webhookEventTypes, webhookNames } from '../../src/catalog/catalog.js';
import { UnknownEventTypeError, UnknownWebhookError } from '../../src/errors.js';
import { parsePayload, safeParsePayload } from '../../src/catalog/parse.js';
import { docsExample } from '../helpers/docs-examples.js';

describe('catalog', () => {
  it('lists the three webhooks with their names, event types, fqdns and slugs', () => {
    expect(catalog.map(({ name, eventType, entityFqdn, slug }) => ({ name, eventType, entityFqdn, slug }))).toEqual([
      { name: 'participation-created', eventType: 'wix.calendar.v3.participation_created', entityFqdn: 'wix.calendar.v3.participation', slug: 'created' },
      { name: 'event-recurring-split', eventType: 'wix.calendar.v3.event_recurring_split', entityFqdn: 'wix.calendar.v3.event', slug: 'recurring_split' },
      { name: 'guest-event-starts', eventType: 'wix.events.guests.v1.guest_guest_event_starts', entityFqdn: 'wix.events.guests.v1.guest', slug: 'guest_event_starts' },
    ]);
  });

  it('names and event types are unique, and the eventType follows the fqdn and slug', () => {
    expect(new Set(webhookNames).size).toBe(catalog.length);
    expect(new Set(webhookEventTypes).size).toBe(catalog.length);
    for (const webhook of catalog) {
      const fqdnParts = webhook.entityFqdn.split('.');
      expect(webhook.eventType).toBe(`${fqdnParts.slice(0, -1).join('.')}.${fqdnParts.at(-1)}_${webhook.slug}`);
      expect(webhook.docsUrl).toMatch(/^https:\/\/dev\.wix\.com\/docs\//);
    }
  });

  it('finds a webhook by name and by eventType', () => {
    for (const webhook of catalog) {
      expect(getWebhook(webhook.name)).toBe(webhook);
      expect(getWebhookByEventType(webhook.eventType)).toBe(webhook);
      expect(isWebhookName(webhook.name)).toBe(true);
    }
    expect(isWebhookName('order-created')).toBe(false);
  });

  it('an unknown name or eventType is a typed error listing what is known', () => {
    expect(() => getWebhook('order-created')).toThrow(UnknownWebhookError);
    expect(() => getWebhook('order-created')).toThrow(/Known webhooks: participation-created, event-recurring-split, guest-event-starts/);
    try {
      getWebhookByEventType('wix.stores.v1.order_created');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(UnknownEventTypeError);
      expect((error as UnknownEventTypeError).code).toBe('ERR_UNKNOWN_EVENT_TYPE');
    }
  });

  it('definitions are frozen: a feature cannot change them for the others', () => {
    for (const webhook of catalog) expect(Object.isFrozen(webhook)).toBe(true);
  });
});

describe('parsePayload', () => {
  it('returns the typed payload and throws SchemaMismatchError with paths otherwise', () => {
    const payload = parsePayload('participation-created', docsExample('participation-created'));
    expect(payload.createdEvent.entity.partySize).toBe(1);
    const broken = structuredClone(docsExample('participation-created')) as any;
    broken.createdEvent.entity.partySize = 'one';
    expect(() => parsePayload('participation-created', broken)).toThrow(/createdEvent\.entity\.partySize: expected number, received string "one"/);
  });

  it('safeParsePayload reports every issue with path, expected and received', () => {
    const broken = structuredClone(docsExample('participation-created')) as any;
    broken.createdEvent.entity.status = 'MAYBE';
    broken.createdEvent.entity.nickname = 'JD';
    const result = safeParsePayload('participation-created', broken, { mode: 'strict' });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.code).toBe('ERR_SCHEMA_MISMATCH');
    expect(result.error.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'createdEvent.entity.status', expected: 'one of "CONFIRMED" | "PENDING_CONFIRMATION"', received: 'string "MAYBE"' }),
        expect.objectContaining({ path: 'createdEvent.entity.nickname', issueCode: 'unrecognized_keys' }),
      ]),
    );
  });

  it('bad input of any type gets a typed error, never a crash', () => {
    for (const value of [undefined, null, 42, 'text', [], { createdEvent: null }, Object.create(null)]) {
      const result = safeParsePayload('participation-created', value);
      expect(result.success).toBe(false);
    }
  });
});
