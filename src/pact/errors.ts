import { WixhookError } from '../errors.js';

/** `@pact-foundation/pact` is an optional peer dependency; `wix-webhook-testkit/pact` needs it. */
export class PactNotInstalledError extends WixhookError {
  static readonly code = 'ERR_PACT_NOT_INSTALLED';

  constructor(cause?: unknown) {
    super(
      new.target.code,
      'wix-webhook-testkit/pact needs the optional peer dependency @pact-foundation/pact (>= 16): run `npm install --save-dev @pact-foundation/pact`.',
      { cause },
    );
  }
}

/** A helper was called with something it cannot turn into a message: a bad narrowing path, a layer, an example that does not fit. */
export class PactHelperError extends WixhookError {
  static readonly code = 'ERR_PACT_HELPER';

  constructor(message: string) {
    super(new.target.code, message);
  }
}

/** A pact source that cannot be read: no such file or folder, an HTTP error, or a file that is not JSON. */
export class PactSourceError extends WixhookError {
  static readonly code = 'ERR_PACT_SOURCE';
  readonly source: string;

  constructor(source: string, reason: string, options?: { cause?: unknown }) {
    super(new.target.code, `Cannot read the pact ${source}: ${reason}.`, options);
    this.source = source;
  }
}

/** A provider state that maps to no trait of the interaction's webhook. */
export class UnknownProviderStateError extends WixhookError {
  static readonly code = 'ERR_UNKNOWN_PROVIDER_STATE';
  readonly state: string;

  constructor(webhook: string, state: string, known: readonly string[]) {
    super(
      new.target.code,
      `Provider state "${state}" maps to no trait of ${webhook}. States are trait names or trait descriptions (or the \`states\` option of verifyWixPacts); traits: ${known.join(', ')}.`,
    );
    this.state = state;
  }
}

/** One mismatch Pact's verifier reported. */
export interface PactFailure {
  /** The consumer and provider, the provider states and the interaction description, as Pact names it. */
  interaction: string;
  /** JSON path into the message (`$.createdEvent.entity.partySize`) or, for metadata, the key. */
  path?: string;
  /** Pact's own words, e.g. `Expected 2 (Integer) to be a string`. */
  mismatch: string;
  type: string;
}

/** Pact's verifier found mismatches between what consumers expect and what Wix sends. */
export class PactVerificationError extends WixhookError {
  static readonly code = 'ERR_PACT_VERIFICATION';
  readonly failures: readonly PactFailure[];
  /** Pact's report, without colours. */
  readonly report: string;

  constructor(failures: readonly PactFailure[], report: string) {
    const lines = failures.map((failure) => `  - ${failure.interaction}: ${failure.path ? `${failure.path} -> ` : ''}${failure.mismatch}`);
    super(new.target.code, `Pact verification failed (${failures.length} mismatch${failures.length === 1 ? '' : 'es'}):\n${lines.join('\n')}`);
    this.failures = failures;
    this.report = report;
  }
}
