import { mkdir, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { generateKeyPair, testKeyPair } from '../../signing/keys.js';
import { exitCodes, UsageError, type Command } from '../command.js';
import { testKeyName } from '../read-input.js';

export const keysCommand: Command = {
  name: 'keys',
  summary: 'Generate a fresh RSA key pair for signing test webhooks (private PKCS#8 PEM, public SPKI PEM), or print the toolkit\'s test pair.',
  usage: 'keys generate [--out DIR] [--json] | keys test [--public | --private] [--json]',
  options: {
    out: { type: 'string', valueName: 'dir', description: 'Write private-key.pem and public-key.pem into DIR instead of printing them.' },
    json: { type: 'boolean', description: 'Print { privateKeyPem, publicKeyPem } as JSON.' },
    public: { type: 'boolean', description: `With \`keys test\`: print only the public key (other commands take it as \`--public-key ${testKeyName}\`).` },
    private: { type: 'boolean', description: `With \`keys test\`: print only the private key (\`--private-key ${testKeyName}\`).` },
  },
  examples: ['wixhook keys generate --out .wix-test-keys', 'wixhook keys generate --json', 'wixhook keys test --public > wix-test-public-key.pem'],
  async run({ values, positionals, io }) {
    const [subcommand, ...extra] = positionals;
    if ((subcommand !== 'generate' && subcommand !== 'test') || extra.length > 0) throw new UsageError('Expected `wixhook keys generate` or `wixhook keys test`.');
    if (subcommand === 'test') {
      if (values.out !== undefined) throw new UsageError('--out writes a generated pair: `wixhook keys generate --out DIR`.');
      if (values.public && values.private) throw new UsageError('Give --public or --private, not both.');
      const keys = testKeyPair();
      if (values.public) io.stdout(keys.publicKeyPem);
      else if (values.private) io.stdout(keys.privateKeyPem);
      else io.stdout(values.json ? `${JSON.stringify({ privateKeyPem: keys.privateKeyPem, publicKeyPem: keys.publicKeyPem }, null, 2)}\n` : `${keys.privateKeyPem}${keys.publicKeyPem}`);
      return exitCodes.ok;
    }
    if (values.public || values.private) throw new UsageError('--public and --private print the test pair: `wixhook keys test --public`.');
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
