/**
 * The consistency rules every built payload must meet, written independently of the factories'
 * own date code (the zone conversion here uses Intl's `sv-SE` formatting). Each check returns a
 * list of broken rules, empty when all hold.
 */
import type { CalendarEvent, ZonedDate } from '../../src/domains/calendar/event.js';
import { timingOffsetMinutes, type GuestEventStarts } from '../../src/domains/events/guest.js';
import type { Identity } from '../../src/definition/define-webhook.js';

const formatters = new Map<string, Intl.DateTimeFormat>();
/** `2024-10-11T12:00:00`: the wall-clock time at `ms` in `timeZone`. */
export function localAt(ms: number, timeZone: string): string {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, formatter);
  }
  return formatter.format(ms).replace(' ', 'T');
}

const weekdays = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'];
const weekdayOfLocal = (localDate: string) => weekdays[new Date(`${localDate.slice(0, 10)}T00:00:00Z`).getUTCDay()];
const addDays = (localDate: string, days: number) => {
  const date = new Date(`${localDate.slice(0, 10)}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return `${date.toISOString().slice(0, 10)}${localDate.slice(10)}`;
};
const ms = (iso: string | undefined) => Date.parse(iso ?? 'invalid');
const isRevision = (value: unknown) => typeof value === 'string' && /^[1-9]\d*$/.test(value);

export function checkZoned(date: ZonedDate | undefined, where: string, problems: string[]): void {
  if (!date?.timeZone || !date.utcDate) return void problems.push(`${where}: missing timeZone or utcDate`);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(date.utcDate)) problems.push(`${where}.utcDate not in Wix format: ${date.utcDate}`);
  const local = localAt(ms(date.utcDate), date.timeZone);
  if (local !== date.localDate) problems.push(`${where}: utcDate ${date.utcDate} is ${local} in ${date.timeZone}, localDate says ${date.localDate}`);
}

export function checkDates(entity: { createdDate?: string; updatedDate?: string; revision?: string }, eventTime: string, where: string, problems: string[]): void {
  if (!(ms(entity.createdDate) <= ms(entity.updatedDate))) problems.push(`${where}: createdDate ${entity.createdDate} after updatedDate ${entity.updatedDate}`);
  if (!(ms(entity.updatedDate) <= ms(eventTime))) problems.push(`${where}: updatedDate ${entity.updatedDate} after eventTime ${eventTime}`);
  if (!isRevision(entity.revision)) problems.push(`${where}: revision ${String(entity.revision)} is not a positive integer string`);
}

export function checkEventTimeFormat(eventTime: string, problems: string[]): void {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{9}Z$/.test(eventTime)) problems.push(`eventTime not in Wix's nanosecond format: ${eventTime}`);
}

export function checkCalendarEvent(event: CalendarEvent, eventTime: string, where: string, problems: string[]): void {
  checkZoned(event.start, `${where}.start`, problems);
  checkZoned(event.end, `${where}.end`, problems);
  if (!(ms(event.end.utcDate) > ms(event.start.utcDate))) problems.push(`${where}: end ${event.end.utcDate} not after start ${event.start.utcDate}`);
  checkDates(event, eventTime, where, problems);
  const isV3Id = /^[0-9a-f]{64}$/.test(event.id) && event.id.startsWith(event.scheduleId.replaceAll('-', ''));
  if (event.recurrenceType === 'INSTANCE') {
    if (!/^[0-9A-Za-z]{118}$/.test(event.id)) problems.push(`${where}: INSTANCE id is not 118 base62 characters`);
    if (!event.recurringEventId?.startsWith(event.scheduleId.replaceAll('-', ''))) problems.push(`${where}: recurringEventId does not start with the schedule hex`);
  } else if (!isV3Id) problems.push(`${where}: id ${event.id} is not the schedule hex followed by 32 hex digits`);
  if (event.recurrenceRule) {
    const day = event.recurrenceRule.days?.[0];
    if (weekdayOfLocal(event.start.localDate) !== day) problems.push(`${where}: start ${event.start.localDate} is a ${weekdayOfLocal(event.start.localDate)}, rule says ${day}`);
    if (event.recurrenceRule.until) checkZoned(event.recurrenceRule.until, `${where}.recurrenceRule.until`, problems);
  }
}

export function checkIdentity(identity: Identity, problems: string[]): void {
  const idFields: Record<string, string | undefined> = { ANONYMOUS_VISITOR: 'anonymousVisitorId', MEMBER: 'memberId', WIX_USER: 'wixUserId', APP: 'appId', UNKNOWN: undefined };
  const expected = idFields[identity.identityType];
  const keys = Object.keys(identity).filter((key) => key !== 'identityType');
  if (expected === undefined ? keys.length > 0 : keys.length !== 1 || keys[0] !== expected) problems.push(`identity ${identity.identityType} carries ${keys.join(', ')}`);
}

/** The offset Intl reports at `instant`, in ms. */
export const offsetAt = (instant: number, timeZone: string) => ms(`${localAt(instant, timeZone)}Z`) - instant;

/**
 * The earliest instant whose wall-clock time in `timeZone` is `local`, or undefined in a DST gap.
 * Candidates come from the offsets a day either side (a wall-clock time can only take one of
 * them); when neither reads back as `local`, every quarter-hour offset from +14 to -14 is tried.
 */
function firstInstantAt(local: string, timeZone: string): number | undefined {
  const asUtc = ms(`${local}Z`);
  const near = [asUtc - offsetAt(asUtc - 86_400_000, timeZone), asUtc - offsetAt(asUtc + 86_400_000, timeZone)]
    .sort((a, b) => a - b)
    .find((candidate) => localAt(candidate, timeZone) === local);
  if (near !== undefined) return near;
  return Array.from({ length: 113 }, (_, quarter) => 14 - quarter / 4)
    .map((hours) => asUtc - hours * 3_600_000)
    .find((candidate) => localAt(candidate, timeZone) === local);
}

/** Split: the old MASTER ends at the last occurrence before the split, the new one starts at the next, same weekday and schedule. */
export function checkSplit(body: { updatedRecurringEventEndingBeforeSplit: CalendarEvent; newRecurringEventStartingFromSplit: CalendarEvent }, payload: { entityId: string; eventTime: string }, problems: string[]): void {
  const old = body.updatedRecurringEventEndingBeforeSplit;
  const fresh = body.newRecurringEventStartingFromSplit;
  checkCalendarEvent(old, payload.eventTime, 'old', problems);
  checkCalendarEvent(fresh, payload.eventTime, 'new', problems);
  if (payload.entityId !== old.id) problems.push('entityId is not the old MASTER id');
  if (old.recurrenceType !== 'MASTER' || fresh.recurrenceType !== 'MASTER') problems.push('both events must be MASTERs');
  if (fresh.scheduleId !== old.scheduleId) problems.push('different schedules');
  if (fresh.id === old.id) problems.push('the new MASTER reuses the old id');
  if (fresh.revision !== '1') problems.push(`new revision ${fresh.revision}`);
  if (fresh.createdDate !== old.updatedDate) problems.push(`new createdDate ${fresh.createdDate} is not the old updatedDate ${old.updatedDate}`);
  const interval = old.recurrenceRule?.interval ?? 0;
  if (interval < 1 || interval > 4 || fresh.recurrenceRule?.interval !== interval) problems.push(`intervals ${interval} / ${fresh.recurrenceRule?.interval}`);
  if (fresh.recurrenceRule?.days?.[0] !== old.recurrenceRule?.days?.[0]) problems.push('different weekdays');
  if (fresh.recurrenceRule?.until) problems.push('the new MASTER has an until');
  const until = old.recurrenceRule?.until;
  if (!until) return void problems.push('the old MASTER has no until');
  // The last occurrence before the split is one interval before the new start; `until` is its end.
  const lastStart = addDays(fresh.start.localDate, -7 * interval);
  const durationMs = ms(old.end.utcDate) - ms(old.start.utcDate);
  const lastStartLocal = lastStart;
  const offsetGuess = firstInstantAt(lastStartLocal, until.timeZone!);
  if (offsetGuess === undefined) return void problems.push(`no instant has local time ${lastStartLocal}`);
  if (localAt(offsetGuess + durationMs, until.timeZone!) !== until.localDate) problems.push(`until ${until.localDate} is not the end of the occurrence at ${lastStartLocal}`);
  if (!(ms(old.updatedDate) > offsetGuess && ms(old.updatedDate) < ms(fresh.start.utcDate))) problems.push('the split time is not between the last occurrence before it and the first after');
  const weeksBetween = (ms(`${fresh.start.localDate}Z`) - ms(`${old.start.localDate}Z`)) / (7 * 86_400_000);
  if (!Number.isInteger(weeksBetween / interval) || weeksBetween <= 0) problems.push('the new start is not an occurrence of the old series');
}

/** Guest event starts: eventTime is the start minus the timing (plus under 5 s of lag), formatted strings match, tickets belong to the order. */
export function checkGuestEventStarts(body: GuestEventStarts, payload: { entityId: string; eventTime: string }, problems: string[]): void {
  const { guest, event, timing } = body;
  const settings = event.dateAndTimeSettings!;
  const tz = settings.timeZoneId!;
  const start = ms(settings.startDate);
  const end = ms(settings.endDate);
  if (!(end > start)) problems.push('end not after start');
  // eventTime carries nanoseconds below the millisecond, as Wix's do; to the millisecond it is the start minus the offset.
  const lag = ms(payload.eventTime) - (start - timingOffsetMinutes[timing] * 60_000);
  if (lag !== 0) problems.push(`eventTime ${payload.eventTime} is ${lag} ms off start minus ${timing}`);
  checkDates(guest, payload.eventTime, 'guest', problems);
  if (payload.entityId !== guest.id) problems.push('entityId is not the guest id');
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const show = (iso: number) => {
    const local = localAt(iso, tz);
    const [y, mo, d] = local.slice(0, 10).split('-').map(Number);
    const [h, mi] = local.slice(11, 16).split(':').map(Number);
    return { date: `${months[mo! - 1]} ${d}, ${y}`, time: `${h! % 12 === 0 ? 12 : h! % 12}:${String(mi).padStart(2, '0')} ${h! < 12 ? 'AM' : 'PM'}` };
  };
  const formatted = settings.formatted!;
  const s = show(start);
  const e = show(end);
  if (formatted.startDate !== s.date || formatted.startTime !== s.time) problems.push(`formatted start ${formatted.startDate} ${formatted.startTime}, expected ${s.date} ${s.time}`);
  if (settings.hideEndDate ? formatted.endDate !== '' || formatted.endTime !== '' : formatted.endDate !== e.date || formatted.endTime !== e.time) problems.push('formatted end does not match');
  if (!formatted.dateAndTime?.startsWith(`${s.date}, `)) problems.push(`dateAndTime ${formatted.dateAndTime} does not start with ${s.date}`);
  if (!settings.hideEndDate && !formatted.dateAndTime?.includes(e.time.split(' ')[0]!)) problems.push('dateAndTime lacks the end time');
  if (settings.recurrenceStatus === 'RECURRING' && !settings.recurringEvents?.individualEventDates?.some((date) => date.startDate === settings.startDate)) problems.push('recurring dates lack this occurrence');
  const order = guest.orderNumber;
  if (guest.guestType === 'RSVP') {
    if (!guest.rsvpId || order || guest.tickets) problems.push('RSVP guest with order fields');
  } else {
    if (!order || !/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{3}$/.test(order)) problems.push(`order number ${order}`);
    if (!guest.tickets?.length || !guest.tickets.every((ticket) => ticket.number?.startsWith(order ?? '?'))) problems.push('a ticket does not belong to the order');
    if (guest.guestType === 'TICKET_HOLDER' && (!guest.ticketNumber?.startsWith(order ?? '?') || guest.ticketNumber !== guest.tickets?.[0]?.number)) problems.push('ticketNumber does not belong to the order');
  }
  const checkIns = guest.guestDetails?.checkInDetails ?? [];
  if (guest.guestDetails?.checkedIn !== checkIns.length > 0) problems.push('checkedIn disagrees with checkInDetails');
  for (const checkIn of checkIns) if (!(ms(checkIn.checkInDate) >= ms(guest.createdDate) && ms(checkIn.checkInDate) <= ms(payload.eventTime))) problems.push('check-in outside created..eventTime');
  if (event.location?.type === 'ONLINE' && !guest.guestDetails?.onlineConferencingLogin) problems.push('online event without a conference link');
  if (event.location?.locationTbd && event.location.address) problems.push('TBD location with an address');
}
