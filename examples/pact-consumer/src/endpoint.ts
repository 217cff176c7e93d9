import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { guests } from '@wix/events';
import { AppStrategy, createClient, EventDefinition } from '@wix/sdk';
import { getWebhook, parsePayload } from 'wix-webhook-testkit';
import { onEventRecurringSplit, onGuestEventStarts, onParticipationCreated, type Store } from './handler.js';

/**
 * The app's webhook endpoint: `@wix/sdk` verifies each request and runs the handlers. No calendar
 * SDK package is on npm, so the calendar webhooks are read with `expectedEvents` and shaped the way
 * the calendar module would shape them (`toSdkEnvelope`).
 */
export async function startWebhookEndpoint(store: Store, config: { appId: string; publicKey: string }): Promise<{ url: string; server: Server }> {
  const wix = createClient({ auth: AppStrategy({ appId: config.appId, publicKey: config.publicKey }), modules: { guests } });
  // The SDK's typings mark every field optional; the toolkit's envelope schema checks what Wix sends and types it.
  const guestEnvelope = getWebhook('guest-event-starts').schemas().sdkEnvelope;
  wix.guests.onGuestEventStarts((envelope) => onGuestEventStarts(store, guestEnvelope.parse(envelope)));
  const calendar = [getWebhook('participation-created'), getWebhook('event-recurring-split')];

  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', async () => {
      try {
        const event = await wix.webhooks.process(body, { expectedEvents: calendar.map((webhook) => EventDefinition(webhook.eventType)()) });
        const context = { instanceId: event.instanceId, identity: event.identity as never };
        if (event.eventType === 'wix.calendar.v3.participation_created') {
          onParticipationCreated(store, getWebhook('participation-created').toSdkEnvelope(parsePayload('participation-created', event.payload), context));
        }
        if (event.eventType === 'wix.calendar.v3.event_recurring_split') {
          onEventRecurringSplit(store, getWebhook('event-recurring-split').toSdkEnvelope(parsePayload('event-recurring-split', event.payload), context));
        }
        response.statusCode = 200;
      } catch {
        response.statusCode = 401;
      }
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/wix`, server };
}
