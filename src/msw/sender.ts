import { getWebhook, type WebhookName } from '../catalog/catalog.js';
import { build, checkBuildOptions, type BuildOptions } from '../build/build.js';
import { assemblePayload } from '../build/envelope.js';
import { createVirtualClock } from '../delivery/clock.js';
import { deliver, type DeliveryTarget } from '../delivery/deliver.js';
import { isNodeListener } from '../delivery/node-listener.js';
import { resendPolicy } from '../delivery/resend-policy.js';
import type { Attempt } from '../delivery/report.js';
import { guid } from '../fake/ids.js';
import { isoMillis } from '../fake/instants.js';
import { signWebhook } from '../signing/sign.js';
import { mulberry32, seededShuffle } from '../delivery/shuffle.js';
import { WixhookError } from '../errors.js';
import type { ReleaseOrder } from './faults.js';
import type { DeliveryObserver, DeliveryRecord, Emission, MockContext } from './context.js';

/**
 * MSW's own marker for a request it must not intercept (what `bypass()` adds): a delivery to a
 * webhook URL is real HTTP even while `setupServer` patches `http.request` and `fetch` in the
 * same process, whatever the user's `onUnhandledRequest` (msw 2) or `onUnhandledFrame` (msw 3) says.
 */
export const bypassHeaders = { accept: 'msw/passthrough' } as const;

/** How long a webhook JWT is valid after its `iat`. */
const jwtLifetimeSeconds = 3600;

export interface Sender {
  records: DeliveryRecord[];
  send: MockContext['send'];
  emit: MockContext['emit'];
  /** Sends a recorded delivery's signed JWT again, as a new delivery; undefined when no record has that sequence number. */
  resend(sequence: number): Promise<DeliveryRecord> | undefined;
  /** Resolves when every delivery in flight has finished all its attempts. */
  idle(): Promise<void>;
  clear(): void;
  /** Calls `listener` on every change of the log, until the returned function is called. */
  onChange(listener: DeliveryListener): () => void;
  /** Where deliveries go: the URL, or `handler` for an in-process handler. */
  target: string;
  /** Delivers every webhook signed from now on `1 + count` times, the same JWT each time, as Wix sometimes does. */
  duplicate(count: number): void;
  /** Holds deliveries (logged as pending) until {@link Sender.release}. */
  hold(): void;
  /** Sends the held deliveries one after another in the given order, and stops holding; resolves with them, in that order, when their attempts end. */
  release(order?: ReleaseOrder, seed?: number): Promise<DeliveryRecord[]>;
  /** Extra deliveries per webhook, whether deliveries are held, and how many are. */
  faults(): { duplicates: number; holding: boolean; held: number };
}

/** A change of the delivery log: a record added or settled, one attempt made, or the log cleared. */
export type DeliveryChange =
  | { type: 'record'; record: DeliveryRecord }
  | { type: 'attempt'; record: DeliveryRecord; attempts: readonly Attempt[] }
  | { type: 'cleared' }
  /** The log outgrew its limit: every delivery up to sequence `through` left it (attempts of one still in flight are not reported). */
  | { type: 'dropped'; through: number };

export type DeliveryListener = (change: DeliveryChange) => void;

/** How many recent deliveries the log keeps by default; older ones are dropped, so a long-running mock's memory stays bounded. */
export const defaultKeepDeliveries = 1000;

export function createSender(getContext: () => MockContext, target: DeliveryTarget, observer: DeliveryObserver = {}, keep = defaultKeepDeliveries): Sender {
  const targetLabel = typeof target === 'function' ? 'handler' : String(target);
  const records: DeliveryRecord[] = [];
  const inFlight = new Set<Promise<unknown>>();
  let sequence = 0;
  const listeners = new Set<DeliveryListener>();
  let duplicates = 0;
  let holding = false;
  /** Deliveries waiting for `release`: start one, or drop it (a reset), settling its caller's promise either way. */
  let held: Array<{ record: DeliveryRecord; begin(): Promise<DeliveryRecord>; drop(): void }> = [];
  // A listener that throws must not break a delivery or the other listeners.
  let droppedThrough = 0;
  const notify = (change: DeliveryChange) => {
    if (change.type !== 'dropped' && change.type !== 'cleared' && change.record.sequence <= droppedThrough) return;
    for (const listener of listeners) {
      try {
        listener(change);
      } catch {}
    }
  };
  /** Logs the record, signs it unless its JWT is given, and runs the resend schedule in the background. */
  const launch = (record: DeliveryRecord, sign?: (context: MockContext) => Promise<string>): Promise<DeliveryRecord> => {
    records.push(record);
    notify({ type: 'record', record });
    if (records.length > keep) {
      droppedThrough = records.splice(0, records.length - keep).at(-1)!.sequence;
      notify({ type: 'dropped', through: droppedThrough });
    }
    if (!holding) return start(record, sign);
    return new Promise((resolve) =>
      held.push({
        record,
        begin: () => {
          const running = start(record, sign);
          resolve(running);
          return running;
        },
        drop: () => {
          record.status = 'failed';
          record.error = 'Held, then dropped by a reset before it was released.';
          resolve(record);
        },
      }),
    );
  };
  const start = (record: DeliveryRecord, sign?: (context: MockContext) => Promise<string>) => {
    const context = getContext();
    const start = context.clock.now();
    const running = (async () => {
      const attempts: Attempt[] = [];
      try {
        if (sign) {
          record.jwt = await sign(context);
          for (let copy = 0; copy < duplicates; copy++) void launchCopy(record, 'duplicate');
        }
        observer.onWebhookSigned?.(record);
        // Each delivery runs Wix's resend schedule on its own virtual clock starting at the mock's
        // time, so resends take no real time and never move the mock's clock.
        const clock = createVirtualClock(start);
        const { retryDelaysMs } = resendPolicy(context.policy);
        const report = await deliver(record.jwt, target, {
          clock,
          ...(context.policy ? { policy: context.policy } : {}),
          // A Node listener is served on loopback, so its deliveries are real HTTP too.
          ...(typeof target === 'function' && !isNodeListener(target) ? {} : { headers: bypassHeaders }),
          onAttempt: (attempt) => {
            attempts.push(attempt);
            notify({ type: 'attempt', record, attempts });
            const delay = attempt.outcome === 'failed' ? retryDelaysMs[attempt.number - 1] : undefined;
            observer.onDeliveryAttempt?.({ record, attempt, maxAttempts: retryDelaysMs.length + 1, target: targetLabel, ...(delay !== undefined ? { nextAttemptAt: clock.now() + delay } : {}) });
          },
        });
        record.report = report;
        record.status = report.delivered ? 'delivered' : 'failed';
      } catch (error) {
        record.status = 'failed';
        record.error = error instanceof Error ? error.message : String(error);
      }
      notify({ type: 'record', record });
      return record;
    })();
    inFlight.add(running);
    void running.then(
      () => inFlight.delete(running),
      () => inFlight.delete(running),
    );
    return running;
  };
  /** The same signed JWT delivered again, as a new record: what a receiver that tracks payload ids must skip. */
  const launchCopy = (original: DeliveryRecord, cause: 'resend' | 'duplicate') => {
    const { name, eventType, payload, jwt } = original;
    return launch({ sequence: ++sequence, name, eventType, cause, resendOf: original.sequence, payload, jwt, sentAt: isoMillis(getContext().clock.now()), status: 'pending' });
  };
  const send: MockContext['send'] = (name, payload, cause) => {
    const context = getContext();
    const webhook = getWebhook(name);
    // The record is logged before signing, so the log keeps the order of the causes.
    const record: DeliveryRecord = { sequence: ++sequence, name, eventType: webhook.eventType, cause, payload, jwt: '', sentAt: isoMillis(context.clock.now()), status: 'pending' };
    return launch(record, (context) => {
      // The mock's clock dates the JWT as it dates the payload and the tokens. Receivers check
      // `exp` against their real clock (@wix/sdk cannot be given another), so when the mock's
      // time is behind the real one the lifetime is stretched to an hour past real now.
      const issuedAt = context.clock.now();
      return signWebhook(name, payload, {
        privateKey: context.keys.privateKey,
        keyId: context.keys.keyId,
        instanceId: context.instanceId,
        identity: { identityType: 'APP', appId: context.appId },
        issuedAt: new Date(issuedAt),
        expiresInSeconds: Math.max(jwtLifetimeSeconds, Math.ceil((Date.now() - issuedAt) / 1000) + jwtLifetimeSeconds),
      });
    });
  };
  return {
    records,
    send,
    target: targetLabel,
    resend(number) {
      const original = records.find((record) => record.sequence === number);
      return original && launchCopy(original, 'resend');
    },
    duplicate(count) {
      if (!Number.isSafeInteger(count) || count < 0 || count > 10) throw new WixhookError('ERR_INVALID_FAULT', `duplicates: expected a whole number from 0 to 10, got ${String(count)}.`);
      duplicates = count;
    },
    hold() {
      holding = true;
    },
    async release(order = 'sent', seed = 1) {
      const queued = order === 'reverse' ? [...held].reverse() : order === 'shuffle' ? seededShuffle(held, mulberry32(seed)) : held;
      held = [];
      holding = false;
      // One after another, so the receiver gets them in exactly this order (signing times vary).
      for (const entry of queued) await entry.begin();
      await Promise.allSettled([...inFlight]);
      return queued.map((entry) => entry.record);
    },
    faults: () => ({ duplicates, holding, held: held.length }),
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit(name, emission: Emission, cause) {
      const context = getContext();
      const at = emission.at ?? context.clock.now();
      const payload = assemblePayload(getWebhook(name), {
        id: guid(context.store.faker),
        entityId: emission.entityId,
        data: emission.data,
        eventTime: isoMillis(at),
        ...(emission.entityEventSequence === undefined ? {} : { entityEventSequence: emission.entityEventSequence }),
      });
      return send(name, payload, cause);
    },
    async idle() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    clear() {
      for (const entry of held) entry.drop();
      held = [];
      holding = false;
      duplicates = 0;
      records.length = 0;
      sequence = 0;
      droppedThrough = 0;
      notify({ type: 'cleared' });
    },
  };
}

export interface TriggerOptions<Name extends WebhookName> extends Pick<BuildOptions<Name>, 'seed' | 'traits' | 'overrides' | 'related' | 'set'> {}

/** Builds any catalog webhook at the mock's time, for its app and instance, and sends it. */
export function trigger<Name extends WebhookName>(context: MockContext, name: Name, options: TriggerOptions<Name> = {}): Promise<DeliveryRecord> {
  // Bad options are refused before the seed is drawn, so a failed trigger leaves the id stream as it was.
  checkBuildOptions(name, options);
  const built = build(name, {
    ...options,
    seed: options.seed ?? context.store.faker.number.int({ min: 0, max: 2 ** 31 }),
    now: context.clock.now(),
  } as BuildOptions<Name>);
  return context.send(name, built.payload as Record<string, unknown>, 'trigger');
}
