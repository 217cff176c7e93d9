import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { agent, buildDist, freePort, send, start, stop } from './server.js';
import { median, printTable } from './harness.js';
import { reportTarget } from './targets.js';

/**
 * `wixhook serve` under a long run of REST writes: its resident memory after 20k participation
 * creates (each signs and logs a webhook), and the latency of Query Participations at the start
 * and after 20k and 50k writes (median of 21 queries, unfiltered and filtered by eventId).
 */
const concurrency = 16;
const appId = 'a3c4b1de-7f7e-4a8e-9a7c-5d1d3c2b1a00';

/** Resident set size of a process, from /proc (Linux). */
function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((entry) => entry.startsWith('VmRSS:'));
  return Number(/(\d+)/.exec(line ?? '')?.[1] ?? Number.NaN) / 1024;
}

async function queryMs(port: number, auth: Record<string, string>, body: string): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < 21; run++) {
    const started = performance.now();
    const answer = await send(port, 'POST', '/calendar/v3/participations/query', auth, body);
    if (answer.status !== 200) throw new Error(`query answered ${answer.status}: ${answer.text.slice(0, 200)}`);
    times.push(performance.now() - started);
  }
  return median(times);
}

async function write(port: number, auth: Record<string, string>, eventId: string, count: number): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        next++;
        const answer = await send(port, 'POST', '/calendar/v3/participations', auth, JSON.stringify({ participation: { eventId, participant: { name: `Guest ${next}` }, partySize: 1 } }));
        if (answer.status !== 200) throw new Error(`create answered ${answer.status}: ${answer.text.slice(0, 200)}`);
      }
    }),
  );
}

export async function benchMemory(): Promise<void> {
  await buildDist();
  const port = await freePort();
  const { child } = await start({ name: 'wixhook serve', command: [process.execPath, 'dist/cli/main.js', 'serve', '--quiet', '--app-id', appId, '--port', '{port}'] }, port);
  const minimalPort = await freePort();
  const minimal = await start({ name: 'node:http minimal', command: [process.execPath, 'bench/fixtures/minimal-server.mjs', '{port}'] }, minimalPort);
  try {
    const token = await send(port, 'POST', '/oauth2/token', {}, JSON.stringify({ grant_type: 'client_credentials', client_id: appId, client_secret: 's', instance_id: '6d1c6b9b-8a3e-4f6b-9c51-0d6c1f1e2a7b' }));
    const auth = { authorization: (JSON.parse(token.text) as { access_token: string }).access_token };
    const events = JSON.parse((await send(port, 'POST', '/calendar/v3/events/query', auth, '{}')).text) as { events: Array<{ id: string }> };
    const eventId = events.events[0]!.id;
    const unfiltered = '{"query":{}}';
    const filtered = JSON.stringify({ query: { filter: { eventId } } });
    const rows: string[][] = [];
    const row = async (writes: number, started: number) => {
      rows.push([String(writes), `${((performance.now() - started) / 1000).toFixed(1)} s`, `${rssMb(child.pid!).toFixed(0)} MB`, `${(await queryMs(port, auth, unfiltered)).toFixed(1)} ms`, `${(await queryMs(port, auth, filtered)).toFixed(1)} ms`]);
    };
    const begun = performance.now();
    await row(0, begun);
    const startMs = Number(rows[0]![3]!.split(' ')[0]);
    await write(port, auth, eventId, 20_000);
    await row(20_000, begun);
    const rssAfter20k = rssMb(child.pid!);
    await write(port, auth, eventId, 30_000);
    await row(50_000, begun);
    const after50kMs = Number(rows[2]![3]!.split(' ')[0]);
    const minimalRss = rssMb(minimal.child.pid!);
    printTable(
      `wixhook serve under participation creates (${concurrency} keep-alive clients; default --keep-deliveries 1000); minimal node:http server idle: ${minimalRss.toFixed(0)} MB`,
      ['writes', 'elapsed', 'RSS', 'query (all), median', 'query (eventId), median'],
      rows,
    );
    reportTarget('serve RSS after 20k writes', `${rssAfter20k.toFixed(0)} MB`, '<= 200 MB', rssAfter20k <= 200);
    reportTarget('participations query after 50k writes', `${after50kMs.toFixed(1)} ms`, `fast (at start ${startMs.toFixed(1)} ms)`, after50kMs < 50);
  } finally {
    await stop(child);
    await stop(minimal.child);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await benchMemory();
  agent.destroy();
}
