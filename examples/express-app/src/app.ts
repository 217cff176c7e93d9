import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { guests } from '@wix/events';
import { AppStrategy, createClient, EventDefinition } from '@wix/sdk';
import express from 'express';

/**
 * A small Wix app: it receives Wix webhooks (verified by `@wix/sdk`) and calls Wix's REST API.
 * Nothing here knows about the testkit: point `wixBaseUrl` at Wix, at the MSW mock, or at
 * `wixhook serve`.
 */
export interface AppConfig {
  appId: string;
  appSecret: string;
  instanceId: string;
  /** The app's public key from the Wix dashboard (PEM). */
  publicKey: string;
  /** `https://www.wixapis.com` in production. */
  wixBaseUrl: string;
}

export interface Received {
  eventType: string;
  /** The SDK envelope's data (guest-event-starts) or the raw payload (calendar webhooks). */
  data: any;
}

const calendarEvents = ['wix.calendar.v3.participation_created', 'wix.calendar.v3.event_recurring_split'];

export function createApp(config: AppConfig) {
  const received: Received[] = [];
  // Created on the first webhook, so the key may be configured after the app starts listening.
  let client: ReturnType<typeof createWixClient> | undefined;
  const createWixClient = () => {
    const created = createClient({ auth: AppStrategy({ appId: config.appId, publicKey: config.publicKey }), modules: { guests } });
    created.guests.onGuestEventStarts((envelope) => {
      received.push({ eventType: 'wix.events.guests.v1.guest_guest_event_starts', data: envelope.data });
    });
    return created;
  };
  const wix = () => (client ??= createWixClient());

  async function accessToken(): Promise<string> {
    const response = await fetch(`${config.wixBaseUrl}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credentials', client_id: config.appId, client_secret: config.appSecret, instance_id: config.instanceId }),
    });
    if (!response.ok) throw new Error(`token: ${response.status}`);
    return ((await response.json()) as { access_token: string }).access_token;
  }

  async function wixPost(path: string, body: unknown): Promise<{ status: number; body: any }> {
    const response = await fetch(`${config.wixBaseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: await accessToken() },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: await response.json() };
  }

  const app = express();

  // Verify the raw body: the whole body is the JWT.
  app.post('/webhooks/wix', express.text({ type: '*/*' }), async (req, res) => {
    try {
      const result = await wix().webhooks.process(req.body as string, { expectedEvents: calendarEvents.map((type) => EventDefinition(type)()) });
      if (calendarEvents.includes(result.eventType)) received.push({ eventType: result.eventType, data: result.payload });
      res.sendStatus(200);
    } catch (error) {
      res.status(400).send((error as Error).message);
    }
  });

  // Book a seat: create a calendar v3 participation.
  app.post('/bookings', express.json(), async (req, res) => {
    const { eventId, name, partySize = 1 } = req.body as { eventId: string; name: string; partySize?: number };
    const result = await wixPost('/calendar/v3/participations', { participation: { eventId, participant: { name }, partySize } });
    res.status(result.status).json(result.body);
  });

  // Change a series from a date on: split the recurring MASTER.
  app.post('/series/:id/split', express.json(), async (req, res) => {
    const result = await wixPost(`/calendar/v3/events/${encodeURIComponent(req.params.id)}/split`, { splitLocalDate: (req.body as { from: string }).from });
    res.status(result.status).json(result.body);
  });

  return { app, received, wixPost };
}

/** Listens on a free loopback port. */
export async function listen(app: express.Express): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = await new Promise((resolve) => {
    const started = app.listen(0, '127.0.0.1', () => resolve(started));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
