import { createVirtualClock, realClock } from '../../delivery/clock.js';
import { deliverBatch, summarize, type BatchAttempt, type BatchDelivery } from '../../delivery/batch.js';
import type { Attempt, DeliveryReport } from '../../delivery/report.js';
import { DeliveryAbortedError } from '../../delivery/errors.js';
import { wixResendPolicy } from '../../delivery/resend-policy.js';
import { build } from '../../build/build.js';
import { signWebhook } from '../../signing/sign.js';
import { webhookArgument, wholeNumberOption } from '../arguments.js';
import { exitCodes, UsageError, type Command } from '../command.js';
import { readInput, readKeyFile } from '../read-input.js';
import { parseHttpUrl } from '../../delivery/http-url.js';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** A wait in words, as Wix's schedule is written: `1 min`, `2 h`, `1 h 30 min`. */
function duration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return `${Math.round(ms / 1000)} s`;
  const hours = Math.floor(minutes / 60);
  return [hours > 0 ? `${hours} h` : '', minutes % 60 > 0 ? `${minutes % 60} min` : ''].filter(Boolean).join(' ');
}

function outcomeText(attempt: Attempt): string {
  if (attempt.outcome === 'delivered') return `${attempt.status} delivered`;
  if (attempt.status !== undefined) return `${attempt.status} failed`;
  return `no answer (${attempt.error?.code}: ${attempt.error?.message})`;
}

export const sendCommand: Command = {
  name: 'send',
  summary: "POST signed webhooks to a URL as Wix does, with Wix's resend policy, and print a summary.",
  usage: 'send <name> --to URL [--count N] [--seed N] [--trait T]... | --file PAYLOAD.json] [--concurrency C] [--private-key FILE] [--duplicates N] [--shuffle] [--retries N] [--virtual-clock] [--json]',
  options: {
    to: { type: 'string', valueName: 'url', description: 'The webhook endpoint, e.g. http://localhost:3000/webhooks/wix.' },
    count: { type: 'string', valueName: 'n', description: 'How many different webhooks to send. Default 1.' },
    concurrency: { type: 'string', valueName: 'c', description: 'Deliveries in flight at once. Default 4.' },
    seed: { type: 'string', valueName: 'n', description: 'Seed of the first payload (payload i uses seed + i) and of --shuffle. Default: random.' },
    trait: { type: 'string', multiple: true, valueName: 'name', description: 'Factory trait for every payload; repeatable (see wixhook example <name> --list-traits).' },
    'private-key': { type: 'string', valueName: 'file', description: 'PKCS#8 PEM to sign with. Default: the test key (`test`).' },
    duplicates: { type: 'string', valueName: 'n', description: 'Extra copies of every webhook, as Wix may deliver twice. Default 0.' },
    shuffle: { type: 'boolean', description: 'Send in a seeded random order (out-of-order delivery).' },
    retries: { type: 'string', valueName: 'n', description: `Resends after a failure, 0..${wixResendPolicy.retryDelaysMs.length}. Default ${wixResendPolicy.retryDelaysMs.length}, Wix's policy (1 min ... 12 h apart).` },
    'virtual-clock': { type: 'boolean', description: 'Do not wait between resends: run the schedule on a virtual clock and report its times.' },
    file: { type: 'string', valueName: 'file', description: 'Send this payload (JSON, `-` for stdin) instead of building one: signed as given, valid or not.' },
    json: { type: 'boolean', description: 'Print only the summary and every attempt as JSON, at the end. Without it, the header prints at once and each attempt as it happens.' },
  },
  examples: [
    'wixhook send participation-created --to http://localhost:3000/webhooks/wix',
    'wixhook send guest-event-starts --to http://localhost:3000/webhooks/wix --count 100 --concurrency 8 --duplicates 1 --shuffle --seed 7',
    'wixhook send event-recurring-split --to http://localhost:3000/hooks --retries 0 --json',
    'wixhook send participation-created --to http://localhost:3000/webhooks/wix --file captured-payload.json',
  ],
  async run({ values, positionals, io }) {
    const webhook = webhookArgument(positionals);
    if (typeof values.to !== 'string') throw new UsageError('--to URL is required: the endpoint to POST the webhooks to.');
    const target = parseHttpUrl(values.to);
    if (!target) throw new UsageError(`--to expects an http(s) URL, got "${values.to}".`);
    const file = values.file as string | undefined;
    if (file !== undefined) {
      const builds = ['count', 'seed', 'trait'].find((option) => values[option] !== undefined);
      if (builds) throw new UsageError(`--${builds} builds payloads; --file sends the one given. Give one or the other.`);
    }
    const count = wholeNumberOption('count', values.count, 1, 1);
    const concurrency = wholeNumberOption('concurrency', values.concurrency, 4, 1);
    const duplicates = wholeNumberOption('duplicates', values.duplicates, 0, 0);
    const retries = wholeNumberOption('retries', values.retries, wixResendPolicy.retryDelaysMs.length, 0);
    if (retries > wixResendPolicy.retryDelaysMs.length) throw new UsageError(`--retries is at most ${wixResendPolicy.retryDelaysMs.length}, Wix's policy.`);
    const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : wholeNumberOption('seed', values.seed, 0, 0);
    const privateKey = await readKeyFile('private-key', values['private-key']);

    const items: Array<{ id: string; jwt: string }> = [];
    if (file !== undefined) {
      let payload: unknown;
      try {
        payload = JSON.parse(await readInput(file, io.readStdin));
      } catch (error) {
        if (error instanceof UsageError) throw error;
        throw new UsageError(`--file ${file}: not JSON (${(error as Error).message}).`);
      }
      const id = (payload as { id?: unknown } | null)?.id;
      items.push({ id: typeof id === 'string' ? id : '(no id)', jwt: await signWebhook(webhook.name, payload, privateKey ? { privateKey } : {}) });
    } else {
      for (let index = 0; index < count; index++) {
        const built = build(webhook.name, { seed: seed + index, traits: (values.trait ?? []) as string[] });
        // A built payload is signed with the delivery it was built with.
        items.push({ id: String(built.payload.id), jwt: await signWebhook(webhook.name, built.payload, privateKey ? { privateKey } : {}) });
      }
    }

    const total = items.length * (duplicates + 1);
    const maxAttempts = retries + 1;
    const virtual = Boolean(values['virtual-clock']);
    const clock = virtual ? createVirtualClock(Date.now()) : realClock;
    const live = !values.json;
    const span = wixResendPolicy.retryDelaysMs.slice(0, retries).reduce((sum, delay) => sum + delay, 0);
    const origin = file !== undefined ? `from ${file}` : `seed ${seed}`;
    if (live) {
      io.stdout(
        `${webhook.name} → ${target.href} (${origin}): ${plural(total, 'delivery', 'deliveries')}, up to ${maxAttempts} attempts each` +
          `${retries > 0 ? `, resends over ${duration(span)}${virtual ? ' of virtual time' : ' (Ctrl-C stops and prints the summary)'}` : ''}\n`,
      );
    }
    const width = String(total).length;
    const onAttempt = ({ id, sequence, attempt, maxAttempts: of, nextAttemptAt }: BatchAttempt) => {
      started.set(sequence, [...(started.get(sequence) ?? []), attempt]);
      if (!live) return;
      const next = nextAttemptAt === undefined ? (attempt.outcome === 'delivered' ? '' : ', no more attempts') : `, next attempt at ${new Date(nextAttemptAt).toISOString()} (in ${duration(nextAttemptAt - clock.now())})`;
      io.stdout(`${new Date(attempt.at).toISOString()} [${String(sequence + 1).padStart(width)}/${total} ${id.slice(0, 8)}] attempt ${attempt.number} of ${of}: ${outcomeText(attempt)}${next}\n`);
    };
    // Attempts of every delivery that started, so an interrupted run still has its summary.
    const started = new Map<number, Attempt[]>();
    const finished = new Map<number, BatchDelivery>();
    const controller = new AbortController();
    const interrupt = () => controller.abort(new Error('interrupted (SIGINT)'));
    process.once('SIGINT', interrupt);
    let deliveries: BatchDelivery[];
    let interrupted = false;
    try {
      const report = await deliverBatch(items, target.href, {
        concurrency,
        duplicates,
        shuffle: Boolean(values.shuffle),
        seed,
        clock,
        policy: { retryDelaysMs: wixResendPolicy.retryDelaysMs.slice(0, retries) },
        signal: controller.signal,
        onAttempt,
        onProgress: ({ delivery }) => void finished.set(delivery.sequence, delivery),
      });
      deliveries = report.reports;
    } catch (error) {
      if (!(error instanceof DeliveryAbortedError)) throw error;
      interrupted = true;
      deliveries = [...started.keys()].sort((a, b) => a - b).map((sequence) => finished.get(sequence) ?? { id: '', copy: 0, sequence, report: { delivered: false, attempts: started.get(sequence)!, target: target.href } satisfies DeliveryReport });
    } finally {
      process.off('SIGINT', interrupt);
    }
    const summary = summarize(deliveries.map((delivery) => delivery.report));
    const unfinished = total - finished.size;
    if (values.json) {
      io.stdout(`${JSON.stringify({ webhook: webhook.name, target: target.href, ...(file !== undefined ? { file } : { seed }), ...(interrupted ? { interrupted: true, unfinished } : {}), summary, deliveries }, null, 2)}\n`);
    } else {
      const statuses = Object.entries(summary.statuses)
        .map(([status, attempts]) => `${status}: ${attempts}`)
        .join(', ');
      const latency = summary.latencyMs;
      io.stdout(
        [
          ...(interrupted ? [`interrupted: ${plural(unfinished, 'delivery', 'deliveries')} unfinished (${total - started.size} not started); the counts below are of the ${started.size} started`] : []),
          `${webhook.name} → ${target.href} (${origin})`,
          `deliveries: ${summary.total} (${summary.delivered} delivered, ${summary.failed} failed), retries: ${summary.retries}`,
          `attempts by status: ${statuses}`,
          `latency ms: p50 ${latency.p50.toFixed(1)}, p90 ${latency.p90.toFixed(1)}, p99 ${latency.p99.toFixed(1)}, max ${latency.max.toFixed(1)}`,
          '',
        ].join('\n'),
      );
    }
    return summary.failed === 0 && !interrupted ? exitCodes.ok : exitCodes.failure;
  },
};
