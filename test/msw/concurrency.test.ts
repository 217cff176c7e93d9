import { afterAll, expect, it } from 'vitest';
import { call, inProcessMock, startServer, token } from './helpers.js';

const { mock } = inProcessMock();
const server = startServer(mock);
afterAll(() => server.close());

it('many concurrent creates and revision-checked updates lose nothing; 409 exactly when the revision is stale', async () => {
  const auth = await token();
  const event = [...mock.store.calendarEvents.values()].find((candidate) => candidate.recurrenceType === 'NONE')!;
  const before = mock.store.participations.size;
  const creates = await Promise.all(
    Array.from({ length: 200 }, (_, index) => call('POST', '/calendar/v3/participations', auth, { participation: { eventId: event.id, participant: { name: `P${index}` }, partySize: 1 } })),
  );
  expect(creates.every((response) => response.status === 200)).toBe(true);
  const ids = new Set(creates.map((response) => response.body.participation.id));
  expect(ids.size).toBe(200);
  expect(mock.store.participations.size).toBe(before + 200);

  // 20 writers race on each of 10 participations, all holding revision "1": exactly one wins per participation.
  const targets = [...ids].slice(0, 10);
  const updates = await Promise.all(
    targets.flatMap((id) => Array.from({ length: 20 }, (_, writer) => call('PATCH', `/calendar/v3/participations/${id}`, auth, { participation: { partySize: writer + 2, revision: '1' } }).then((response) => ({ id, writer, response })))),
  );
  for (const id of targets) {
    const mine = updates.filter((update) => update.id === id);
    const winners = mine.filter((update) => update.response.status === 200);
    expect(winners).toHaveLength(1);
    expect(mine.filter((update) => update.response.status === 409)).toHaveLength(19);
    expect(mock.store.participations.get(id)).toMatchObject({ revision: '2', partySize: winners[0]!.writer + 2 });
  }

  // Sequential revision-checked updates with the current revision never conflict.
  const id = targets[0]!;
  for (let round = 0; round < 10; round++) {
    const current = mock.store.participations.get(id)!;
    const response = await call('PATCH', `/calendar/v3/participations/${id}`, auth, { participation: { partySize: 1, revision: current.revision } });
    expect(response.status).toBe(200);
  }
  expect(mock.store.participations.get(id)!.revision).toBe('12');

  await mock.idle();
  expect(mock.deliveries.filter((delivery) => delivery.name === 'participation-created')).toHaveLength(200);
  expect(new Set(mock.deliveries.map((delivery) => delivery.payload.entityId)).size).toBe(200);
});
