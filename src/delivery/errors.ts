import { WixhookError } from '../errors.js';
import type { Attempt } from './deliver.js';

/**
 * Why one delivery attempt failed. Attempts record `{ code, message }` of one of these; the
 * engine never throws them, since a failed attempt is an outcome, not a crash.
 */
export const attemptErrorCodes = {
  /** The receiver answered with a status other than 200 (201 and 204 included: Wix wants 200). */
  status: 'ERR_DELIVERY_STATUS',
  /** No answer within the policy's timeout (1250 ms for Wix). */
  timeout: 'ERR_DELIVERY_TIMEOUT',
  /** The receiver closed the connection without answering (ECONNRESET, "other side closed"). */
  connectionReset: 'ERR_DELIVERY_CONNECTION_RESET',
  /** Nothing listens at the URL (ECONNREFUSED). */
  connectionRefused: 'ERR_DELIVERY_CONNECTION_REFUSED',
  /** Any other network failure (DNS, TLS, ...); the message carries the cause. */
  network: 'ERR_DELIVERY_NETWORK',
  /** An in-process handler threw or returned something that is not a Response. */
  handler: 'ERR_DELIVERY_HANDLER',
} as const;

export type AttemptErrorCode = (typeof attemptErrorCodes)[keyof typeof attemptErrorCodes];

/** A delivery or batch option is out of range (a negative concurrency, a non-URL target, ...). */
export class InvalidDeliveryOptionError extends WixhookError {
  static readonly code = 'ERR_DELIVERY_OPTION';
  readonly option: string;

  constructor(option: string, message: string) {
    super(InvalidDeliveryOptionError.code, `Invalid delivery option "${option}": ${message}`);
    this.option = option;
  }
}

/** The caller's `signal` aborted a delivery or batch; attempts made so far are in `attempts`. */
export class DeliveryAbortedError extends WixhookError {
  static readonly code = 'ERR_DELIVERY_ABORTED';
  /** Attempts made before the abort (empty when thrown by a clock). */
  attempts: readonly Attempt[] = [];

  constructor(reason?: unknown) {
    super(DeliveryAbortedError.code, `Delivery aborted${reason instanceof Error ? `: ${reason.message}` : reason === undefined ? '' : `: ${String(reason)}`}.`, { cause: reason });
  }
}
