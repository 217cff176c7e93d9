import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { LogLevel, MessageDescriptor, VerifierOptions } from '@pact-foundation/pact';
import { catalog, type CatalogWebhook } from '../catalog/catalog.js';
import { PactHelperError, PactSourceError, PactVerificationError, type PactFailure } from './errors.js';
import { loadPact } from './load-pact.js';
import { layerForInteraction, messageContent, messageSeed, traitsForStates, webhookForInteraction, type MessageLayer, type StateTraits } from './message.js';

export interface VerifyWixPactsOptions {
  /** Pact files, folders of pact files (every `*.json` in them) or http(s) URLs. */
  pactUrls?: readonly string[];
  /** A Pact Broker to fetch the pacts of every Wix provider (or of `providers`) from. */
  pactBrokerUrl?: string;
  pactBrokerToken?: string;
  pactBrokerUsername?: string;
  pactBrokerPassword?: string;
  /**
   * Which consumer versions' pacts the broker selects. Default: Pact's recommended
   * `[{ mainBranch: true }, { deployedOrReleased: true }]` ({@link defaultConsumerVersionSelectors}).
   */
  consumerVersionSelectors?: VerifierOptions['consumerVersionSelectors'];
  /** Pending pacts (not yet verified by this provider) are reported but do not fail the verification. */
  enablePending?: boolean;
  /** Also verify work-in-progress pacts published since this date (`YYYY-MM-DD`); they are pending. */
  includeWipPactsSince?: string;
  /** Publish the results to the broker (needs `providerVersion`). */
  publishVerificationResult?: boolean;
  providerVersion?: string;
  providerVersionBranch?: string;
  /** Broker only: which Wix providers to verify. Default: every provider of the catalog. */
  providers?: readonly string[];
  /** Extra provider states, mapped to traits: `{ 'a participation for a schedule': ['for-schedule'] }`. */
  states?: StateTraits;
  /** First seed the factories try (default 1). */
  seed?: number;
  /** Pact's log level. Default `error`. */
  logLevel?: LogLevel;
}

export interface VerifiedSource {
  /** The pact file or URL, or the broker URL. */
  source: string;
  provider: string;
  consumer?: string;
  passed: boolean;
}

export interface WixPactVerification {
  sources: VerifiedSource[];
  /** Pact's reports, without colours. */
  report: string;
}

interface PlannedInteraction {
  webhook: CatalogWebhook;
  layer: MessageLayer;
  expected?: unknown;
}

interface PactJson {
  consumer?: { name?: string };
  provider?: { name?: string };
  interactions?: Array<{ type?: string; description?: string; metadata?: Record<string, unknown>; contents?: { content?: unknown }; providerStates?: Array<{ name: string }> }>;
  messages?: Array<{ description?: string; metadata?: Record<string, unknown>; contents?: unknown; providerStates?: Array<{ name: string }> }>;
}

/** Pact's recommended selection: the consumers' main branches and whatever is deployed or released. */
export const defaultConsumerVersionSelectors: NonNullable<VerifierOptions['consumerVersionSelectors']> = [{ mainBranch: true }, { deployedOrReleased: true }];

/** How many seeds the provider tries for a message that has every field an interaction expects. */
const seedsTried = 1024;

const ansi = /\u001b\[[0-9;]*m/g;

async function expandSources(sources: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const source of sources) {
    if (/^https?:\/\//.test(source)) {
      out.push(source);
      continue;
    }
    const path = resolve(source);
    const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
      throw new PactSourceError(source, error.code === 'ENOENT' ? 'no such file or folder' : error.message, { cause: error });
    });
    if (info.isDirectory()) {
      const files = (await readdir(path)).filter((file) => file.endsWith('.json')).sort();
      out.push(...files.map((file) => join(path, file)));
    } else out.push(path);
  }
  return out;
}

async function readPact(source: string): Promise<PactJson> {
  if (/^https?:\/\//.test(source)) {
    const response = await fetch(source, { headers: { accept: 'application/hal+json, application/json' } });
    if (!response.ok) throw new PactSourceError(source, `HTTP ${response.status}`);
    return (await response.json()) as PactJson;
  }
  try {
    return JSON.parse(await readFile(source, 'utf8')) as PactJson;
  } catch (error) {
    throw new PactSourceError(source, `not a JSON pact file (${(error as Error).message})`, { cause: error });
  }
}

/** Whether `actual` has every key `expected` has, at every depth (array elements against the first expected one). */
function covers(expected: unknown, actual: unknown): boolean {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return false;
    const [template] = expected;
    return template === undefined || actual.every((item) => covers(template, item));
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return false;
    return Object.entries(expected).every(([key, value]) => Object.hasOwn(actual, key) && covers(value, (actual as Record<string, unknown>)[key]));
  }
  return true;
}

/**
 * The message Wix (the toolkit's model of it) sends for an interaction: built by the factories
 * with the traits the provider states name. Optional fields vary with the seed, so when the
 * interaction's expected message is known, the first of 1024 seeds whose message has every field
 * the consumer expects is used; a field Wix never sends is in none of them, and Pact reports it.
 */
function produce(plan: PlannedInteraction, states: readonly string[], options: VerifyWixPactsOptions) {
  const traits = traitsForStates(plan.webhook, states, options.states);
  const first = options.seed ?? messageSeed;
  let content = messageContent(plan.webhook.name, plan.layer, { seed: first, traits });
  if (plan.expected !== undefined && !covers(plan.expected, content)) {
    for (let seed = first + 1; seed < first + seedsTried; seed++) {
      const candidate = messageContent(plan.webhook.name, plan.layer, { seed, traits });
      if (covers(plan.expected, candidate)) {
        content = candidate;
        break;
      }
    }
  }
  return {
    __pactMessageMetadata: { eventType: plan.webhook.eventType, contentType: 'application/json', layer: plan.layer },
    message: content,
  };
}

/**
 * Runs a message provider; an error (a state naming no trait, an interaction naming no webhook) is
 * recorded as a failure of that interaction with its own message, and sent to Pact as the body so
 * Pact's report shows it too.
 */
function reporting(description: string, errors: PactFailure[], produceMessage: () => unknown): unknown {
  try {
    return produceMessage();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    errors.push({ interaction: description, mismatch: message, type: 'ProviderError' });
    throw { error: message, ...(error instanceof Error && 'code' in error ? { code: (error as { code: unknown }).code } : {}) };
  }
}

function failuresOf(results: unknown): { failures: PactFailure[]; output: string } {
  const parsed = results as { errors?: Array<{ interaction?: string; mismatch?: { type?: string; message?: string; mismatches?: Array<{ path?: string; key?: string; mismatch?: string; type?: string }> } }>; output?: string[] };
  const failures: PactFailure[] = [];
  for (const error of parsed.errors ?? []) {
    const interaction = error.interaction ?? '(unnamed interaction)';
    const mismatches = error.mismatch?.mismatches;
    if (mismatches && mismatches.length > 0) {
      for (const mismatch of mismatches) {
        const path = mismatch.path ?? mismatch.key;
        failures.push({ interaction, ...(path ? { path } : {}), mismatch: (mismatch.mismatch ?? '').replace(ansi, ''), type: mismatch.type ?? 'Mismatch' });
      }
    } else {
      failures.push({ interaction, mismatch: (error.mismatch?.message ?? JSON.stringify(error.mismatch)).replace(ansi, ''), type: error.mismatch?.type ?? 'error' });
    }
  }
  return { failures, output: (parsed.output ?? []).join('\n').replace(ansi, '') };
}

async function runVerifier(
  config: Record<string, unknown>,
  messageProviders: Record<string, (descriptor: MessageDescriptor) => unknown>,
  stateHandlers: Record<string, () => Promise<unknown>>,
  logLevel: LogLevel,
): Promise<{ passed: boolean; failures: PactFailure[]; output: string }> {
  const { MessageProviderPact } = await loadPact();
  const verifier = new MessageProviderPact({ ...config, logLevel, messageProviders, stateHandlers } as ConstructorParameters<typeof MessageProviderPact>[0]);
  try {
    const results = await verifier.verify();
    return { passed: true, failures: [], output: typeof results === 'string' ? failuresOf(JSON.parse(results)).output : '' };
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return { passed: false, failures: [{ interaction: '(verifier)', mismatch: text, type: 'error' }], output: text };
    }
    const { failures, output } = failuresOf(parsed);
    return { passed: false, failures, output };
  }
}

/**
 * Verifies consumers' message pacts with Wix as the provider: each interaction's message is built
 * by the factories (provider states name traits; the layer is the interaction's metadata `layer`,
 * or "SDK envelope" in its description), sent with Wix's real eventType in its metadata, and
 * checked by Pact's own verifier. Resolves when every interaction passes; otherwise rejects with a
 * {@link PactVerificationError} listing each mismatch with its interaction and path.
 *
 * @example
 * await verifyWixPacts({ pactUrls: ['pacts/bookings-app-wix-calendar-participations-v3.json'] });
 * await verifyWixPacts({ pactBrokerUrl: 'https://broker.example.com', pactBrokerToken, publishVerificationResult: true, providerVersion: '2024.05' });
 */
export async function verifyWixPacts(options: VerifyWixPactsOptions): Promise<WixPactVerification> {
  const logLevel = options.logLevel ?? 'error';
  const sources: VerifiedSource[] = [];
  const failures: PactFailure[] = [];
  const reports: string[] = [];
  if (!options.pactUrls?.length && !options.pactBrokerUrl) throw new PactHelperError('verifyWixPacts needs pactUrls (pact files or folders) or pactBrokerUrl.');
  // A missing optional peer is reported before anything else the options might get wrong.
  await loadPact();

  for (const source of await expandSources(options.pactUrls ?? [])) {
    const pact = await readPact(source);
    const provider = pact.provider?.name ?? '';
    const interactions = [
      ...(pact.interactions ?? []).filter((interaction) => interaction.type === undefined || interaction.type === 'Asynchronous/Messages').map((interaction) => ({ ...interaction, expected: interaction.contents?.content })),
      ...(pact.messages ?? []).map((message) => ({ ...message, expected: message.contents })),
    ];
    const plans = new Map<string, PlannedInteraction | Error>();
    const stateNames = new Set<string>();
    for (const interaction of interactions) {
      const description = interaction.description ?? '';
      for (const state of interaction.providerStates ?? []) stateNames.add(state.name);
      const webhook = webhookForInteraction(provider, interaction);
      const plan = webhook
        ? { webhook, layer: layerForInteraction(interaction), expected: interaction.expected }
        : new Error(`No Wix webhook for interaction "${description}" of provider "${provider}": use a provider of the catalog (${catalog.map((entry) => entry.provider).join(', ')}) or put the eventType in the message metadata`);
      const previous = plans.get(description);
      if (previous && !(previous instanceof Error) && !(plan instanceof Error) && (previous.webhook !== plan.webhook || previous.layer !== plan.layer)) {
        plans.set(description, new Error(`Two interactions are described "${description}" for different messages; give them distinct descriptions`));
      } else if (!previous) plans.set(description, plan);
    }
    const providerErrors: PactFailure[] = [];
    const messageProviders = Object.fromEntries(
      [...plans].map(([description, plan]) => [
        description,
        (descriptor: MessageDescriptor) =>
          reporting(description, providerErrors, () => {
            if (plan instanceof Error) throw plan;
            return produce(plan, (descriptor.providerStates ?? []).map((state) => state.name), options);
          }),
      ]),
    );
    // States are applied by the message providers (as traits); these handlers only keep Pact from warning about them.
    const stateHandlers = Object.fromEntries([...stateNames].map((state) => [state, async () => undefined]));
    const outcome = await runVerifier({ pactUrls: [source], provider }, messageProviders, stateHandlers, logLevel);
    failures.push(...providerErrors);
    sources.push({ source, provider, ...(pact.consumer?.name ? { consumer: pact.consumer.name } : {}), passed: outcome.passed });
    failures.push(...outcome.failures);
    reports.push(outcome.output);
  }

  if (options.pactBrokerUrl) {
    // Every Wix provider is asked by default, and most consumers use only some of them: a provider
    // without pacts is then no failure. A provider named in `providers` without pacts is one.
    const providers = options.providers ?? [...new Set(catalog.map((webhook) => webhook.provider))];
    for (const provider of providers) {
      const providerErrors: PactFailure[] = [];
      const messageProviders = new Proxy({} as Record<string, (descriptor: MessageDescriptor) => unknown>, {
        get: (_target, description) => (descriptor: MessageDescriptor) =>
          reporting(String(description), providerErrors, () => {
            const interaction = { description: String(description) };
            const webhook = webhookForInteraction(provider, interaction);
            if (!webhook) throw new PactHelperError(`"${provider}" is not a Wix provider of the catalog`);
            return produce({ webhook, layer: layerForInteraction(interaction) }, (descriptor.providerStates ?? []).map((state) => state.name), options);
          }),
      });
      const config = {
        provider,
        pactBrokerUrl: options.pactBrokerUrl,
        ...(options.pactBrokerToken ? { pactBrokerToken: options.pactBrokerToken } : {}),
        ...(options.pactBrokerUsername ? { pactBrokerUsername: options.pactBrokerUsername } : {}),
        ...(options.pactBrokerPassword ? { pactBrokerPassword: options.pactBrokerPassword } : {}),
        consumerVersionSelectors: options.consumerVersionSelectors ?? defaultConsumerVersionSelectors,
        failIfNoPactsFound: options.providers !== undefined,
        ...(options.enablePending !== undefined ? { enablePending: options.enablePending } : {}),
        ...(options.includeWipPactsSince ? { includeWipPactsSince: options.includeWipPactsSince } : {}),
        ...(options.publishVerificationResult ? { publishVerificationResult: true } : {}),
        ...(options.providerVersion ? { providerVersion: options.providerVersion } : {}),
        ...(options.providerVersionBranch ? { providerVersionBranch: options.providerVersionBranch } : {}),
      };
      const outcome = await runVerifier(config, messageProviders, {}, logLevel);
      failures.push(...providerErrors);
      sources.push({ source: options.pactBrokerUrl, provider, passed: outcome.passed });
      failures.push(...outcome.failures);
      reports.push(outcome.output);
    }
  }

  const report = reports.filter(Boolean).join('\n');
  if (failures.length > 0 || sources.some((source) => !source.passed)) throw new PactVerificationError(failures, report);
  return { sources, report };
}
