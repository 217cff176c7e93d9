/**
 * Seeded fuzzing of parseWebhook: 100,000 inputs in an exhaustive run (CI; 20,000 otherwise, see
 * test/helpers/thoroughness.ts; FUZZ_INPUTS, FUZZ_SEED to change) built
 * from valid and hostile signed deliveries. Pass: no input that is not a valid delivery is
 * accepted, every error is a toolkit error with a code, and no input costs more than 20 times the
 * median of a valid delivery measured in the same run (outliers are re-measured before they count,
 * so a GC pause or a busy neighbour does not fail the run).
 */
import { performance } from 'node:perf_hooks';
import { afterAll, describe, expect, it } from 'vitest';
import { WixhookError } from '../../src/errors.js';
import { buildPayload } from '../../src/build/build.js';
import { catalog } from '../../src/catalog/catalog.js';
import { parseWebhook } from '../../src/signing/parse-webhook.js';
import { testKeyPair } from '../../src/signing/keys.js';
import { signWebhook } from '../../src/signing/sign.js';
import { corpusNow, tokenAttacks } from './corpus.js';
import { sweepSize } from '../helpers/thoroughness.js';
import { rsHeader, signRaw } from './jwt.js';
import { aliasLastChar, b64url, base64Url, headerText, int, jsonText, mutate, noise, pick, randomText, seededRandom, type Random } from './fuzz.js';

const inputs = sweepSize(100_000, 20_000, process.env.FUZZ_INPUTS);
const seed = Number(process.env.FUZZ_SEED ?? 13);
const publicKey = testKeyPair().publicKeyPem;
const options = { publicKey, now: corpusNow };
const utf8 = new TextDecoder();

interface Outcome {
  accepted: boolean;
  code?: string;
  typed: boolean;
  ms: number;
}

async function run(body: string | Uint8Array): Promise<Outcome> {
  const start = performance.now();
  try {
    await parseWebhook(body, options);
    return { accepted: true, typed: true, ms: performance.now() - start };
  } catch (error) {
    const ms = performance.now() - start;
    const typed = error instanceof WixhookError && typeof error.code === 'string' && /^ERR_[A-Z_]+$/.test(error.code);
    return { accepted: false, typed, ms, code: typed ? (error as WixhookError).code : `untyped ${(error as Error)?.name}: ${(error as Error)?.message}` };
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

let summary = '';
afterAll(() => {
  if (summary) console.log(summary);
});

describe('parseWebhook under fuzzing', () => {
  it(`${inputs} seeded inputs: no wrong accept, only typed errors, no call over 20x a valid delivery`, async () => {
    // Signed material: valid deliveries of every webhook, and the signed hostile corpus.
    const iat = Math.floor(corpusNow.getTime() / 1000);
    const valid: string[] = [];
    for (const webhook of catalog) for (let index = 0; index < 4; index++) valid.push(await signWebhook(webhook.name, buildPayload(webhook.name, { seed: 100 + index, now: corpusNow }), { issuedAt: iat }));
    const corpus = await tokenAttacks();
    const hostile = corpus.filter((attack) => typeof attack.body === 'string' && attack.expectedCode !== null).map((attack) => attack.body as string);
    const acceptable = new Set([...valid, ...corpus.filter((attack) => attack.expectedCode === null).map((attack) => String(attack.body).trim())]);
    const signed = [...valid, ...hostile.filter((body) => body.length < 100_000 && body.split('.').length === 3)];
    const parts = (token: string) => token.split('.') as [string, string, string];
    // Signed junk in the inner layers (the data claim, its data, identity, eventType), so the fuzz
    // reaches past the signature: none of it is a valid delivery, so none may be accepted.
    const layerRandom = seededRandom(seed + 1);
    const eventTypes = catalog.map((webhook) => webhook.eventType);
    const layered: string[] = [];
    for (let index = 0; index < 300; index++) {
      const member = () => (layerRandom() < 0.7 ? JSON.stringify(jsonText(layerRandom, 4)) : jsonText(layerRandom, 4));
      const members = [
        `"eventType":${layerRandom() < 0.7 ? JSON.stringify(pick(layerRandom, eventTypes)) : jsonText(layerRandom, 2)}`,
        `"instanceId":${layerRandom() < 0.5 ? '"6d1c6b9b-8a3e-4f6b-9c51-0d6c1f1e2a7b"' : jsonText(layerRandom, 2)}`,
        `"data":${member()}`,
        `"identity":${layerRandom() < 0.5 ? JSON.stringify('{"identityType":"APP","appId":"a3c4b1de-7f7e-4a8e-9a7c-5d1d3c2b1a00"}') : member()}`,
      ].filter(() => layerRandom() < 0.9);
      if (layerRandom() < 0.2) members.push(`${JSON.stringify(pick(layerRandom, ['__proto__', 'constructor', 'data', 'eventType']))}:${jsonText(layerRandom, 3)}`);
      const data = `{${members.join(',')}}`;
      layered.push(signRaw(rsHeader, `{"data":${layerRandom() < 0.9 ? JSON.stringify(data) : data},"iat":${iat},"exp":${iat + 3600}}`));
    }

    const generators: Array<[weight: number, name: string, make: (random: Random) => string | Uint8Array]> = [
      [10, 'random text', (random) => randomText(random, random() < 0.5 ? `${base64Url}.` : noise, int(random, 400))],
      [10, 'random segments', (random) => Array.from({ length: 3 }, () => randomText(random, base64Url, int(random, 500))).join('.')],
      [20, 'mutated valid', (random) => mutate(random, pick(random, valid))],
      [10, 'mutated hostile', (random) => mutate(random, pick(random, signed))],
      [8, 'spliced segments', (random) => [parts(pick(random, signed))[0], parts(pick(random, signed))[1], parts(pick(random, signed))[2]].join('.')],
      [12, 'fuzzed header', (random) => {
        const [, claims, signature] = parts(pick(random, valid));
        return `${b64url(headerText(random))}.${claims}.${random() < 0.5 ? signature : randomText(random, base64Url, 342)}`;
      }],
      [8, 'fuzzed claims, original signature', (random) => {
        const [header, claims, signature] = parts(pick(random, valid));
        const decoded = JSON.parse(Buffer.from(claims, 'base64url').toString('utf8')) as Record<string, unknown>;
        const key = pick(random, ['exp', 'iat', 'nbf', 'data', '__proto__', 'extra']);
        const text = JSON.stringify({ ...decoded, [key]: undefined }).replace(/\}$/, `,${JSON.stringify(key)}:${jsonText(random, 4)}}`);
        return `${header}.${b64url(text)}.${signature}`;
      }],
      [6, 'non-canonical segment', (random) => {
        const segments = parts(pick(random, signed));
        const index = int(random, 3);
        segments[index] = aliasLastChar(random, segments[index]!) ?? `${segments[index]}A`;
        return segments.join('.');
      }],
      [6, 'whitespace', (random) => {
        const token = pick(random, valid);
        const space = () => randomText(random, ' \t\r\n\uFEFF\u00a0', int(random, 3));
        if (random() < 0.5) return `${space()}${token}${space()}`;
        const at = int(random, token.length);
        return `${token.slice(0, at)}${pick(random, [' ', '\n', '\u200b', '\u00a0'])}${token.slice(at)}`;
      }],
      [5, 'bytes', (random) => {
        const token = Buffer.from(pick(random, valid));
        if (random() < 0.5) return new Uint8Array(Array.from({ length: int(random, 300) }, () => int(random, 256)));
        const at = int(random, token.length);
        return new Uint8Array([...token.subarray(0, at), pick(random, [0xff, 0xc0, 0x80, 0xed, 0x00]), ...token.subarray(at)]);
      }],
      [5, 'signed corpus as is', (random) => pick(random, corpus).body],
      [8, 'signed junk layers', (random) => pick(random, layered)],
    ];
    const totalWeight = generators.reduce((sum, [weight]) => sum + weight, 0);
    const choose = (random: Random) => {
      let roll = random() * totalWeight;
      for (const generator of generators) if ((roll -= generator[0]) < 0) return generator;
      return generators.at(-1)!;
    };

    const random = seededRandom(seed);
    const validTimes: number[] = [];
    const slowest: Array<{ ms: number; body: string | Uint8Array; generator: string }> = [];
    const wrongAccepts: Array<{ generator: string; index: number; body: string }> = [];
    const untyped: Array<{ generator: string; index: number; code: string | undefined }> = [];
    const codes: Record<string, number> = {};
    let accepted = 0;
    const started = performance.now();
    for (let index = 0; index < inputs; index++) {
      // A valid delivery every 100 inputs: the baseline is measured in the same conditions as the fuzz.
      if (index % 100 === 0) {
        const outcome = await run(valid[index % valid.length]!);
        expect(outcome.accepted).toBe(true);
        validTimes.push(outcome.ms);
      }
      const [, name, make] = choose(random);
      const body = make(random);
      const outcome = await run(body);
      if (outcome.accepted) {
        accepted++;
        if (!acceptable.has((typeof body === 'string' ? body : utf8.decode(body)).trim())) wrongAccepts.push({ generator: name, index, body: String(body).slice(0, 200) });
      } else {
        codes[outcome.code!] = (codes[outcome.code!] ?? 0) + 1;
        if (!outcome.typed) untyped.push({ generator: name, index, code: outcome.code });
      }
      if (slowest.length < 20 || outcome.ms > slowest[slowest.length - 1]!.ms) {
        slowest.push({ ms: outcome.ms, body, generator: name });
        slowest.sort((a, b) => b.ms - a.ms);
        if (slowest.length > 20) slowest.pop();
      }
    }
    const elapsed = (performance.now() - started) / 1000;

    // The 20 slowest inputs again (five times for one over the limit): only a cost that repeats counts.
    const validMedian = median(validTimes);
    const remeasured = [];
    for (const item of slowest) {
      let best = item.ms;
      let code = '';
      for (let attempt = 0; attempt < (best > 20 * validMedian ? 5 : 3); attempt++) {
        const again = await run(item.body);
        best = Math.min(best, again.ms);
        code = again.code ?? 'accepted';
      }
      remeasured.push({ ...item, best, code });
    }
    const worst = remeasured.reduce((max, item) => (item.best > max.best ? item : max));
    const ratio = worst.best / validMedian;

    summary = [
      `fuzz: ${inputs} inputs to parseWebhook (seed ${seed}) in ${elapsed.toFixed(1)} s: ${wrongAccepts.length} wrong accepts, ${untyped.length} untyped errors, ${accepted} valid accepted`,
      `fuzz: slowest input ${worst.best.toFixed(2)} ms (${worst.generator}, ${worst.code}, ${worst.body.length} characters) = ${ratio.toFixed(1)}x the median valid delivery (${validMedian.toFixed(3)} ms over ${validTimes.length} runs)`,
      `fuzz: refusals by code: ${Object.entries(codes).sort((a, b) => b[1] - a[1]).map(([code, count]) => `${code} ${count}`).join(', ')}`,
    ].join('\n');

    expect(wrongAccepts).toEqual([]);
    expect(untyped).toEqual([]);
    expect(accepted).toBeGreaterThan(0);
    expect(ratio, `${worst.generator}: ${String(worst.body).slice(0, 120)}`).toBeLessThanOrEqual(20);
  }, 240_000);
});
