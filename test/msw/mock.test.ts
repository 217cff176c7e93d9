import { http, HttpResponse } from 'msw';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { call, inProcessMock, startServer, token } from './helpers.js';

const { mock } = inProcessMock();
const server = startServer(mock);
afterEach(() => {
  server.resetHandlers();
  mock.reset();
});
afterAll(() => server.close());

describe('seeding', () => {
  it('is deterministic per seed and start time, and differs across seeds', () => {
    const snapshot = (seed: number) => {
      const { mock: other } = inProcessMock({ seed });
      return JSON.stringify([...other.store.calendarEvents.values(), ...other.store.participations.values(), ...other.store.guests.values()]);
    };
    expect(snapshot(5)).toBe(snapshot(5));
    expect(snapshot(5)).not.toBe(snapshot(6));
    expect(mock.store.calendarEvents.size).toBe(6);
    expect(mock.store.participations.size).toBe(4);
    expect(mock.store.guests.size).toBe(6);
  });

  it('reset restores the seeded store and forgets tokens', async () => {
    const auth = await token();
    const before = JSON.stringify([...mock.store.participations.values()]);
    const event = [...mock.store.calendarEvents.values()][1]!;
    await call('POST', '/calendar/v3/participations', auth, { participation: { eventId: event.id, participant: { name: 'A' }, partySize: 1 } });
    await mock.idle();
    mock.reset();
    expect(JSON.stringify([...mock.store.participations.values()])).toBe(before);
    expect(mock.deliveries).toHaveLength(0);
    expect((await call('POST', '/calendar/v3/events/query', auth, {})).status).toBe(401);
  });
});

describe('plain MSW handlers', () => {
  it("a user's server.use(...) override wins over the mock's handler", async () => {
    const auth = await token();
    server.use(http.post('https://www.wixapis.com/calendar/v3/events/query', () => HttpResponse.json({ message: 'boom', details: {} }, { status: 503 })));
    expect((await call('POST', '/calendar/v3/events/query', auth, {})).status).toBe(503);
    server.resetHandlers();
    expect((await call('POST', '/calendar/v3/events/query', auth, {})).status).toBe(200);
  });

  it('baseUrl moves every endpoint', async () => {
    const { mock: other } = inProcessMock({ baseUrl: 'http://wix.test/' });
    server.use(...other.handlers);
    const response = await fetch('http://wix.test/oauth2/token', {
      method: 'POST',
      body: JSON.stringify({ grant_type: 'client_credentials', client_id: other.appId, client_secret: 's', instance_id: other.instanceId }),
    });
    expect(response.status).toBe(200);
  });
});
