import * as z from 'zod';
import { guid, int64String, timestamp } from '../../wire/common.js';
import { schemaFamily, type ObjectBuilder } from '../../wire/mode.js';

/**
 * Wix Events v1 `EventGuest`, `EventDetails` and the `GuestEventStarts` action body, in the REST
 * shape the webhook carries. Field lists and limits follow the typings of `@wix/events`
 * (`@wix/auto_sdk_events_guests`, including the fields its internal typings mark `@internal`,
 * which real payloads carry: `formattedAddress`, `geocode`, `subdivisions`, `tickets[].guestDetails`).
 */
export const timings = ['NOW', 'STARTS_IN_30_MINUTES', 'STARTS_IN_1_HOUR', 'STARTS_IN_2_HOURS', 'STARTS_IN_1_DAY', 'STARTS_IN_3_DAYS', 'STARTS_IN_1_WEEK'] as const;
export const attendanceStatuses = ['NOT_ATTENDING', 'ATTENDING', 'IN_WAITLIST'] as const;
export const guestTypes = ['RSVP', 'BUYER', 'TICKET_HOLDER'] as const;
export const rsvpStatuses = ['YES', 'NO', 'WAITLIST'] as const;
export const orderStatuses = ['UNKNOW_ORDER_STATUS', 'FREE', 'PENDING', 'PAID', 'OFFLINE_PENDING', 'INITIATED', 'CANCELED', 'DECLINED', 'AUTHORIZED', 'VOIDED', 'PARTIALLY_PAID'] as const;
export const eventLocationTypes = ['VENUE', 'ONLINE'] as const;
export const recurrenceStatuses = ['ONE_TIME', 'RECURRING', 'RECURRING_UPCOMING', 'RECURRING_RECENTLY_ENDED', 'RECURRING_RECENTLY_CANCELED'] as const;
export const wixEventStatuses = ['UPCOMING', 'STARTED', 'ENDED', 'CANCELED', 'DRAFT'] as const;
export const subdivisionTypes = [
  'UNKNOWN_SUBDIVISION_TYPE',
  'ADMINISTRATIVE_AREA_LEVEL_1',
  'ADMINISTRATIVE_AREA_LEVEL_2',
  'ADMINISTRATIVE_AREA_LEVEL_3',
  'ADMINISTRATIVE_AREA_LEVEL_4',
  'ADMINISTRATIVE_AREA_LEVEL_5',
  'COUNTRY',
] as const;

/** Minutes before the event start at which each `timing` fires. */
export const timingOffsetMinutes: Readonly<Record<(typeof timings)[number], number>> = {
  NOW: 0,
  STARTS_IN_30_MINUTES: 30,
  STARTS_IN_1_HOUR: 60,
  STARTS_IN_2_HOURS: 120,
  STARTS_IN_1_DAY: 24 * 60,
  STARTS_IN_3_DAYS: 3 * 24 * 60,
  STARTS_IN_1_WEEK: 7 * 24 * 60,
};

/** The one-of of Wix addresses: a structured `streetAddress` or a free `addressLine`, never both. */
function notBothStreetForms(object: ObjectBuilder, shape: Parameters<ObjectBuilder>[0], title: string, description: string) {
  return object(shape)
    .check((ctx) => {
      const value = ctx.value as Record<string, unknown>;
      if (value.streetAddress !== undefined && value.addressLine !== undefined) {
        ctx.issues.push({ code: 'custom', input: value, path: ['addressLine'], message: 'expected at most one of `streetAddress` and `addressLine`, found both' });
      }
    })
    .meta({ title, description, not: { required: ['streetAddress', 'addressLine'] } });
}

const countryCode = () => z.string().regex(/^[A-Z]{2}$/, { error: 'expected an ISO-3166 alpha-2 country code, e.g. US' });

export const eventsGuestSchemas = schemaFamily((object) => {
  const StreetAddress = object({
    number: z.string().max(100).optional().describe('Street number.'),
    name: z.string().max(250).optional().describe('Street name.'),
    apt: z.string().max(100).optional().describe('Apartment number.'),
    formattedAddressLine: z.string().max(1000).optional().describe('Formatted address line.'),
  }).meta({ title: 'StreetAddress' });

  const AddressLocation = object({
    latitude: z.number().min(-90).max(90).optional().describe('Address latitude.'),
    longitude: z.number().min(-180).max(180).optional().describe('Address longitude.'),
  }).meta({ title: 'AddressLocation', description: 'Geocode of an address.' });

  const Subdivision = object({
    code: z.string().max(100).optional().describe('Short subdivision code.'),
    name: z.string().max(250).optional().describe('Subdivision full name.'),
    type: z.enum(subdivisionTypes).optional().describe('Subdivision level.'),
    typeInfo: z.string().max(1000).optional().describe('Free-text description of the subdivision type.'),
  }).meta({ title: 'Subdivision' });

  const addressShape = {
    streetAddress: StreetAddress.optional(),
    addressLine: z.string().max(250).optional().describe('Main address line, usually street and number, as free text.'),
    country: countryCode().optional().describe('Country code, ISO-3166 alpha-2.'),
    subdivision: z.string().max(20).optional().describe('Subdivision shorthand, usually a state or region (ISO 3166-2).'),
    city: z.string().max(100).optional().describe('City name.'),
    postalCode: z.string().max(100).optional().describe('Zip or postal code.'),
    addressLine2: z.string().max(250).optional().describe('Free text providing more detailed address info, e.g. apartment or suite.'),
    formattedAddress: z.string().max(1000).optional().describe('A string containing the full address of this location.'),
    hint: z.string().max(1000).optional().describe('Free text to help find the address.'),
    geocode: AddressLocation.optional(),
    countryFullname: z.string().max(100).optional().describe('Country full name.'),
    subdivisionFullname: z.string().max(250).optional().describe('Subdivision full name.'),
    subdivisions: z.array(Subdivision).max(6).optional().describe('Multi-level subdivisions from top to bottom. Max: 6'),
  };
  const Address = notBothStreetForms(object, addressShape, 'Address', 'Physical address.');

  const OnlineConferencingLogin = object({
    link: z.url().optional().describe('Link URL to the online conference.'),
    password: z.string().optional().describe('Password for the online conference.'),
  }).meta({ title: 'OnlineConferencingLogin' });

  const TicketGuestDetails = object({
    onlineConferencingLogin: OnlineConferencingLogin.optional(),
    firstName: z.string().max(255).optional().describe('First name of the ticket holder.'),
    lastName: z.string().max(255).optional().describe('Last name of the ticket holder.'),
  }).meta({ title: 'TicketGuestDetails' });

  const TicketDetails = object({
    number: z.string().max(36).optional().describe('Ticket number.'),
    definitionId: guid().optional().describe('Ticket definition GUID.'),
    name: z.string().min(1).max(30).optional().describe('Ticket name. Max: 30 characters'),
    guestDetails: TicketGuestDetails.optional(),
  }).meta({ title: 'TicketDetails' });

  const FormattedAddress = object({
    formatted: z.string().max(200).optional().describe('One-line address representation.'),
    address: Address.optional(),
  }).meta({ title: 'FormattedAddress' });

  const InputValue = object({
    inputName: z.string().max(100).optional().describe('Form field input name.'),
    value: z.string().max(5000).optional().describe('Form field value.'),
    values: z.array(z.string().max(5000)).max(100).optional().describe('Form field values.'),
    number: z.number().optional().describe('Number input value.'),
    dateTime: timestamp().optional().describe('UTC date time input value.'),
    address: FormattedAddress.optional(),
  }).meta({ title: 'InputValue' });

  const GuestCheckInDetails = object({
    checkedIn: z.boolean().optional().describe('Whether the guest is checked in.'),
    checkInDate: timestamp().optional().describe('Date the guest checked in.'),
    checkInCanceledDate: timestamp().optional().describe('Date the check-in was canceled.'),
    checkedInBy: guid().optional(),
    checkInCanceledBy: guid().optional(),
    checkedInByStaffMember: guid().optional(),
    checkInCanceledByStaffMember: guid().optional(),
    fullName: z.string().max(101).optional().describe('Full name of the checked-in RSVP guest.'),
  }).meta({ title: 'GuestCheckInDetails' });

  const GuestDetails = object({
    email: z.email().optional().describe('Email address.'),
    firstName: z.string().max(255).optional().describe('First name.'),
    lastName: z.string().max(255).optional().describe('Last name.'),
    formResponse: object({ inputValues: z.array(InputValue).max(200).optional().describe('Form field inputs.') })
      .optional()
      .meta({ title: 'FormResponse' }),
    checkedIn: z.boolean().optional().describe('Whether the guest is checked in.'),
    onlineConferencingLogin: OnlineConferencingLogin.optional(),
    phone: z.string().max(200).optional().describe('First phone input of the form.'),
    address: z.string().max(200).optional().describe('First address input of the form.'),
    formSubmission: object({
      formId: guid().optional(),
      submissionId: guid().optional(),
      submissions: z.record(z.string(), z.unknown()).optional(),
    })
      .optional()
      .meta({ title: 'FormSubmission' }),
    checkInDetails: z.array(GuestCheckInDetails).max(50).optional(),
  }).meta({ title: 'GuestDetails', description: 'Guest details. Returned only when the `guestDetails` fieldset is requested.' });

  const AdditionalDetails = object({
    createdDate: timestamp().optional().describe('Date the RSVP or order was created.'),
    updatedDate: timestamp().optional().describe('Date the RSVP or order was updated.'),
    rsvpStatus: z.enum(rsvpStatuses).optional(),
    orderStatus: z.enum(orderStatuses).optional(),
    archived: z.boolean().optional(),
    createdWithNotificationsDisabled: z.boolean().optional(),
    notificationsEnabled: z.boolean().optional(),
    createdByStaffMember: guid().optional(),
  }).meta({ title: 'AdditionalDetails' });

  const EventGuest = object({
    id: guid().describe('Guest GUID.'),
    eventId: guid().optional().describe('Event GUID.'),
    rsvpId: guid().optional().describe('RSVP GUID. Only for `RSVP` guests.'),
    orderNumber: z.string().max(36).optional().describe('Order number. Only for `BUYER` and `TICKET_HOLDER` guests.'),
    ticketNumber: z.string().max(36).optional().describe('Ticket number. Only for `TICKET_HOLDER` guests.'),
    tickets: z.array(TicketDetails).max(50).optional().describe('Tickets of the guest. Max: 50'),
    contactId: guid().optional().describe('Contact GUID of the guest.'),
    guestDetails: GuestDetails.optional(),
    attendanceStatus: z.enum(attendanceStatuses).optional().describe('`IN_WAITLIST` does not apply to `BUYER` and `TICKET_HOLDER` guests.'),
    secondaryLanguageCode: z.string().optional().describe('Secondary language code, ISO 639-1.'),
    createdDate: timestamp().optional().describe('Date the guest was created.'),
    updatedDate: timestamp().optional().describe('Date the guest was updated.'),
    attendanceStatusUpdatedDate: timestamp().optional().describe('Date the attendance status was updated.'),
    memberId: guid().optional().describe('Site member GUID.'),
    guestType: z.enum(guestTypes).optional().describe('`RSVP` (invited, no ticket), `BUYER` (bought tickets) or `TICKET_HOLDER` (a ticket bought for them).'),
    locale: z.string().optional().describe('Guest locale, IETF BCP 47 language tag.'),
    totalGuests: z.int().min(0).optional().describe('Registered guest plus additional guests. Read-only.'),
    revision: int64String().optional().describe('Revision number, which increments by 1 each time the guest is updated. Read-only.'),
    additionalDetails: AdditionalDetails.optional(),
  }).meta({ title: 'EventGuest', description: 'A guest of a Wix event: an RSVP guest, a ticket buyer or a ticket holder.' });

  const Occurrence = object({
    startDate: timestamp().optional(),
    endDate: timestamp().optional(),
    timeZoneId: z.string().max(100).optional(),
    showTimeZone: z.boolean().optional(),
  }).meta({ title: 'Occurrence' });

  const Formatted = object({
    dateAndTime: z.string().max(500).optional().describe('Formatted start and end, e.g. `January 4, 2025, 3:00 – 5:00 PM EST`.'),
    startDate: z.string().max(500).optional().describe('Formatted start date, e.g. `January 4, 2025`.'),
    startTime: z.string().max(500).optional().describe('Formatted start time, e.g. `3:00 PM`.'),
    endDate: z.string().max(500).optional().describe('Formatted end date. Empty when the end date is hidden.'),
    endTime: z.string().max(500).optional().describe('Formatted end time. Empty when the end date is hidden.'),
  }).meta({ title: 'Formatted', description: 'Dates and times as strings, in the event time zone.' });

  const DateAndTimeSettings = object({
    dateAndTimeTbd: z.boolean().optional().describe('Whether the date and time are to be determined.'),
    dateAndTimeTbdMessage: z.string().max(100).optional(),
    startDate: timestamp().optional().describe('Event start. Not returned when TBD.'),
    endDate: timestamp().optional().describe('Event end. Not returned when TBD.'),
    timeZoneId: z.string().max(100).optional().describe('Event time zone, TZ database ID, e.g. `America/New_York`.'),
    hideEndDate: z.boolean().optional(),
    showTimeZone: z.boolean().optional(),
    recurrenceStatus: z.enum(recurrenceStatuses).optional().describe('Whether the event is one-time or recurring. Read-only.'),
    recurringEvents: object({
      individualEventDates: z.array(Occurrence).max(1000).optional(),
      categoryId: z.string().max(100).optional(),
    })
      .optional()
      .meta({ title: 'Recurrences' }),
    formatted: Formatted.optional(),
  }).meta({ title: 'DateAndTimeSettings' });

  const EventLocation = object({
    name: z.string().max(50).optional().describe('Location name, shown instead of the address when `locationTbd`.'),
    type: z.enum(eventLocationTypes).optional().describe('`VENUE` or `ONLINE`.'),
    address: Address.optional(),
    locationTbd: z.boolean().optional().describe('Whether the location is to be determined.'),
  }).meta({ title: 'EventLocation' });

  const EventDetails = object({
    title: z.string().min(1).max(120).optional().describe('Event title. Max: 120 characters'),
    shortDescription: z.string().max(500).optional().describe('Short description shown under the title.'),
    location: EventLocation.optional(),
    dateAndTimeSettings: DateAndTimeSettings.optional(),
    eventPageUrl: object({
      base: z.string().max(500).optional().describe('Base URL of the site.'),
      path: z.string().max(500).optional().describe('Path of the event page.'),
    })
      .optional()
      .meta({ title: 'PageUrl', description: 'Event page URL components.' }),
    status: z.enum(wixEventStatuses).optional().describe('`UPCOMING`, `STARTED`, `ENDED`, `CANCELED` or `DRAFT`.'),
  }).meta({ title: 'EventDetails', description: 'The event a guest is attending, as the webhook summarizes it.' });

  const GuestEventStarts = object({
    guest: EventGuest,
    event: EventDetails,
    timing: z.enum(timings).describe('How long before the event start the webhook fires: `NOW`, `STARTS_IN_30_MINUTES`, ... `STARTS_IN_1_WEEK`.'),
  }).meta({ title: 'GuestEventStarts', description: 'Body of the guest-event-starts action.' });

  return { Address, TicketDetails, GuestDetails, EventGuest, DateAndTimeSettings, EventLocation, EventDetails, GuestEventStarts };
});

/** The events guest schemas of one mode. */
export type EventsGuestSchemas = ReturnType<typeof eventsGuestSchemas>;
export type EventGuest = z.output<EventsGuestSchemas['EventGuest']>;
export type EventDetails = z.output<EventsGuestSchemas['EventDetails']>;
export type GuestEventStarts = z.output<EventsGuestSchemas['GuestEventStarts']>;
export type Timing = (typeof timings)[number];
