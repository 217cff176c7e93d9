import type { SdkEnvelopeOf } from 'wix-webhook-testkit';

/**
 * A small bookings app: it keeps a seat count per schedule, moves its follow-ups when a recurring
 * series is split, and queues a reminder when a guest's event is about to start. Each handler takes
 * what `@wix/sdk` hands a registered handler (`participations.onParticipationCreated(...)`, ...).
 */
export interface Store {
  seats: Map<string, number>;
  series: Map<string, string>;
  reminders: Array<{ guestId: string; eventTitle: string; startsAt: string; timing: string }>;
}

export function createStore(): Store {
  return { seats: new Map(), series: new Map(), reminders: [] };
}

export function onParticipationCreated(store: Store, envelope: SdkEnvelopeOf<'participation-created'>): void {
  const { entity } = envelope;
  const key = entity.scheduleId ?? entity.eventId;
  if (key === undefined) throw new Error(`participation ${entity._id} has neither scheduleId nor eventId`);
  store.seats.set(key, (store.seats.get(key) ?? 0) + entity.partySize);
}

export function onEventRecurringSplit(store: Store, envelope: SdkEnvelopeOf<'event-recurring-split'>): void {
  const split = envelope.data;
  if (!split) throw new Error('recurring split without data (the bodyAsJson form, which @wix/sdk does not read)');
  store.series.set(split.updatedRecurringEventEndingBeforeSplit._id, split.newRecurringEventStartingFromSplit._id);
}

export function onGuestEventStarts(store: Store, envelope: SdkEnvelopeOf<'guest-event-starts'>): void {
  const body = envelope.data;
  if (!body?.guest || !body.event) return; // nothing to remind about
  store.reminders.push({
    guestId: body.guest._id,
    eventTitle: body.event.title ?? '',
    startsAt: body.event.dateAndTimeSettings?.startDate?.toISOString() ?? '',
    timing: body.timing ?? 'NOW',
  });
}
