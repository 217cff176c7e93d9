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

/** One attempt to deliver a webhook. */
export interface Attempt {
  /** 1 for the first attempt, up to 1 + the policy's resends. */
  number: number;
  /** When it was sent, in milliseconds on the delivery's clock. */
  at: number;
  /** The receiver's status, when it answered in time. */
  status?: number;
  /** Real milliseconds from sending to the answer or the failure (wall time, even under a virtual clock). */
  latencyMs: number;
  /** Why it failed; absent when delivered. */
  error?: { code: AttemptErrorCode; message: string };
  outcome: 'delivered' | 'failed';
}

export interface DeliveryReport {
  /** True when an attempt got a 200. */
  delivered: boolean;
  /** Every attempt, in order; the last one is the 200 when delivered. */
  attempts: Attempt[];
  /** The URL delivered to, or `handler`. */
  target: string;
}
