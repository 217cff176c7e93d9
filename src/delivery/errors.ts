import { WixhookError } from '../errors.js';
import type { Attempt } from './report.js';

/** A delivery or batch option is out of range (a negative concurrency, a non-URL target, ...). */
export class InvalidDeliveryOptionError extends WixhookError {
  static readonly code = 'ERR_DELIVERY_OPTION';
  readonly option: string;

  constructor(option: string, message: string) {
    super(new.target.code, `Invalid delivery option "${option}": ${message}`);
    this.option = option;
  }
}

/** The caller's `signal` aborted a delivery or batch; attempts made so far are in `attempts`. */
export class DeliveryAbortedError extends WixhookError {
  static readonly code = 'ERR_DELIVERY_ABORTED';
  /** Attempts made before the abort (empty when thrown by a clock). */
  attempts: readonly Attempt[] = [];

  constructor(reason?: unknown) {
    super(new.target.code, `Delivery aborted${reason instanceof Error ? `: ${reason.message}` : reason === undefined ? '' : `: ${String(reason)}`}.`, { cause: reason });
  }
}
