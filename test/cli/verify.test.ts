import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { signWebhook } from '../../src/signing/sign.js';
import { docsExample } from '../helpers/docs-examples.js';
import { wixhook, wixhookWithInput } from '../helpers/run-cli.js';

const publicKeyFile = fileURLToPath(new URL('../../mocks/keys/test-public-key.pem', import.meta.url));

describe('wixhook verify', () => {
  it('prints the decoded delivery for a good body read from standard input', async () => {
    const jwt = await signWebhook('participation-created', docsExample('participation-created'));
    const { code, stdout } = await wixhookWithInput(jwt, 'verify', '-', '--public-key', publicKeyFile);
    expect(code).toBe(0);
    const delivery = JSON.parse(stdout);
    expect(delivery.name).toBe('participation-created');
    expect(delivery.payload.createdEvent.entity.id).toBe('b9d81e37-3883-4318-b746-dcf2e6c0fc01');
  });

  it('prints the error code and exits 1 for a body that fails', async () => {
    const jwt = await signWebhook('participation-created', docsExample('participation-created'));
    const tampered = `${jwt.slice(0, -4)}AAAA`;
    const { code, stderr } = await wixhookWithInput(tampered, 'verify', '--public-key', publicKeyFile);
    expect(code).toBe(1);
    expect(stderr).toContain('ERR_JWT_SIGNATURE');
  });

  it('without --public-key, or with a missing file, it is a usage error', async () => {
    expect((await wixhookWithInput('x', 'verify')).code).toBe(2);
    const missing = await wixhook('verify', 'no-such-body.jwt', '--public-key', publicKeyFile);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file');
  });
});

describe('wixhook keys', () => {
  it('generate --json prints a PEM pair', async () => {
    const { code, stdout } = await wixhook('keys', 'generate', '--json');
    expect(code).toBe(0);
    const keys = JSON.parse(stdout);
    expect(keys.privateKeyPem).toContain('BEGIN PRIVATE KEY');
    expect(keys.publicKeyPem).toContain('BEGIN PUBLIC KEY');
  });
});

describe('wixhook example, signed layers', () => {
  it('--layer jwt prints a body that verify accepts; --private-key signs with another key', async () => {
    const signed = await wixhook('example', 'participation-created', '--seed', '4', '--layer', 'jwt');
    expect(signed.code).toBe(0);
    const verified = await wixhookWithInput(signed.stdout, 'verify', '--public-key', publicKeyFile, '--strict');
    expect(verified.code).toBe(0);
    const keys = JSON.parse((await wixhook('keys', 'generate', '--json')).stdout);
    const { writeFile } = await import('node:fs/promises');
    const { join } = await import('node:path');
    const { tempDir } = await import('../helpers/temp-dir.js');
    const directory = await tempDir('wixhook-');
    await writeFile(join(directory, 'private.pem'), keys.privateKeyPem);
    await writeFile(join(directory, 'public.pem'), keys.publicKeyPem);
    const other = await wixhook('example', 'participation-created', '--seed', '4', '--layer', 'jwt', '--private-key', join(directory, 'private.pem'));
    expect((await wixhookWithInput(other.stdout, 'verify', '--public-key', join(directory, 'public.pem'))).code).toBe(0);
    expect((await wixhookWithInput(other.stdout, 'verify', '--public-key', publicKeyFile)).stderr).toContain('ERR_JWT_SIGNATURE');
  });

  it('--adversarial prints the labelled corpus with expected codes', async () => {
    const { code, stdout } = await wixhook('example', 'guest-event-starts', '--seed', '2', '--adversarial');
    expect(code).toBe(0);
    const corpus = JSON.parse(stdout) as Array<{ label: string; expectedCode: string | null; bodies: string[] }>;
    expect(corpus.map((item) => item.label)).toEqual(expect.arrayContaining(['tampered-payload', 'alg-none', 'duplicate', 'stale-sequence', 'deeply-nested']));
    expect(corpus.every((item) => item.bodies.length > 0)).toBe(true);
  });
});
