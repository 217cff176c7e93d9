import { resolve } from 'node:path';
import { catalog } from '../../catalog/catalog.js';
import { PactVerificationError } from '../../pact/errors.js';
import type { StateTraits } from '../../pact/message.js';
import { defaultConsumerVersionSelectors, verifyWixPacts, type VerifyWixPactsOptions } from '../../pact/verify.js';
import { choiceOption, wholeNumberOption } from '../arguments.js';
import { exitCodes, UsageError, type Command } from '../command.js';
import { verifyInChildProcess } from '../pact-verify-process.js';

const logLevels = ['trace', 'debug', 'info', 'warn', 'error'] as const;

function stateOption(values: unknown): StateTraits {
  const states: Record<string, string[]> = {};
  for (const text of (values ?? []) as string[]) {
    const at = text.lastIndexOf('=');
    if (at <= 0 || at === text.length - 1) throw new UsageError(`--state expects "STATE=trait[,trait...]", got "${text}".`);
    states[text.slice(0, at)] = text.slice(at + 1).split(',').map((trait) => trait.trim());
  }
  return states;
}

/** The options that only mean something with a broker. */
const brokerOnly = ['provider', 'consumer-version-selectors', 'enable-pending', 'include-wip-pacts-since', 'publish', 'provider-version', 'provider-branch'] as const;

function selectorsOption(values: unknown): VerifyWixPactsOptions['consumerVersionSelectors'] {
  if (values === undefined) return undefined;
  return (values as string[]).map((text) => {
    let selector: unknown;
    try {
      selector = JSON.parse(text);
    } catch {
      selector = undefined;
    }
    if (selector === null || typeof selector !== 'object' || Array.isArray(selector)) {
      throw new UsageError(`--consumer-version-selectors expects a JSON object such as '{"mainBranch":true}' or '{"branch":"main"}', got "${text}".`);
    }
    return selector as NonNullable<VerifyWixPactsOptions['consumerVersionSelectors']>[number];
  });
}

function providersOption(values: unknown): string[] | undefined {
  if (values === undefined) return undefined;
  const known = [...new Set(catalog.map((webhook) => webhook.provider))];
  for (const provider of values as string[]) {
    if (!known.includes(provider)) throw new UsageError(`--provider "${provider}" is not a Wix provider of the catalog; providers: ${known.join(', ')}.`);
  }
  return values as string[];
}

/** Pact's standard broker environment: PACT_BROKER_TOKEN, or PACT_BROKER_USERNAME and PACT_BROKER_PASSWORD. */
function brokerAuth(env: NodeJS.ProcessEnv): Pick<VerifyWixPactsOptions, 'pactBrokerToken' | 'pactBrokerUsername' | 'pactBrokerPassword'> {
  if (env.PACT_BROKER_TOKEN) return { pactBrokerToken: env.PACT_BROKER_TOKEN };
  if (env.PACT_BROKER_USERNAME || env.PACT_BROKER_PASSWORD) {
    if (!env.PACT_BROKER_USERNAME || !env.PACT_BROKER_PASSWORD) throw new UsageError('Basic auth needs both PACT_BROKER_USERNAME and PACT_BROKER_PASSWORD (or set PACT_BROKER_TOKEN).');
    return { pactBrokerUsername: env.PACT_BROKER_USERNAME, pactBrokerPassword: env.PACT_BROKER_PASSWORD };
  }
  return {};
}

export const pactCommand: Command = {
  name: 'pact',
  summary: "Verify consumers' Pact message pacts against what Wix sends (the toolkit stands in for Wix as the provider).",
  usage:
    'pact verify <pact files or folders...> | pact verify --broker-url URL [--provider NAME]... [--consumer-version-selectors JSON]... [--enable-pending] [--include-wip-pacts-since DATE] [--provider-branch B] [--publish --provider-version V] [--state "STATE=trait,..."]... [--seed N] [--log-level L] [--json]',
  options: {
    'broker-url': {
      type: 'string',
      valueName: 'url',
      description: 'Fetch the pacts of the Wix providers from this Pact Broker. Default: PACT_BROKER_BASE_URL when no pact files are given. Auth: PACT_BROKER_TOKEN, or PACT_BROKER_USERNAME and PACT_BROKER_PASSWORD.',
    },
    provider: { type: 'string', multiple: true, valueName: 'name', description: 'With a broker: verify only this Wix provider (it must have pacts); repeatable. Default: every provider of the catalog.' },
    'consumer-version-selectors': {
      type: 'string',
      multiple: true,
      valueName: 'json',
      description: `With a broker: which consumer versions to verify, one JSON selector each; repeatable. Default: ${defaultConsumerVersionSelectors.map((selector) => `'${JSON.stringify(selector)}'`).join(' and ')}.`,
    },
    'enable-pending': { type: 'boolean', description: 'With a broker: pacts this provider has not yet verified are pending; their failures do not fail the run.' },
    'include-wip-pacts-since': { type: 'string', valueName: 'date', description: 'With a broker and --enable-pending: also verify work-in-progress pacts published since this date (YYYY-MM-DD).' },
    publish: { type: 'boolean', description: 'With a broker: publish the verification results (needs --provider-version).' },
    'provider-version': { type: 'string', valueName: 'v', description: 'The provider version the results are published for, e.g. the toolkit version or a git sha.' },
    'provider-branch': { type: 'string', valueName: 'name', description: 'The provider branch: pending and WIP pacts are computed for it, and published results are recorded on it.' },
    state: { type: 'string', multiple: true, valueName: 'state=traits', description: 'Map a provider state to factory traits, e.g. "a participation for a schedule=for-schedule"; repeatable. Trait names and descriptions are states already.' },
    seed: { type: 'string', valueName: 'n', description: 'First factory seed the provider tries. Default 1.' },
    'log-level': { type: 'string', valueName: 'level', description: `Pact's log level: ${logLevels.join(', ')}. Default error.` },
    json: { type: 'boolean', description: "Print the result (sources, failures) as JSON: stdout holds only the JSON, Pact's own report goes to stderr." },
  },
  examples: [
    'wixhook pact verify pacts/bookings-app-wix-calendar-participations-v3.json',
    'wixhook pact verify pacts/ --state "a participation for a schedule=for-schedule"',
    'wixhook pact verify contracts/',
    'PACT_BROKER_TOKEN=... wixhook pact verify --broker-url https://broker.example.com --publish --provider-version "$(git rev-parse --short HEAD)" --provider-branch main',
    'wixhook pact verify --broker-url https://broker.example.com --provider wix-calendar-participations-v3 --enable-pending --include-wip-pacts-since 2024-01-01',
  ],
  async run({ values, positionals, io }) {
    const [subcommand, ...sources] = positionals;
    if (subcommand !== 'verify') throw new UsageError(subcommand === undefined ? 'Missing subcommand: pact verify <pact files...>.' : `Unknown pact subcommand "${subcommand}"; expected "verify".`);
    const brokerUrl = (values['broker-url'] as string | undefined) ?? (sources.length === 0 ? process.env.PACT_BROKER_BASE_URL || undefined : undefined);
    if (sources.length === 0 && !brokerUrl) throw new UsageError('pact verify needs pact files or folders, or --broker-url (or PACT_BROKER_BASE_URL).');
    if (!brokerUrl) {
      const misplaced = brokerOnly.find((name) => values[name] !== undefined);
      if (misplaced) throw new UsageError(`--${misplaced} only applies to pacts from a broker (--broker-url).`);
    }
    if (values.publish && !values['provider-version']) throw new UsageError('--publish needs --provider-version.');
    const wipSince = values['include-wip-pacts-since'] as string | undefined;
    if (wipSince !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(wipSince)) throw new UsageError(`--include-wip-pacts-since expects a date YYYY-MM-DD, got "${wipSince}".`);
    if (wipSince !== undefined && !values['enable-pending']) throw new UsageError('--include-wip-pacts-since needs --enable-pending: work-in-progress pacts are verified as pending.');
    const logLevel = choiceOption('log-level', values['log-level'], logLevels, 'error');
    const seed = wholeNumberOption('seed', values.seed, undefined, 0);
    const selectors = selectorsOption(values['consumer-version-selectors']);
    const providers = providersOption(values.provider);
    const options: VerifyWixPactsOptions = {
      ...(sources.length > 0 ? { pactUrls: sources.map((source) => (/^https?:\/\//.test(source) ? source : resolve(io.cwd, source))) } : {}),
      ...(brokerUrl ? { pactBrokerUrl: brokerUrl, ...brokerAuth(process.env) } : {}),
      ...(providers ? { providers } : {}),
      ...(selectors ? { consumerVersionSelectors: selectors } : {}),
      ...(values['enable-pending'] ? { enablePending: true } : {}),
      ...(wipSince ? { includeWipPactsSince: wipSince } : {}),
      ...(values.publish ? { publishVerificationResult: true, providerVersion: String(values['provider-version']) } : {}),
      ...(values['provider-branch'] ? { providerVersionBranch: String(values['provider-branch']) } : {}),
      states: stateOption(values.state),
      ...(seed !== undefined ? { seed } : {}),
      logLevel,
    };
    try {
      // Pact's verifier prints its report on the process's own stdout; for --json it runs in a
      // child process whose stdout is passed on to stderr, so stdout holds only the JSON.
      const result = values.json ? await verifyInChildProcess(options, io.stderr) : await verifyWixPacts(options);
      if (values.json) io.stdout(`${JSON.stringify({ passed: true, sources: result.sources, failures: [] }, null, 2)}\n`);
      else io.stdout(`${result.sources.map((source) => `✓ ${source.consumer ?? '(broker)'} → ${source.provider}: ${source.source}`).join('\n')}\nPact verification passed.\n`);
      return exitCodes.ok;
    } catch (error) {
      if (!(error instanceof PactVerificationError)) throw error;
      if (values.json) io.stdout(`${JSON.stringify({ passed: false, failures: error.failures }, null, 2)}\n`);
      else io.stderr(`${error.message}\n`);
      return exitCodes.failure;
    }
  },
};
