import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { wixhook } from '../helpers/run-cli.js';
import { startBrokerDouble, type BrokerDouble } from './broker-double.mjs';
import { integer, participationPayload, string, tempDir, writeConsumerPact } from './pacts.js';

// The broker flow of the README, against a broker double that Pact's own verifier talks to.
const provider = 'wix-calendar-participations-v3';
const contract = JSON.parse(readFileSync(new URL(`../../contracts/wix-webhook-consumer-${provider}.json`, import.meta.url), 'utf8')) as Record<string, unknown>;
const brokerEnv = ['PACT_BROKER_TOKEN', 'PACT_BROKER_USERNAME', 'PACT_BROKER_PASSWORD', 'PACT_BROKER_BASE_URL'] as const;

let broker: BrokerDouble | undefined;
let savedEnv: Record<string, string | undefined>;
beforeEach(() => {
  savedEnv = Object.fromEntries(brokerEnv.map((name) => [name, process.env[name]]));
  for (const name of brokerEnv) delete process.env[name];
});
afterEach(async () => {
  for (const name of brokerEnv) {
    if (savedEnv[name] === undefined) delete process.env[name];
    else process.env[name] = savedEnv[name];
  }
  await broker?.close();
  broker = undefined;
});

const selection = (double: BrokerDouble, forProvider = provider) =>
  double.requests.find((request) => request.method === 'POST' && request.path === `/pacts/provider/${forProvider}/for-verification`);

describe('wixhook pact verify --broker-url: selection, verification and published results, as Pact verifies', () => {
  it('selects main branch + deployed-or-released by default, verifies the pact and publishes a success, with a token', async () => {
    broker = await startBrokerDouble([{ provider, consumer: 'wix-webhook-consumer', pact: contract }]);
    process.env.PACT_BROKER_TOKEN = 'secret-token';
    const result = await wixhook('pact', 'verify', '--broker-url', broker.url, '--provider', provider, '--publish', '--provider-version', '0.1.0', '--provider-branch', 'main');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(selection(broker)?.body).toEqual({ consumerVersionSelectors: [{ mainBranch: true }, { deployedOrReleased: true }], providerVersionBranch: 'main', includePendingStatus: false });
    expect(broker.requests.filter((request) => request.path === '/pacts/0')).toHaveLength(1); // the pact was fetched, so verified
    expect(broker.requests.every((request) => request.authorization === 'Bearer secret-token')).toBe(true);
    expect(broker.branchVersions).toEqual([`${provider}/main/0.1.0`]);
    expect(broker.published).toEqual([{ consumer: 'wix-webhook-consumer', provider, body: expect.objectContaining({ success: true, providerApplicationVersion: '0.1.0' }) }]);
    expect(result.stdout).toContain(`→ ${provider}`);
  });

  it('passes custom selectors, pending and WIP pacts, with basic auth from PACT_BROKER_USERNAME/PASSWORD', async () => {
    broker = await startBrokerDouble([{ provider, consumer: 'wix-webhook-consumer', pact: contract, pending: true }]);
    process.env.PACT_BROKER_USERNAME = 'ci';
    process.env.PACT_BROKER_PASSWORD = 'pa:ss';
    const result = await wixhook(
      'pact', 'verify', '--broker-url', broker.url, '--provider', provider,
      '--consumer-version-selectors', '{"branch":"feat/x"}', '--consumer-version-selectors', '{"mainBranch":true}',
      '--enable-pending', '--include-wip-pacts-since', '2024-01-01', '--provider-branch', 'main',
    );
    expect(result.code).toBe(0);
    expect(selection(broker)?.body).toEqual({
      consumerVersionSelectors: [{ branch: 'feat/x' }, { mainBranch: true }],
      includePendingStatus: true,
      includeWipPactsSince: '2024-01-01',
      providerVersionBranch: 'main',
    });
    expect(broker.requests[0]?.authorization).toBe(`Basic ${Buffer.from('ci:pa:ss').toString('base64')}`);
    expect(broker.published).toEqual([]); // no --publish, nothing published
  });

  it('publishes a failure and exits 1 when a consumer on the broker expects what Wix does not send', async () => {
    const dir = await tempDir();
    const content = { ...participationPayload, createdEvent: { entity: { ...participationPayload.createdEvent.entity, partySize: string('2'), loyaltyTier: integer(1) } } };
    const file = await writeConsumerPact(dir, 'bookings-app', provider, [
      { description: 'a participation for a schedule', states: ['for-schedule'], metadata: { eventType: 'wix.calendar.v3.participation_created' }, content },
    ]);
    broker = await startBrokerDouble([{ provider, consumer: 'bookings-app', pact: JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown> }]);
    const result = await wixhook('pact', 'verify', '--broker-url', broker.url, '--provider', provider, '--publish', '--provider-version', '0.1.0', '--json');
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { passed: boolean; failures: Array<{ path?: string }> };
    expect(report.passed).toBe(false);
    expect(report.failures.map((failure) => failure.path)).toContain('$.createdEvent.entity.partySize');
    expect(broker.published).toEqual([{ consumer: 'bookings-app', provider, body: expect.objectContaining({ success: false, providerApplicationVersion: '0.1.0' }) }]);
  });

  it('asks the broker for every Wix provider when no --provider is given, and takes the URL from PACT_BROKER_BASE_URL', async () => {
    broker = await startBrokerDouble([{ provider, consumer: 'wix-webhook-consumer', pact: contract }]);
    process.env.PACT_BROKER_BASE_URL = broker.url;
    const result = await wixhook('pact', 'verify');
    expect(result.code).toBe(0);
    for (const each of ['wix-calendar-participations-v3', 'wix-calendar-events-v3', 'wix-events-guests-v1']) expect(selection(broker, each)).toBeDefined();
  });

  it('refuses broker options that cannot work, with exit 2', async () => {
    for (const argv of [
      ['--broker-url', 'http://127.0.0.1:1', '--provider', 'wix-nope'],
      ['--broker-url', 'http://127.0.0.1:1', '--consumer-version-selectors', 'mainBranch'],
      ['--broker-url', 'http://127.0.0.1:1', '--include-wip-pacts-since', 'yesterday', '--enable-pending'],
      ['--broker-url', 'http://127.0.0.1:1', '--include-wip-pacts-since', '2024-01-01'],
      ['--broker-url', 'http://127.0.0.1:1', '--publish'],
      ['contracts', '--enable-pending'],
    ]) {
      const result = await wixhook('pact', 'verify', ...argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/--/);
    }
  });
});

describe('wixhook pact verify --json', () => {
  it('prints only JSON on stdout: Pact’s own report goes to stderr', () => {
    const child = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'pact', 'verify', 'contracts', '--json'], { encoding: 'utf8', timeout: 120_000 });
    expect(child.status).toBe(0);
    const report = JSON.parse(child.stdout) as { passed: boolean; sources: unknown[] };
    expect(report.passed).toBe(true);
    expect(report.sources).toHaveLength(3);
    expect(child.stderr).toContain('Verifying a pact between');
  });
});
