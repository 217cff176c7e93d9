import { InvalidKeyError } from '../../signing/errors.js';
import type { KeyInput } from '../../signing/keys.js';
import { parseWebhook } from '../../signing/parse-webhook.js';
import { exitCodes, UsageError, type Command } from '../command.js';
import { defaultReadTimeoutMs, readInput, readKeyFile } from '../read-input.js';

/** A key file holding a JWK: JSON that is not an object is a key error, not a crash. */
function parseJwk(text: string, path: string): Exclude<KeyInput, string> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InvalidKeyError(`--public-key ${path} starts like a JWK but is not JSON: ${(error as Error).message}.`, { cause: error });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new InvalidKeyError(`--public-key ${path} is JSON but not a JWK object.`);
  return value as Exclude<KeyInput, string>;
}

export const verifyCommand: Command = {
  name: 'verify',
  summary: 'Verify a webhook request body (a JWT) and print the decoded delivery as JSON, or the error and exit 1.',
  usage: 'verify [FILE|-] --public-key FILE [--strict] [--now ISO] [--timeout SECONDS]',
  options: {
    'public-key': { type: 'string', valueName: 'file', description: "The app's public key (SPKI PEM, or a JWK as JSON), or `test` for the toolkit's test key." },
    strict: { type: 'boolean', description: 'Report every undocumented field as an error.' },
    now: { type: 'string', valueName: 'iso', description: 'Check exp/iat against this time instead of now, e.g. for a captured body.' },
    timeout: { type: 'string', valueName: 'seconds', description: `Give up reading the body after this long (a pipe or FIFO nobody writes to). Default ${defaultReadTimeoutMs / 1000}.` },
  },
  examples: [
    'wixhook verify body.jwt --public-key test',
    'wixhook verify captured-body.jwt --public-key wix-public-key.pem --now 2025-03-03T09:00:00Z',
    'wixhook example participation-created --layer jwt | wixhook verify --public-key test',
  ],
  async run({ values, positionals, io }) {
    const keyText = await readKeyFile('public-key', values['public-key']);
    if (keyText === undefined) throw new UsageError("--public-key FILE is required: the public key from the app dashboard (or `test` for the toolkit's test key).");
    if (positionals.length > 1) throw new UsageError(`Expected one body file, got ${positionals.length}.`);
    const now = values.now === undefined ? undefined : new Date(String(values.now));
    if (now && Number.isNaN(now.getTime())) throw new UsageError(`--now expects an ISO date-time, got "${String(values.now)}".`);
    const timeout = values.timeout === undefined ? defaultReadTimeoutMs / 1000 : Number(values.timeout);
    if (!Number.isFinite(timeout) || timeout <= 0) throw new UsageError(`--timeout expects a number of seconds > 0, got "${String(values.timeout)}".`);
    const publicKey = keyText.trim().startsWith('{') ? parseJwk(keyText, String(values['public-key'])) : keyText;
    const body = await readInput(positionals[0], io.readStdin, { timeoutMs: timeout * 1000 });
    const delivery = await parseWebhook(body, { publicKey, mode: values.strict ? 'strict' : 'loose', ...(now ? { now } : {}) });
    io.stdout(`${JSON.stringify(delivery, null, 2)}\n`);
    return exitCodes.ok;
  },
};
