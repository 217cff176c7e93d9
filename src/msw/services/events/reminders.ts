import { timingOffsetMinutes, timings, type Timing } from '../../../domains/events/guest.js';
import { minute } from '../../../fake/instants.js';
import type { DeliveryRecord, MockContext } from '../../context.js';
import type { EventsStore } from './store.js';

/** The `guest-event-starts` reminders due in `(from, to]`, oldest first. */
export function dueReminders(store: EventsStore, from: number, to: number): Array<{ due: number; eventId: string; timing: Timing }> {
  const due: Array<{ due: number; eventId: string; timing: Timing }> = [];
  for (const { id, details } of store.eventsEvents.values()) {
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
export async function sendReminders(context: MockContext<EventsStore>, from: number, to: number): Promise<DeliveryRecord[]> {
  const { store } = context;
  const sends: Array<Promise<DeliveryRecord>> = [];
  for (const reminder of dueReminders(store, from, to)) {
    const stored = store.eventsEvents.get(reminder.eventId)!;
    const event = structuredClone(stored.details);
    event.status = reminder.timing === 'NOW' ? 'STARTED' : 'UPCOMING';
    for (const guest of store.guests.values()) {
      if (guest.eventId !== reminder.eventId) continue;
      const data = { guest: structuredClone(guest), event, timing: reminder.timing };
      sends.push(context.emit('guest-event-starts', { entityId: guest.id!, data, at: reminder.due }, 'clock'));
    }
  }
  return Promise.all(sends);
}
