import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.js';
import { catalog } from '../../src/catalog/catalog.js';
import { testKeyPair } from '../../src/signing/keys.js';
import { wixhook, wixhookWithInput } from '../helpers/run-cli.js';

// What a new user hit from the README and --help alone (issue 12), one test per defect.

describe('wixhook keys', () => {
  it('keys generate --out writes to an absolute directory where it says it does', async () => {
    const dir = join(await tempDir('wixhook-keys-'), 'abs', 'dir');
    const { code, stdout } = await wixhook('keys', 'generate', '--out', dir);
    expect(code).toBe(0);
    expect(readFileSync(join(dir, 'public-key.pem'), 'utf8')).toContain('BEGIN PUBLIC KEY');
    expect(readFileSync(join(dir, 'private-key.pem'), 'utf8')).toContain('BEGIN PRIVATE KEY');
    expect(stdout).toContain(join(dir, 'private-key.pem'));
  });

  it('the test key has a name: `keys test --public` prints it and `--public-key test` uses it, from any folder', async () => {
    const printed = await wixhook('keys', 'test', '--public');
    expect(printed.code).toBe(0);
    expect(printed.stdout).toBe(testKeyPair().publicKeyPem);
    const jwt = (await wixhook('example', 'participation-created', '--seed', '1', '--layer', 'jwt')).stdout;
    const verified = await wixhookWithInput(jwt, 'verify', '--public-key', 'test');
    expect(verified.stderr).toBe('');
    expect(verified.code).toBe(0);
    expect(JSON.parse(verified.stdout).name).toBe('participation-created');
  });
});

describe('exit codes: every command-line mistake exits 2', () => {
  it.each([
    ['an unknown webhook', ['example', 'nope']],
    ['an unknown trait', ['example', 'guest-event-starts', '--trait', 'nope']],
    ['conflicting traits', ['example', 'participation-created', '--trait', 'for-event', '--trait', 'for-schedule']],
    ['a bad --seed', ['example', 'participation-created', '--seed', 'abc']],
    ['a bad --set path', ['example', 'participation-created', '--set', 'createdEvent.nope=1']],
    ['an unknown webhook to send', ['send', 'nope', '--to', 'http://127.0.0.1:9']],
    ['an unknown trait to send', ['send', 'participation-created', '--to', 'http://127.0.0.1:9', '--trait', 'nope']],
    ['a non-GUID --app-id', ['serve', '--app-id', 'my-app']],
    ['a non-GUID --instance-id', ['serve', '--instance-id', 'my-site']],
  ])('%s', async (_what, argv) => {
    const { code, stderr } = await wixhook(...argv);
    expect(code).toBe(2);
    expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(stderr).toContain('Usage: wixhook');
  });
});

describe('wixhook generate is a maintainer command, not a user one', () => {
  it('is not in the CLI', async () => {
    const { code, stderr } = await wixhook('generate', '--check');
    expect(code).toBe(2);
    expect(stderr).toContain('Unknown command "generate"');
    expect((await wixhook('--help')).stdout).not.toMatch(/^\s+generate\s/m);
  });

  it('npm run generate still works through scripts/generate.ts', () => {
    const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    expect(manifest.scripts.generate).toBe('tsx scripts/generate.ts');
    const check = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/generate.ts', '--check'], { encoding: 'utf8', timeout: 120_000 });
    expect(check.stdout).toContain('up to date');
    expect(check.status).toBe(0);
  });
});

/** Starts `wixhook serve` as a child process; resolves with its URL once it listens. */
function serve(...argv: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--port', '0', ...argv], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const ready = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', () => {
      const match = /listening on (http:\/\/\S+)/.exec(stdout);
      if (match) resolve(match[1]!);
    });
    child.on('exit', () => reject(new Error(`exited early: ${stdout}${stderr}`)));
  });
  const stop = async () => {
    const exit = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    await exit;
  };
  return { ready, output: () => ({ stdout, stderr }), stop };
}

async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function until(check: () => boolean, what: string) {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 50));
  if (!check()) throw new Error(`timed out waiting for ${what}`);
}

describe('wixhook serve tells what it does', () => {
  it('a busy port is reported as busy, with how to pick another', async () => {
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const { port } = busy.address() as AddressInfo;
    try {
      const { code, stderr } = await wixhook('serve', '--port', String(port));
      expect(code).not.toBe(0);
      expect(stderr).toContain(`port ${port} is in use, pick another with --port`);
      expect(stderr).not.toContain('report this as a bug');
    } finally {
      await new Promise((resolve) => busy.close(resolve));
    }
  });

  it('prints one line per delivery attempt: time, webhook, target, status, attempt n of 13, next due', async () => {
    const target = `http://127.0.0.1:${await deadPort()}/webhooks/wix`;
    const server = serve('--webhook-url', target);
    try {
      const url = await server.ready;
      await fetch(`${url}/_wixhook/webhooks/participation-created`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"seed":1}' });
      await until(() => (server.output().stdout.match(/attempt \d+ of 13/g) ?? []).length === 13, '13 attempt lines');
      const lines = server.output().stdout.split('\n').filter((line) => / of 13/.test(line));
      expect(lines).toHaveLength(13);
      expect(lines[0]).toMatch(new RegExp(`^\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z participation-created → ${target.replace(/[.]/g, '\\.')}: .*ECONNREFUSED.*, attempt 1 of 13, next attempt at \\d{4}-`));
      expect(lines[12]).toMatch(/attempt 13 of 13, no more attempts/);
    } finally {
      await server.stop();
    }
  }, 30_000);

  it('--log-format json prints JSON lines; --quiet prints none', async () => {
    const target = `http://127.0.0.1:${await deadPort()}/webhooks/wix`;
    const json = serve('--webhook-url', target, '--log-format', 'json');
    const quiet = serve('--webhook-url', target, '--quiet');
    try {
      for (const server of [json, quiet]) await fetch(`${await server.ready}/_wixhook/webhooks/guest-event-starts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"seed":1}' });
      await until(() => json.output().stdout.split('\n').filter((line) => line.startsWith('{')).length === 13, '13 JSON lines');
      const first = JSON.parse(json.output().stdout.split('\n').find((line) => line.startsWith('{'))!) as Record<string, unknown>;
      expect(first).toMatchObject({ webhook: 'guest-event-starts', eventType: catalog.find((w) => w.name === 'guest-event-starts')!.eventType, target, attempt: 1, of: 13, outcome: 'failed' });
      expect(typeof first.time).toBe('string');
      expect(typeof first.nextAttemptAt).toBe('string');
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(quiet.output().stdout).not.toMatch(/attempt|guest-event-starts/);
    } finally {
      await Promise.all([json.stop(), quiet.stop()]);
    }
  }, 30_000);

  it('without --webhook-url it prints each webhook as it is signed: name, eventType, cause', async () => {
    const server = serve();
    try {
      const url = await server.ready;
      await fetch(`${url}/_wixhook/webhooks/event-recurring-split`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      await until(() => server.output().stdout.includes('signed event-recurring-split'), 'the signed line');
      expect(server.output().stdout).toMatch(/signed event-recurring-split \(wix\.calendar\.v3\.event_recurring_split\), cause trigger, not sent/);
    } finally {
      await server.stop();
    }
  }, 30_000);
});

describe('the README is true from a user project', () => {
  it('names no file inside the repository in its CLI commands', () => {
    const readme = readFileSync('README.md', 'utf8');
    expect(readme).not.toMatch(/--public-key mocks\//);
    expect(readme).not.toMatch(/wixhook generate/);
    expect(existsSync('scripts/generate.ts')).toBe(true);
  });
});
