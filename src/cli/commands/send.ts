import { createVirtualClock, realClock } from '../../delivery/clock.js';
import { deliverBatch } from '../../delivery/batch.js';
import { wixResendPolicy } from '../../delivery/resend-policy.js';
import { build } from '../../build/build.js';
import { signWebhook } from '../../signing/sign.js';
import { webhookArgument, wholeNumberOption } from '../arguments.js';
import { exitCodes, UsageError, type Command } from '../command.js';
import { progressBar } from '../progress.js';
import { readKeyFile } from '../read-input.js';
import { parseHttpUrl } from '../../delivery/http-url.js';

export const sendCommand: Command = {
  name: 'send',
  summary: "POST signed webhooks to a URL as Wix does, with Wix's resend policy, and print a summary.",
  usage: 'send <name> --to URL [--count N] [--concurrency C] [--seed N] [--trait T]... [--private-key FILE] [--duplicates N] [--shuffle] [--retries N] [--virtual-clock] [--json]',
  options: {
    to: { type: 'string', valueName: 'url', description: 'The webhook endpoint, e.g. http://localhost:3000/webhooks/wix.' },
    count: { type: 'string', valueName: 'n', description: 'How many different webhooks to send. Default 1.' },
    concurrency: { type: 'string', valueName: 'c', description: 'Deliveries in flight at once. Default 4.' },
    seed: { type: 'string', valueName: 'n', description: 'Seed of the first payload (payload i uses seed + i) and of --shuffle. Default: random.' },
    trait: { type: 'string', multiple: true, valueName: 'name', description: 'Factory trait for every payload; repeatable (see wixhook example <name> --list-traits).' },
    'private-key': { type: 'string', valueName: 'file', description: 'PKCS#8 PEM to sign with. Default: mocks/keys/test-private-key.pem.' },
    duplicates: { type: 'string', valueName: 'n', description: 'Extra copies of every webhook, as Wix may deliver twice. Default 0.' },
    shuffle: { type: 'boolean', description: 'Send in a seeded random order (out-of-order delivery).' },
    retries: { type: 'string', valueName: 'n', description: `Resends after a failure, 0..${wixResendPolicy.retryDelaysMs.length}. Default ${wixResendPolicy.retryDelaysMs.length}, Wix's policy (1 min ... 12 h apart).` },
    'virtual-clock': { type: 'boolean', description: 'Do not wait between resends: run the schedule on a virtual clock and report its times.' },
    json: { type: 'boolean', description: 'Print the summary and every attempt as JSON.' },
  },
  examples: [
    'wixhook send participation-created --to http://localhost:3000/webhooks/wix',
    'wixhook send guest-event-starts --to http://localhost:3000/webhooks/wix --count 100 --concurrency 8 --duplicates 1 --shuffle --seed 7',
    'wixhook send event-recurring-split --to http://localhost:3000/hooks --retries 0 --json',
  ],
  async run({ values, positionals, io }) {
    const webhook = webhookArgument(positionals);
    if (typeof values.to !== 'string') throw new UsageError('--to URL is required: the endpoint to POST the webhooks to.');
    const target = parseHttpUrl(values.to);
    if (!target) throw new UsageError(`--to expects an http(s) URL, got "${values.to}".`);
    const count = wholeNumberOption('count', values.count, 1, 1);
    const concurrency = wholeNumberOption('concurrency', values.concurrency, 4, 1);
    const duplicates = wholeNumberOption('duplicates', values.duplicates, 0, 0);
    const retries = wholeNumberOption('retries', values.retries, wixResendPolicy.retryDelaysMs.length, 0);
    if (retries > wixResendPolicy.retryDelaysMs.length) throw new UsageError(`--retries is at most ${wixResendPolicy.retryDelaysMs.length}, Wix's policy.`);
    const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : wholeNumberOption('seed', values.seed, 0, 0);
    const privateKey = await readKeyFile('private-key', values['private-key']);

    const items = [];
    for (let index = 0; index < count; index++) {
      const built = build(webhook.name, { seed: seed + index, traits: (values.trait ?? []) as string[] });
      const jwt = await signWebhook(webhook.name, built.payload, {
        ...(privateKey ? { privateKey } : {}),
        instanceId: built.delivery.instanceId,
        identity: built.delivery.identity,
        ...(built.delivery.accountInfo ? { accountInfo: built.delivery.accountInfo } : {}),
      });
      items.push({ id: String(built.payload.id), jwt });
    }

    const progress = progressBar(io.stderr, io.isTTY, `${webhook.name} → ${target.host}`);
    const report = await deliverBatch(items, target.href, {
      concurrency,
      duplicates,
      shuffle: Boolean(values.shuffle),
      seed,
      clock: values['virtual-clock'] ? createVirtualClock(Date.now()) : realClock,
      policy: { retryDelaysMs: wixResendPolicy.retryDelaysMs.slice(0, retries) },
      onProgress: ({ done, total }) => progress.update(done, total),
    });

    const { summary } = report;
    if (values.json) {
      io.stdout(`${JSON.stringify({ webhook: webhook.name, target: target.href, seed, summary, deliveries: report.reports }, null, 2)}\n`);
    } else {
      const statuses = Object.entries(summary.statuses)
        .map(([status, attempts]) => `${status}: ${attempts}`)
        .join(', ');
      const latency = summary.latencyMs;
      io.stdout(
        [
          `${webhook.name} → ${target.href} (seed ${seed})`,
          `deliveries: ${summary.total} (${summary.delivered} delivered, ${summary.failed} failed), retries: ${summary.retries}`,
          `attempts by status: ${statuses}`,
          `latency ms: p50 ${latency.p50.toFixed(1)}, p90 ${latency.p90.toFixed(1)}, p99 ${latency.p99.toFixed(1)}, max ${latency.max.toFixed(1)}`,
          '',
        ].join('\n'),
      );
    }
    return summary.failed === 0 ? exitCodes.ok : exitCodes.failure;
  },
};
