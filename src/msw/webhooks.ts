import { getWebhook, type WebhookName } from '../catalog/catalog.js';
import { createVirtualClock } from '../delivery/clock.js';
import { deliver, type DeliveryTarget } from '../delivery/deliver.js';
import { timingOffsetMinutes, timings, type Timing } from '../entities/events-guest.js';
import { build, type BuildOptions } from '../factories/build.js';
import { isoMillis, minute } from '../factories/clock.js';
import { signWebhook } from '../signing/sign.js';
import type { DeliveryRecord, MockContext } from './context.js';

/**
 * MSW's own marker for a request it must not intercept (what `bypass()` adds): a delivery to a
 * webhook URL is real HTTP even while `setupServer` patches `http.request` and `fetch` in the
 * same process, whatever the user's `onUnhandledRequest` (msw 2) or `onUnhandledFrame` (msw 3) says.
 */
export const bypassHeaders = { accept: 'msw/passthrough' } as const;

export interface Sender {
  records: DeliveryRecord[];
  send: MockContext['send'];
  /** Resolves when every delivery in flight has finished all its attempts. */
  idle(): Promise<void>;
  clear(): void;
}

export function createSender(getContext: () => MockContext, target: DeliveryTarget): Sender {
  const records: DeliveryRecord[] = [];
  const inFlight = new Set<Promise<unknown>>();
  let sequence = 0;
  return {
    records,
    send(name, payload, cause) {
      const context = getContext();
      const webhook = getWebhook(name);
      // The record is logged before signing, so the log keeps the order of the causes.
      const record: DeliveryRecord = { sequence: ++sequence, name, eventType: webhook.eventType, cause, payload, jwt: '', sentAt: isoMillis(context.clock.now()), status: 'pending' };
      records.push(record);
      const start = context.clock.now();
      const running = (async () => {
        try {
          record.jwt = await signWebhook(name, payload, {
            privateKey: context.keys.privateKey,
            keyId: context.keys.keyId,
            instanceId: context.instanceId,
            identity: { identityType: 'APP', appId: context.appId },
          });
          // Each delivery runs Wix's resend schedule on its own virtual clock starting at the mock's
          // time, so resends take no real time and never move the mock's clock.
          const report = await deliver(record.jwt, target, {
            clock: createVirtualClock(start),
            ...(context.policy ? { policy: context.policy } : {}),
            ...(typeof target === 'function' ? {} : { headers: bypassHeaders }),
          });
          record.report = report;
          record.status = report.delivered ? 'delivered' : 'failed';
        } catch (error) {
          record.status = 'failed';
          record.error = error instanceof Error ? error.message : String(error);
        }
        return record;
      })();
      inFlight.add(running);
      void running.then(
        () => inFlight.delete(running),
        () => inFlight.delete(running),
      );
      return running;
    },
    async idle() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    clear() {
      records.length = 0;
      sequence = 0;
    },
  };
}

export interface TriggerOptions<Name extends WebhookName> extends Pick<BuildOptions<Name>, 'seed' | 'traits' | 'overrides' | 'related' | 'set'> {}

/** Builds any catalog webhook at the mock's time, for its app and instance, and sends it. */
export function trigger<Name extends WebhookName>(context: MockContext, name: Name, options: TriggerOptions<Name> = {}): Promise<DeliveryRecord> {
  const built = build(name, {
    ...options,
    seed: options.seed ?? context.store.faker.number.int({ min: 0, max: 2 ** 31 }),
    now: context.clock.now(),
  } as BuildOptions<Name>);
  return context.send(name, built.payload as Record<string, unknown>, 'trigger');
}

/** A payload envelope for a webhook whose data the mock already has (from the store), dated now. */
export function payloadFor(context: MockContext, name: WebhookName, entityId: string, data: unknown, now = context.clock.now()): Record<string, unknown> {
  const webhook = getWebhook(name);
  const payload = build(name, { seed: context.store.faker.number.int({ min: 0, max: 2 ** 31 }), now }).payload as Record<string, unknown>;
  payload.entityId = entityId;
  if (webhook.kind === 'created') payload.createdEvent = { entity: data };
  else payload.actionEvent = { body: data };
  payload.eventTime = isoMillis(now);
  payload.triggeredByAnonymizeRequest = false;
  if ('entityEventSequence' in payload) payload.entityEventSequence = '1';
  return payload;
}

/** The `guest-event-starts` reminders due in `(from, to]`, oldest first. */
export function dueReminders(context: MockContext, from: number, to: number): Array<{ due: number; eventId: string; timing: Timing }> {
  const due: Array<{ due: number; eventId: string; timing: Timing }> = [];
  for (const { id, details } of context.store.eventsEvents.values()) {
    const start = Date.parse(details.dateAndTimeSettings?.startDate ?? '');
    if (!Number.isFinite(start)) continue;
    for (const timing of timings) {
      const at = start - timingOffsetMinutes[timing] * minute;
      if (at > from && at <= to) due.push({ due: at, eventId: id, timing });
    }
  }
  return due.sort((a, b) => a.due - b.due || timingOffsetMinutes[b.timing] - timingOffsetMinutes[a.timing]);
}

/** Sends every reminder due between the two times to each guest of its event. */
export async function sendReminders(context: MockContext, from: number, to: number): Promise<DeliveryRecord[]> {
  const sends: Array<Promise<DeliveryRecord>> = [];
  for (const reminder of dueReminders(context, from, to)) {
    const stored = context.store.eventsEvents.get(reminder.eventId)!;
    const event = structuredClone(stored.details);
    event.status = reminder.timing === 'NOW' ? 'STARTED' : 'UPCOMING';
    for (const guest of context.store.guests.values()) {
      if (guest.eventId !== reminder.eventId) continue;
      const payload = payloadFor(context, 'guest-event-starts', guest.id!, { guest: structuredClone(guest), event, timing: reminder.timing }, reminder.due);
      sends.push(context.send('guest-event-starts', payload, 'clock'));
    }
  }
  return Promise.all(sends);
}
