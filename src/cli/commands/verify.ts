import type { KeyInput } from '../../signing/keys.js';
import { parseWebhook } from '../../signing/parse-webhook.js';
import { exitCodes, UsageError, type Command } from '../command.js';
import { readInput, readKeyFile } from '../read-input.js';

export const verifyCommand: Command = {
  name: 'verify',
  summary: 'Verify a webhook request body (a JWT) and print the decoded delivery as JSON, or the error and exit 1.',
  usage: 'verify [FILE|-] --public-key FILE [--strict] [--now ISO]',
  options: {
    'public-key': { type: 'string', valueName: 'file', description: "The app's public key (SPKI PEM, or a JWK as JSON)." },
    strict: { type: 'boolean', description: 'Report every undocumented field as an error.' },
    now: { type: 'string', valueName: 'iso', description: 'Check exp/iat against this time instead of now, e.g. for a captured body.' },
  },
  examples: [
    'wixhook verify body.jwt --public-key mocks/keys/test-public-key.pem',
    'wixhook example participation-created --layer jwt | wixhook verify --public-key mocks/keys/test-public-key.pem',
  ],
  async run({ values, positionals, io }) {
    const keyText = await readKeyFile('public-key', values['public-key']);
    if (keyText === undefined) throw new UsageError('--public-key FILE is required: the public key from the app dashboard (or mocks/keys/test-public-key.pem).');
    if (positionals.length > 1) throw new UsageError(`Expected one body file, got ${positionals.length}.`);
    const now = values.now === undefined ? undefined : new Date(String(values.now));
    if (now && Number.isNaN(now.getTime())) throw new UsageError(`--now expects an ISO date-time, got "${String(values.now)}".`);
    const body = await readInput(positionals[0], io.readStdin);
    const publicKey = keyText.trim().startsWith('{') ? (JSON.parse(keyText) as Exclude<KeyInput, string>) : keyText;
    const delivery = await parseWebhook(body, { publicKey, mode: values.strict ? 'strict' : 'loose', ...(now ? { now } : {}) });
    io.stdout(`${JSON.stringify(delivery, null, 2)}\n`);
    return exitCodes.ok;
  },
};
