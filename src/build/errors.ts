import { WixhookError } from '../errors.js';

/** A trait name the webhook's factory does not define. */
export class UnknownTraitError extends WixhookError {
  static readonly code = 'ERR_UNKNOWN_TRAIT';
  readonly webhook: string;
  readonly trait: string;
  readonly known: readonly string[];

  constructor(webhook: string, trait: string, known: readonly string[]) {
    super(new.target.code, `Unknown trait "${trait}" for ${webhook}. Traits: ${known.join(', ')}.`);
    this.webhook = webhook;
    this.trait = trait;
    this.known = known;
  }
}

/** Two traits that set the same aspect (e.g. `for-event` and `for-schedule`). */
export class ConflictingTraitsError extends WixhookError {
  static readonly code = 'ERR_CONFLICTING_TRAITS';
  readonly traits: readonly [string, string];

  constructor(webhook: string, first: string, second: string, group: string) {
    super(new.target.code, `Traits "${first}" and "${second}" of ${webhook} both set the ${group}; pick one.`);
    this.traits = [first, second];
  }
}

/** A `--set path=value` (or `set` option) whose path is malformed or names no field of the payload. */
export class InvalidSetPathError extends WixhookError {
  static readonly code = 'ERR_INVALID_SET_PATH';
  readonly assignment: string;

  constructor(assignment: string, reason: string) {
    super(new.target.code, `Cannot apply "${assignment}": ${reason}`);
    this.assignment = assignment;
  }
}

/** A `--set path=value` whose value has the wrong JSON type for the field (a string where a number goes, ...). */
export class InvalidSetValueError extends WixhookError {
  static readonly code = 'ERR_INVALID_SET_VALUE';
  readonly assignment: string;

  constructor(assignment: string, reason: string) {
    super(new.target.code, `Cannot apply "${assignment}": ${reason}`);
    this.assignment = assignment;
  }
}

/** A factory option out of range: a seed that is not a safe integer, a negative count, an invalid `now`. */
export class InvalidFactoryOptionError extends WixhookError {
  static readonly code = 'ERR_INVALID_FACTORY_OPTION';
  readonly option: string;

  constructor(option: string, message: string) {
    super(new.target.code, `Invalid factory option \`${option}\`: ${message}`);
    this.option = option;
  }
}
