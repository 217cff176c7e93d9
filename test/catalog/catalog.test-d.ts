import { describe, expectTypeOf, it } from 'vitest';
import { getWebhook, getWebhookByEventType, type CuratedWebhookName, type WebhookEventType, type WebhookName } from '../../src/catalog/catalog.js';
import type { TraitOf } from '../../src/build/build.js';
import type { PayloadOf, SdkEnvelopeOf } from '../../src/catalog/parse.js';

describe('catalog types', () => {
  it('names and event types are literal unions: the curated ones, then every generated one', () => {
    expectTypeOf<CuratedWebhookName>().toEqualTypeOf<'participation-created' | 'event-recurring-split' | 'guest-event-starts'>();
    expectTypeOf<'contact-updated'>().toExtend<WebhookName>();
    expectTypeOf<'wix.ecom.v1.order_created'>().toExtend<WebhookEventType>();
    expectTypeOf<'no-such-webhook'>().not.toExtend<WebhookName>();
    expectTypeOf<CuratedWebhookName>().toExtend<WebhookName>();
    expectTypeOf<'wix.calendar.v3.participation_created' | 'wix.calendar.v3.event_recurring_split' | 'wix.events.guests.v1.guest_guest_event_starts'>().toExtend<WebhookEventType>();
  });

  it('a generated webhook is typed by its definition: traits minimal and full', () => {
    expectTypeOf<TraitOf<'contact-updated'>>().toEqualTypeOf<'minimal' | 'full'>();
  });

  it('lookups are typed by their argument', () => {
    expectTypeOf(getWebhook('participation-created').eventType).toEqualTypeOf<'wix.calendar.v3.participation_created'>();
    expectTypeOf(getWebhookByEventType('wix.calendar.v3.event_recurring_split').name).toEqualTypeOf<'event-recurring-split'>();
  });

  it('payload and SDK envelope types follow the webhook', () => {
    expectTypeOf<PayloadOf<'participation-created'>['createdEvent']['entity']['partySize']>().toEqualTypeOf<number>();
    expectTypeOf<PayloadOf<'participation-created'>['slug']>().toEqualTypeOf<'created'>();
    expectTypeOf<PayloadOf<'event-recurring-split'>['actionEvent']['body']['newRecurringEventStartingFromSplit']['start']['localDate']>().toEqualTypeOf<string>();
    expectTypeOf<SdkEnvelopeOf<'participation-created'>['entity']['_createdDate']>().toEqualTypeOf<Date | undefined>();
    expectTypeOf<SdkEnvelopeOf<'event-recurring-split'>['data']['newRecurringEventStartingFromSplit']['start']['utcDate']>().toEqualTypeOf<Date | undefined>();
  });
});
