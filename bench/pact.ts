import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { MessageProviderPact, PactV4 } from '@pact-foundation/pact';
import { catalog } from '../src/catalog/catalog.js';
import { wixMessage } from '../src/pact/message.js';
import { verifyWixPacts } from '../src/pact/verify.js';
import { median, printTable } from './harness.js';
import { ratio, reportTarget, versionOf } from './targets.js';

const runs = Number(process.env.BENCH_PACT_RUNS ?? 5);

async function timed(task: () => Promise<unknown>): Promise<number[]> {
  await task(); // warm-up: loads Pact's native core and JIT-compiles the factories
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    await task();
    times.push(performance.now() - start);
  }
  return times;
}

/**
 * Time to verify one consumer pact with an interaction per webhook (payload with a trait state, and
 * the SDK envelope), by `verifyWixPacts` (factories build each message) beside Pact's own
 * `MessageProviderPact` with a hand-written provider returning static bodies: the toolkit's overhead.
 */
export async function benchPact(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'wixhook-bench-pact-'));
  try {
    const messages = catalog.flatMap((webhook) => {
      const trait = Object.keys(webhook.factory.traits)[0]!;
      return [wixMessage(webhook.name, { traits: [trait as never] }), wixMessage(webhook.name, { layer: 'sdk' })];
    });
    for (const message of messages) {
      const pact = new PactV4({ consumer: 'bench-app', provider: 'wix', dir, logLevel: 'error' });
      let interaction = pact.addAsynchronousInteraction();
      for (const state of message.providerStates) interaction = interaction.given(state);
      await interaction.expectsToReceive(message.description, (builder) => builder.withJSONContent(message.template).withMetadata({ ...message.metadata })).executeTest(async () => undefined);
    }
    const file = join(dir, 'bench-app-wix.json');

    const handWritten = Object.fromEntries(
      messages.map((message) => [message.description, () => ({ __pactMessageMetadata: { ...message.metadata }, message: message.content })]),
    );
    const states = Object.fromEntries(messages.flatMap((message) => message.providerStates).map((state) => [state, async () => undefined]));
    const peer = await timed(() => new MessageProviderPact({ pactUrls: [file], provider: 'wix', logLevel: 'error', messageProviders: handWritten, stateHandlers: states }).verify());
    // Seed 1 builds the messages the pact's examples came from; from seed 2 the provider searches
    // seeds for a message carrying every optional field the consumer expects.
    const firstSeed = await timed(() => verifyWixPacts({ pactUrls: [file] }));
    const otherSeed = await timed(() => verifyWixPacts({ pactUrls: [file], seed: 2 }));

    const ms = (value: number) => `${value.toFixed(1)} ms`;
    const row = (what: string, ours: number[]) => [what, ms(median(ours)), ms(median(peer)), `${(median(ours) / median(peer)).toFixed(2)}x`];
    printTable(
      `Pact verification of one consumer pact, ${messages.length} interactions over ${catalog.length} webhooks (median of ${runs} runs)`,
      ['what', 'verifyWixPacts', "Pact's verifier, hand-written provider", 'overhead'],
      [row('verify, seed 1 (default)', firstSeed), row('verify, seed 2 (seed search)', otherSeed)],
    );
    reportTarget(`pact verify vs Pact ${versionOf('@pact-foundation/pact')}'s verifier (seed 1)`, ratio(median(firstSeed) / median(peer)), 'reported (time ratio)', undefined);
    reportTarget('pact verify vs Pact verifier (seed 2, seed search)', ratio(median(otherSeed) / median(peer)), 'reported (time ratio)', undefined);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchPact();
