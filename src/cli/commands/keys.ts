import { mkdir, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { generateKeyPair } from '../../signing/keys.js';
import { exitCodes, UsageError, type Command } from '../command.js';

export const keysCommand: Command = {
  name: 'keys',
  summary: 'Generate a fresh RSA key pair for signing test webhooks (private PKCS#8 PEM, public SPKI PEM).',
  usage: 'keys generate [--out DIR] [--json]',
  options: {
    out: { type: 'string', valueName: 'dir', description: 'Write private-key.pem and public-key.pem into DIR instead of printing them.' },
    json: { type: 'boolean', description: 'Print { privateKeyPem, publicKeyPem } as JSON.' },
  },
  examples: ['wixhook keys generate --out .wix-test-keys', 'wixhook keys generate --json'],
  async run({ values, positionals, io }) {
    if (positionals[0] !== 'generate' || positionals.length !== 1) throw new UsageError('Expected `wixhook keys generate`.');
    const keys = generateKeyPair();
    if (typeof values.out === 'string') {
      const directory = resolve(io.cwd, values.out);
      const existing = await stat(directory).catch(() => undefined);
      if (existing && !existing.isDirectory()) throw new UsageError(`--out ${values.out} exists and is not a directory: name a directory to write private-key.pem and public-key.pem into.`);
      try {
        await mkdir(directory, { recursive: true });
        await writeFile(join(directory, 'private-key.pem'), keys.privateKeyPem, { mode: 0o600 });
        await writeFile(join(directory, 'public-key.pem'), keys.publicKeyPem);
      } catch (error) {
        throw new UsageError(`--out ${values.out}: cannot write the keys there (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
      }
      io.stdout(`Wrote ${join(values.out, 'private-key.pem')} and ${join(values.out, 'public-key.pem')}.\nPaste public-key.pem into AppStrategy({ publicKey }) in your tests.\n`);
      return exitCodes.ok;
    }
    io.stdout(values.json ? `${JSON.stringify({ privateKeyPem: keys.privateKeyPem, publicKeyPem: keys.publicKeyPem }, null, 2)}\n` : `${keys.privateKeyPem}${keys.publicKeyPem}`);
    return exitCodes.ok;
  },
};
