import { InvalidDeliveryOptionError } from './errors.js';

/** When an attempt fails and how long to wait before each resend. */
export interface ResendPolicy {
  /** An attempt with no answer within this many milliseconds fails. */
  timeoutMs: number;
  /** Wait before each resend, counted from the previous failure; its length is the number of resends. */
  retryDelaysMs: readonly number[];
}

const minute = 60_000;
const hour = 60 * minute;

/**
 * Wix's resend policy, from the Wix docs, "Webhook Resend Policy"
 * (https://dev.wix.com/docs/rest/articles/getting-started/webhook-resend-policy): an attempt
 * fails on a timeout (1250 ms) or when no 200 status comes back; then up to 12 more attempts
 * are made, 1 min, 10 min, 1 h, 2 h, 2 h, 2 h, 4 h, 4 h, 4 h, 8 h, 8 h and 12 h after the
 * previous failure: 13 attempts over about 47 hours at most.
 */
export const wixResendPolicy: ResendPolicy = Object.freeze({
  timeoutMs: 1250,
  retryDelaysMs: Object.freeze([minute, 10 * minute, hour, 2 * hour, 2 * hour, 2 * hour, 4 * hour, 4 * hour, 4 * hour, 8 * hour, 8 * hour, 12 * hour]),
});

/**
 * Wix's policy with some fields replaced, checked.
 *
 * @example
 * const noRetries = resendPolicy({ retryDelaysMs: [] });
 * const patient = resendPolicy({ timeoutMs: 5000 });
 */
export function resendPolicy(overrides: Partial<ResendPolicy> = {}): ResendPolicy {
  const policy = { ...wixResendPolicy, ...overrides };
  if (!(Number.isFinite(policy.timeoutMs) && policy.timeoutMs > 0)) throw new InvalidDeliveryOptionError('policy.timeoutMs', `expected a positive number of milliseconds, got ${String(policy.timeoutMs)}`);
  for (const delay of policy.retryDelaysMs) {
    if (!(Number.isFinite(delay) && delay >= 0)) throw new InvalidDeliveryOptionError('policy.retryDelaysMs', `expected non-negative milliseconds, got ${String(delay)}`);
  }
  return Object.freeze({ timeoutMs: policy.timeoutMs, retryDelaysMs: Object.freeze([...policy.retryDelaysMs]) });
}
