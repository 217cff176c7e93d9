import type { Faker } from '@faker-js/faker';
import type { EventDetails } from './guest.js';
import { zoneAbbreviation } from '../../fake/time-zones.js';
import { offsetMinutes, utcToLocal, type LocalDateTime } from '../../fake/zoned.js';
import { streetName } from '../../fake/ids.js';

/** Venues whose address agrees with their time zone. */
const venues = [
  { timeZone: 'America/New_York', country: 'US', countryFullname: 'United States', subdivision: 'GA', subdivisionName: 'Georgia', city: 'Atlanta', lat: 33.749, lng: -84.388 },
  { timeZone: 'America/New_York', country: 'US', countryFullname: 'United States', subdivision: 'NY', subdivisionName: 'New York', city: 'New York', lat: 40.713, lng: -74.006 },
  { timeZone: 'America/Chicago', country: 'US', countryFullname: 'United States', subdivision: 'IL', subdivisionName: 'Illinois', city: 'Chicago', lat: 41.878, lng: -87.63 },
  { timeZone: 'America/Denver', country: 'US', countryFullname: 'United States', subdivision: 'CO', subdivisionName: 'Colorado', city: 'Denver', lat: 39.739, lng: -104.99 },
  { timeZone: 'America/Los_Angeles', country: 'US', countryFullname: 'United States', subdivision: 'CA', subdivisionName: 'California', city: 'San Francisco', lat: 37.775, lng: -122.419 },
  { timeZone: 'Europe/London', country: 'GB', countryFullname: 'United Kingdom', subdivision: 'ENG', subdivisionName: 'England', city: 'London', lat: 51.507, lng: -0.128 },
  { timeZone: 'Europe/Dublin', country: 'IE', countryFullname: 'Ireland', subdivision: 'D', subdivisionName: 'Dublin', city: 'Dublin', lat: 53.35, lng: -6.26 },
  { timeZone: 'Europe/Berlin', country: 'DE', countryFullname: 'Germany', subdivision: 'BE', subdivisionName: 'Berlin', city: 'Berlin', lat: 52.52, lng: 13.405 },
  { timeZone: 'Australia/Sydney', country: 'AU', countryFullname: 'Australia', subdivision: 'NSW', subdivisionName: 'New South Wales', city: 'Sydney', lat: -33.869, lng: 151.209 },
  { timeZone: 'Asia/Tokyo', country: 'JP', countryFullname: 'Japan', subdivision: '13', subdivisionName: 'Tokyo', city: 'Tokyo', lat: 35.676, lng: 139.65 },
] as const;

export type Venue = (typeof venues)[number];

export function drawVenue(faker: Faker): Venue {
  return faker.helpers.arrayElement(venues);
}

type Location = NonNullable<EventDetails['location']>;

/** A venue location with a full Wix address (structured street, formatted line, geocode, subdivisions). */
export function venueLocation(faker: Faker, venue: Venue): Location {
  const number = String(faker.number.int({ min: 1, max: 2999 }));
  const street = streetName(faker);
  const postalCode = faker.location.zipCode('#####');
  const apt = faker.helpers.maybe(() => faker.helpers.arrayElement(['A', 'B', '2F', '101']), { probability: 0.3 });
  const name = faker.helpers.arrayElement(['Main Hall', 'Bar', 'Rooftop', 'Gallery', 'Studio 1', 'Garden', 'Auditorium']);
  const streetAddress: { number: string; name: string; apt?: string } = { number, name: street };
  if (apt) streetAddress.apt = apt;
  return {
    name,
    type: 'VENUE',
    address: {
      country: venue.country,
      subdivision: venue.subdivision,
      city: venue.city,
      postalCode,
      streetAddress,
      formattedAddress: `${number} ${street}${apt ? ` Ste ${apt}` : ''}, ${venue.city}, ${venue.subdivision} ${postalCode}, ${venue.countryFullname}`,
      geocode: {
        latitude: Math.round((venue.lat + faker.number.float({ min: -0.05, max: 0.05 })) * 1e7) / 1e7,
        longitude: Math.round((venue.lng + faker.number.float({ min: -0.05, max: 0.05 })) * 1e7) / 1e7,
      },
      countryFullname: venue.countryFullname,
      subdivisions: [
        { code: venue.subdivision, name: venue.subdivisionName, type: 'ADMINISTRATIVE_AREA_LEVEL_1' },
        { code: venue.country, name: venue.countryFullname, type: 'COUNTRY' },
      ],
    },
    locationTbd: false,
  };
}

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `January 4, 2025`. */
export function formatEventDate(local: LocalDateTime): string {
  return `${months[local.month - 1]} ${local.day}, ${local.year}`;
}

function clock(local: LocalDateTime): { text: string; period: 'AM' | 'PM' } {
  const hour12 = local.hour % 12 === 0 ? 12 : local.hour % 12;
  return { text: `${hour12}:${String(local.minute).padStart(2, '0')}`, period: local.hour < 12 ? 'AM' : 'PM' };
}

/** `3:00 PM`. */
export function formatEventTime(local: LocalDateTime): string {
  const { text, period } = clock(local);
  return `${text} ${period}`;
}

/**
 * The `formatted` strings of Wix Events, in the event's time zone, e.g.
 * `January 4, 2025, 3:00 – 5:00 PM EST`. Built from numbers (not from Intl's wording), so they
 * are the same on every ICU version.
 */
export function formattedDates(startMs: number, endMs: number, timeZone: string, options: { hideEndDate: boolean; showTimeZone: boolean }) {
  const start = utcToLocal(startMs, timeZone);
  const end = utcToLocal(endMs, timeZone);
  const zone = options.showTimeZone ? ` ${zoneAbbreviation(timeZone, offsetMinutes(startMs, timeZone))}` : '';
  const startDate = formatEventDate(start);
  const startTime = formatEventTime(start);
  const endDate = formatEventDate(end);
  const endTime = formatEventTime(end);
  let dateAndTime: string;
  if (options.hideEndDate) dateAndTime = `${startDate}, ${startTime}${zone}`;
  else if (startDate !== endDate) dateAndTime = `${startDate}, ${startTime} – ${endDate}, ${endTime}${zone}`;
  else if (clock(start).period === clock(end).period) dateAndTime = `${startDate}, ${clock(start).text} – ${endTime}${zone}`;
  else dateAndTime = `${startDate}, ${startTime} – ${endTime}${zone}`;
  return options.hideEndDate
    ? { dateAndTime, startDate, startTime, endDate: '', endTime: '' }
    : { dateAndTime, startDate, startTime, endDate, endTime };
}

export const eventTitles = [
  'Wine and Music', 'Jazz Under the Stars', 'Startup Pitch Night', 'Farmers Market Tour', 'Photography Walk', 'Charity Gala',
  'Comedy Open Mic', 'Tech Meetup', 'Book Club Evening', 'Summer Rooftop Party', 'Craft Beer Tasting', 'Design Conference',
  'Yoga in the Park', 'Film Screening', 'Cooking Masterclass', 'Salsa Social', 'Indie Game Showcase', 'Poetry Slam',
] as const;

export const ticketNames = ['Early Bird', 'General Admission', 'VIP', 'Student', 'Family Pass', 'Standard'] as const;

/** `wine-and-music`. */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
