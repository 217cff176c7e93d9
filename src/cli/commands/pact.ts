import { resolve } from 'node:path';
import { PactVerificationError } from '../../pact/errors.js';
import type { StateTraits } from '../../pact/message.js';
import { verifyWixPacts, type VerifyWixPactsOptions } from '../../pact/verify.js';
import { wholeNumberOption } from '../arguments.js';
import { exitCodes, UsageError, type Command } from '../command.js';

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

export const pactCommand: Command = {
  name: 'pact',
  summary: "Verify consumers' Pact message pacts against what Wix sends (the toolkit stands in for Wix as the provider).",
  usage: 'pact verify <pact files or folders...> | pact verify --broker-url URL [--provider NAME]... [--publish --provider-version V] [--state "STATE=trait,..."]... [--seed N] [--log-level L] [--json]',
  options: {
    'broker-url': { type: 'string', valueName: 'url', description: 'Fetch the pacts of the Wix providers from this Pact Broker (token from PACT_BROKER_TOKEN).' },
    provider: { type: 'string', multiple: true, valueName: 'name', description: 'With --broker-url: verify only this Wix provider; repeatable. Default: all of them.' },
    publish: { type: 'boolean', description: 'With --broker-url: publish the verification results (needs --provider-version).' },
    'provider-version': { type: 'string', valueName: 'v', description: 'The provider version the results are published for, e.g. the toolkit version or a git sha.' },
    'provider-branch': { type: 'string', valueName: 'name', description: 'The provider branch the results are published for.' },
    state: { type: 'string', multiple: true, valueName: 'state=traits', description: 'Map a provider state to factory traits, e.g. "a participation for a schedule=for-schedule"; repeatable. Trait names and descriptions are states already.' },
    seed: { type: 'string', valueName: 'n', description: 'First factory seed the provider tries. Default 1.' },
    'log-level': { type: 'string', valueName: 'level', description: `Pact's log level: ${logLevels.join(', ')}. Default error.` },
    json: { type: 'boolean', description: 'Print the result (sources, failures) as JSON.' },
  },
  examples: [
    'wixhook pact verify pacts/bookings-app-wix-calendar-participations-v3.json',
    'wixhook pact verify pacts/ --state "a participation for a schedule=for-schedule"',
    'wixhook pact verify contracts/',
    'wixhook pact verify --broker-url https://broker.example.com --publish --provider-version "$(git rev-parse --short HEAD)"',
  ],
  async run({ values, positionals, io }) {
    const [subcommand, ...sources] = positionals;
    if (subcommand !== 'verify') throw new UsageError(subcommand === undefined ? 'Missing subcommand: pact verify <pact files...>.' : `Unknown pact subcommand "${subcommand}"; expected "verify".`);
    const brokerUrl = values['broker-url'] as string | undefined;
    if (sources.length === 0 && !brokerUrl) throw new UsageError('pact verify needs pact files or folders, or --broker-url.');
    if (values.publish && !values['provider-version']) throw new UsageError('--publish needs --provider-version.');
    const logLevel = (values['log-level'] ?? 'error') as (typeof logLevels)[number];
    if (!logLevels.includes(logLevel)) throw new UsageError(`--log-level expects one of ${logLevels.join(', ')}, got "${logLevel}".`);
    const seed = wholeNumberOption('seed', values.seed, undefined, 0);
    const options: VerifyWixPactsOptions = {
      ...(sources.length > 0 ? { pactUrls: sources.map((source) => (/^https?:\/\//.test(source) ? source : resolve(io.cwd, source))) } : {}),
      ...(brokerUrl ? { pactBrokerUrl: brokerUrl } : {}),
      ...(process.env.PACT_BROKER_TOKEN ? { pactBrokerToken: process.env.PACT_BROKER_TOKEN } : {}),
      ...(values.provider ? { providers: values.provider as string[] } : {}),
      ...(values.publish ? { publishVerificationResult: true, providerVersion: String(values['provider-version']) } : {}),
      ...(values['provider-branch'] ? { providerVersionBranch: String(values['provider-branch']) } : {}),
      states: stateOption(values.state),
      ...(seed !== undefined ? { seed } : {}),
      logLevel,
    };
    try {
      const result = await verifyWixPacts(options);
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
