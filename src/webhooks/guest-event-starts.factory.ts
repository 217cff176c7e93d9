import type { EventDetails, EventGuest, GuestEventStarts, Timing } from '../domains/events/guest.js';
import { timingOffsetMinutes, timings } from '../domains/events/guest.js';
import { day, isoMillis, isoNanos, isoSeconds, minute, second } from '../fake/instants.js';
import { drawVenue, eventTitles, formattedDates, slugify, ticketNames, venueLocation } from '../domains/events/fake.js';
import { defineFactory, knob } from '../definition/define-factory.js';
import { businessName, guid, orderNumber, ticketNumber } from '../fake/ids.js';
import { zones } from '../fake/time-zones.js';
import { addLocalDays, atTime, localToUtc, utcToLocal } from '../fake/zoned.js';

export interface GuestEventStartsKnobs {
  timing: Timing;
  guestType: 'RSVP' | 'BUYER' | 'TICKET_HOLDER';
  checkedIn: boolean;
  location: 'venue' | 'online' | 'tbd';
  recurring: boolean;
  /** Carry the body in `actionEvent.bodyAsJson`, as the docs example does (`@wix/sdk` then hands the handler `data: undefined`). */
  bodyAsJson: boolean;
}

export interface GuestEventStartsRelated {
  /** The Wix Events event id: the guest's `eventId`. (The webhook's event summary carries no id.) */
  eventId: string;
}

const timingLabels: Record<Timing, string> = {
  NOW: 'when the event starts',
  STARTS_IN_30_MINUTES: '30 minutes before the start',
  STARTS_IN_1_HOUR: '1 hour before the start',
  STARTS_IN_2_HOURS: '2 hours before the start',
  STARTS_IN_1_DAY: '1 day before the start',
  STARTS_IN_3_DAYS: '3 days before the start',
  STARTS_IN_1_WEEK: '1 week before the start',
};

const timingTrait = (timing: Timing) => ({
  description: `Fires ${timingLabels[timing]} (\`${timing}\`).`,
  group: 'timing',
  knobs: { timing },
});

export const guestEventStartsFactory = defineFactory<GuestEventStarts, GuestEventStartsKnobs, GuestEventStartsRelated>()({
  traits: {
    'starts-now': timingTrait('NOW'),
    'starts-in-30-minutes': timingTrait('STARTS_IN_30_MINUTES'),
    'starts-in-1-hour': timingTrait('STARTS_IN_1_HOUR'),
    'starts-in-2-hours': timingTrait('STARTS_IN_2_HOURS'),
    'starts-in-1-day': timingTrait('STARTS_IN_1_DAY'),
    'starts-in-3-days': timingTrait('STARTS_IN_3_DAYS'),
    'starts-in-1-week': timingTrait('STARTS_IN_1_WEEK'),
    'rsvp-guest': { description: 'A guest who RSVPed: `rsvpId`, no order or tickets.', group: 'guest type', knobs: { guestType: 'RSVP' } },
    'ticket-holder': { description: 'Holds one ticket of an order: `orderNumber`, `ticketNumber`, one ticket.', group: 'guest type', knobs: { guestType: 'TICKET_HOLDER' } },
    buyer: { description: 'Bought the tickets of an order: `orderNumber` and 1 to 4 tickets.', group: 'guest type', knobs: { guestType: 'BUYER' } },
    'checked-in': { description: 'Checked in before the webhook fired (timing `NOW` unless a timing trait says otherwise).', group: 'check-in', knobs: { checkedIn: true } },
    'venue-event': { description: 'At a venue with a full address in the event time zone.', group: 'location', knobs: { location: 'venue' } },
    'online-event': { description: 'An online event: location type `ONLINE`, the guest has a conference link.', group: 'location', knobs: { location: 'online' } },
    'location-tbd': { description: 'Location to be determined: `locationTbd` true, no address.', group: 'location', knobs: { location: 'tbd' } },
    'one-time-event': { description: 'A one-time event.', group: 'recurrence', knobs: { recurring: false } },
    'recurring-event': { description: 'One date of a recurring event: `RECURRING`, with every date in `individualEventDates`.', group: 'recurrence', knobs: { recurring: true } },
    'body-as-json': {
      description: 'The docs form: the body in `actionEvent.bodyAsJson`, which `@wix/sdk` ignores (the handler gets `data: undefined`).',
      group: 'body form',
      knobs: { bodyAsJson: true },
    },
  },
  build({ faker, now, knobs, related }) {
    const checkedIn = knob(knobs.checkedIn, () => faker.datatype.boolean({ probability: 0.1 }));
    const drawnTiming = faker.helpers.arrayElement(timings);
    const timing = knobs.timing ?? (checkedIn ? 'NOW' : drawnTiming);
    const guestType = knob(knobs.guestType, () => faker.helpers.weightedArrayElement([
      { weight: 4, value: 'RSVP' as const },
      { weight: 4, value: 'TICKET_HOLDER' as const },
      { weight: 2, value: 'BUYER' as const },
    ]));
    const location = knob(knobs.location, () => faker.helpers.weightedArrayElement([
      { weight: 7, value: 'venue' as const },
      { weight: 2, value: 'online' as const },
      { weight: 1, value: 'tbd' as const },
    ]));
    const recurring = knob(knobs.recurring, () => faker.datatype.boolean({ probability: 0.2 }));
    const bodyAsJson = knob(knobs.bodyAsJson, () => false);

    // The event: its time zone follows the venue.
    const venue = drawVenue(faker);
    const otherZone = faker.helpers.arrayElement(zones).id;
    const timeZone = location === 'venue' ? venue.timeZone : otherZone;
    const venueDetails = venueLocation(faker, venue);
    const title = faker.helpers.arrayElement(eventTitles);
    const hour = faker.number.int({ min: 9, max: 20 });
    const minuteOfHour = faker.helpers.arrayElement([0, 0, 0, 30]);
    const durationMinutes = faker.helpers.arrayElement([60, 90, 120, 120, 180, 240]);
    const hideEndDate = faker.datatype.boolean({ probability: 0.15 });
    const showTimeZone = faker.datatype.boolean({ probability: 0.7 });

    // The start is on the local day `now + offset` at a round time; the webhook fires exactly `offset` before it.
    const offset = timingOffsetMinutes[timing] * minute;
    const startLocal = atTime(utcToLocal(now + offset, timeZone), hour, minuteOfHour);
    const startMs = localToUtc(startLocal, timeZone);
    const endMs = startMs + durationMinutes * minute;
    const firedMs = startMs - offset;

    const occurrences = faker.number.int({ min: 3, max: 6 });
    const thisOccurrence = faker.number.int({ min: 0, max: occurrences - 1 });
    const individualEventDates = recurring
      ? Array.from({ length: occurrences }, (_, index) => {
          const occurrenceStart = localToUtc(addLocalDays(startLocal, 7 * (index - thisOccurrence)), timeZone);
          return { startDate: isoSeconds(occurrenceStart), endDate: isoSeconds(occurrenceStart + durationMinutes * minute), timeZoneId: timeZone, showTimeZone };
        })
      : [];
    const categoryId = guid(faker);

    const event: EventDetails = {
      title,
      shortDescription: faker.lorem.sentence({ min: 6, max: 14 }),
      location:
        location === 'venue'
          ? venueDetails
          : location === 'online'
            ? { name: 'Online', type: 'ONLINE', locationTbd: false }
            : { name: 'To be announced', type: 'VENUE', locationTbd: true },
      dateAndTimeSettings: {
        dateAndTimeTbd: false,
        startDate: isoSeconds(startMs),
        endDate: isoSeconds(endMs),
        timeZoneId: timeZone,
        hideEndDate,
        showTimeZone,
        recurrenceStatus: recurring ? 'RECURRING' : 'ONE_TIME',
        recurringEvents: recurring ? { individualEventDates, categoryId } : { individualEventDates: [] },
        formatted: formattedDates(startMs, endMs, timeZone, { hideEndDate, showTimeZone }),
      },
      eventPageUrl: { base: `https://www.${slugify(businessName(faker))}.com`, path: `/event-details/${slugify(title)}` },
      status: timing === 'NOW' ? 'STARTED' : 'UPCOMING',
    };

    // The guest registered days to weeks before the webhook fired.
    const createdMs = firedMs - faker.number.int({ min: 2 * day, max: 45 * day });
    const attendanceMs = createdMs - faker.number.int({ min: 0, max: 3 * second });
    const checkInMs = Math.max(createdMs + second, firedMs - faker.number.int({ min: 2 * second, max: 40 * minute }));
    const updatedMs = checkedIn ? checkInMs + faker.number.int({ min: 20, max: 400 }) : createdMs + faker.number.int({ min: 20, max: 400 });
    const firstName = faker.person.firstName();
    const lastName = faker.person.lastName();
    const email = faker.internet.email({ firstName, lastName, provider: 'example.com' }).toLowerCase();
    const withPersonalDetails = faker.datatype.boolean({ probability: 0.6 });
    const order = orderNumber(faker);
    const ticketCount = guestType === 'BUYER' ? faker.number.int({ min: 1, max: 4 }) : 1;
    const ticketName = faker.helpers.arrayElement(ticketNames);
    const definitionId = guid(faker);
    const tickets = Array.from({ length: ticketCount }, (_, index) => ({ number: ticketNumber(order, index, faker), definitionId, name: ticketName, guestDetails: {} }));
    const rsvpId = guid(faker);
    const contactId = guid(faker);
    const memberId = faker.helpers.maybe(() => guid(faker), { probability: 0.4 });
    const staffId = guid(faker);
    const conference = { link: `https://zoom.us/j/${faker.string.numeric(11)}`, password: faker.string.alphanumeric(8) };

    const guestDetails: NonNullable<EventGuest['guestDetails']> = {};
    if (withPersonalDetails) Object.assign(guestDetails, { email, firstName, lastName });
    guestDetails.checkedIn = checkedIn;
    if (location === 'online') guestDetails.onlineConferencingLogin = conference;
    if (checkedIn) {
      const detail: NonNullable<NonNullable<EventGuest['guestDetails']>['checkInDetails']>[number] = { checkedIn: true, checkInDate: isoMillis(checkInMs), checkedInByStaffMember: staffId };
      if (guestType === 'RSVP') detail.fullName = `${firstName} ${lastName}`;
      guestDetails.checkInDetails = [detail];
    }

    const guest: EventGuest = { id: guid(faker), eventId: related.eventId ?? guid(faker) };
    if (guestType === 'RSVP') guest.rsvpId = rsvpId;
    else guest.orderNumber = order;
    if (guestType === 'TICKET_HOLDER') guest.ticketNumber = tickets[0]!.number;
    if (guestType !== 'RSVP') guest.tickets = tickets;
    Object.assign(guest, {
      contactId,
      guestDetails,
      attendanceStatus: 'ATTENDING',
      createdDate: isoMillis(createdMs),
      updatedDate: isoMillis(updatedMs),
      attendanceStatusUpdatedDate: isoMillis(attendanceMs),
    } satisfies Partial<EventGuest>);
    if (memberId) guest.memberId = memberId;
    Object.assign(guest, {
      guestType,
      totalGuests: guestType === 'RSVP' ? faker.number.int({ min: 1, max: 4 }) : ticketCount,
      revision: checkedIn ? '3' : '2',
    } satisfies Partial<EventGuest>);

    return {
      data: { guest, event, timing },
      entityId: guest.id,
      eventTime: isoNanos(firedMs, faker),
      bodyAsJson,
      related: { eventId: guest.eventId! },
    };
  },
});
