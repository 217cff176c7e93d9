import * as z from 'zod';
import { extendedFields, guid, int64String, localDateTime, timestamp, timeZoneId } from '../../wire/common.js';
import { schemaFamily } from '../../wire/mode.js';
import { calendarParticipationSchemas } from './participation.js';

/**
 * Calendar v3 `Event`, from Wix's REST docs (business-management/calendar/events-v3, "Event
 * Object") and the public Velo declarations of `wix-calendar.v3`. Enum values include the
 * `UNKNOWN_*` zero values Wix's protobuf enums carry.
 */
export const calendarEventStatuses = ['UNKNOWN_STATUS', 'CONFIRMED', 'PENDING_CONFIRMATION', 'CANCELLED'] as const;
export const recurrenceTypes = ['UNKNOWN_RECURRENCE_TYPE', 'NONE', 'MASTER', 'INSTANCE', 'EXCEPTION'] as const;
export const transparencies = ['UNKNOWN_TRANSPARENCY', 'OPAQUE', 'TRANSPARENT'] as const;
export const frequencies = ['UNKNOWN_FREQUENCY', 'WEEKLY'] as const;
export const weekdays = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;
export const locationTypes = ['UNKNOWN_TYPE', 'BUSINESS', 'CUSTOMER', 'CUSTOM'] as const;
export const roles = ['UNKNOWN_ROLE', 'WRITER', 'COMMENTER'] as const;
export const conferenceTypes = ['UNKNOWN_TYPE', 'ZOOM', 'CUSTOM'] as const;
export const participantsStatuses = ['UNKNOWN_STATUS', 'CONFIRMED', 'PENDING_CONFIRMATION'] as const;
export const inheritableFields = [
  'UNKNOWN_FIELD',
  'TITLE',
  'TIME_ZONE',
  'TIME',
  'LOCATION',
  'RESOURCES',
  'CAPACITY',
  'PARTICIPANTS',
  'CONFERENCING_DETAILS',
] as const;

/** Event ids are 36..250 characters: 64 hex digits for single and MASTER events, long base62 strings for instances. */
export const calendarEventIdSchema = () => z.string().min(36).max(250);

export const calendarEventSchemas = schemaFamily((object, mode) => {
  const ZonedDate = object({
    localDate: localDateTime().describe('Local date time in ISO-8601 format without an offset, e.g. `2024-01-30T13:30:00`. Wix Calendar APIs ignore seconds.'),
    timeZone: timeZoneId().optional().describe('Time zone in IANA tz database format, e.g. `America/New_York`.'),
    utcDate: timestamp().optional().describe('UTC date time in ISO-8601 format. Not available for adjusted date fields.'),
  }).meta({ title: 'ZonedDate', description: 'A date time with a time zone, having the UTC offset and date determined by the server.' });

  const RecurrenceRule = object({
    frequency: z.enum(frequencies).optional().describe('How often the event repeats, used with `interval`. Only `WEEKLY` is supported.'),
    interval: z.int().min(1).max(4).optional().describe('Repeat interval: `WEEKLY` with interval 2 means every 2 weeks. Min: `1` Max: `4` Default: `1`'),
    days: z.array(z.enum(weekdays)).min(1).max(1).optional().describe('Day of the week the event repeats on. Currently exactly 1 day.'),
    until: ZonedDate.optional().describe('Date until which the event repeats. If absent, the event repeats forever.'),
    adjustedUntil: ZonedDate.optional().describe('`until` adjusted to the time zone of the request or of the site. Read-only.'),
  }).meta({ title: 'RecurrenceRule', description: 'Recurrence pattern of a `MASTER` event.' });

  const Location = object({
    id: z.string().optional().describe('ID of a Wix business location. Only for `BUSINESS` locations.'),
    type: z.enum(locationTypes).describe('`BUSINESS`, `CUSTOMER` (at the customer) or `CUSTOM` (another address).'),
    name: z.string().min(1).max(150).optional().describe('Location name. Min: 1 character Max: 150 characters'),
    address: z.string().optional().describe('Formatted address of the location.'),
  }).meta({ title: 'Location', description: 'Where the event takes place.' });

  const Resource = object({
    id: z.string().min(1).describe('Resource ID.'),
    name: z.string().optional().describe('Resource name. Read-only.'),
    type: z.string().optional().describe('Resource type ID. Read-only.'),
    scheduleId: guid().optional().describe("ID of the resource's schedule. Read-only."),
    transparency: z.enum(transparencies).optional().describe("Whether the event blocks time in the resource's schedule. Default: `OPAQUE`"),
    permissionRole: z.enum(roles).optional().describe('`WRITER`: full read and write. `COMMENTER`: full read, write limited to `notes`.'),
  }).meta({ title: 'Resource', description: 'A Wix Bookings resource the event affects, such as a staff member or a room.' });

  const Participants = object({
    total: z.int().min(0).optional().describe('Total number of participants. Min: `0`'),
    list: z.array(calendarParticipationSchemas(mode).Participant).max(50).optional().describe('Full or partial list of participants. Max: 50'),
    hasMore: z.boolean().optional().describe('Whether the list omits some participants.'),
    status: z.enum(participantsStatuses).optional().describe('`CONFIRMED`: all confirmed. `PENDING_CONFIRMATION`: at least one is not.'),
  }).meta({ title: 'Participants', description: "Summary of the event's participants. Returned only when personal fields are requested." });

  const ConferencingDetails = object({
    type: z.enum(conferenceTypes).optional().describe('Conference type: `ZOOM` or `CUSTOM`.'),
    hostUrl: z.string().min(1).max(2000).optional().describe('URL the host uses to start the conference. Max: 2000 characters'),
    guestUrl: z.string().min(1).max(2000).optional().describe('URL a guest uses to join. Max: 2000 characters'),
    password: z.string().min(1).max(100).optional().describe('Conference password. Max: 100 characters'),
    description: z.string().min(1).max(200).optional().describe('Conference description. Max: 200 characters'),
    externalId: z.string().min(1).max(150).optional().describe('Conference ID in an external system. Max: 150 characters'),
  }).meta({ title: 'ConferencingDetails', description: 'Online conferencing information.' });

  const Permission = object({
    identity: object({
      wixUserId: guid().optional().describe('GUID of a Wix user.'),
      identityType: z.enum(['UNKNOWN', 'WIX_USER']).optional(),
    })
      .optional()
      .meta({ title: 'PermissionIdentity' }),
    role: z.enum(roles).optional().describe('Permission role.'),
  }).meta({ title: 'Permission', description: 'A permission on the event.' });

  const Event = object({
    id: calendarEventIdSchema().describe('Event ID. Min: 36 characters Max: 250 characters'),
    scheduleId: guid().describe('GUID of the schedule the event belongs to. Immutable.'),
    externalScheduleId: guid().optional().describe('GUID of the external schedule: the resource for a staff member, the service for a Bookings service.'),
    scheduleName: z.string().optional().describe('Schedule name. Read-only.'),
    type: z.string().min(1).optional().describe('Event type, e.g. `DEFAULT`, `WORKING_HOURS`, or with Wix Bookings `APPOINTMENT`, `CLASS`, `COURSE`.'),
    status: z.enum(calendarEventStatuses).optional().describe('Event status. `CONFIRMED` (default) or `CANCELLED`. Read-only.'),
    title: z.string().min(1).max(200).optional().describe('Event title. Min: 1 character Max: 200 characters'),
    start: ZonedDate.describe('When the event starts.'),
    end: ZonedDate.describe('When the event ends. At most year 2100, or 100 years after the start.'),
    adjustedStart: ZonedDate.optional().describe('`start` adjusted to the time zone of the request or of the site. Read-only.'),
    adjustedEnd: ZonedDate.optional().describe('`end` adjusted to the time zone of the request or of the site. Read-only.'),
    timeZone: timeZoneId().optional().describe('Time zone of the event, in IANA tz database format. Default: the schedule time zone.'),
    recurrenceType: z.enum(recurrenceTypes).optional().describe('`NONE` (single), `MASTER`, `INSTANCE` or `EXCEPTION`. Read-only. Default: `NONE`'),
    recurrenceRule: RecurrenceRule.optional(),
    recurringEventId: calendarEventIdSchema().optional().describe('ID of the `MASTER` event. Only for `INSTANCE` and `EXCEPTION` events. Read-only.'),
    transparency: z.enum(transparencies).optional().describe('Whether the event blocks time in its schedule. Default: `OPAQUE`'),
    location: Location.optional(),
    resources: z.array(Resource).max(100).optional().describe('Resources the event affects. Max: 100'),
    totalCapacity: z.int().min(0).optional().describe('Maximum number of participants. Default: the schedule default capacity.'),
    remainingCapacity: z.int().optional().describe('Number of participants who can still be added. Read-only.'),
    participants: Participants.optional(),
    conferencingDetails: ConferencingDetails.optional(),
    notes: z.string().min(1).max(5000).optional().describe('Additional notes. Max: 5000 characters'),
    inheritedFields: z.array(z.enum(inheritableFields)).optional().describe('Fields whose values are inherited from the schedule or the MASTER event. Read-only.'),
    appId: guid().optional().describe('GUID of the app that owns the event; identical to the schedule `appId`. Read-only.'),
    permissions: z.array(Permission).optional().describe('Permissions on the event. Read-only.'),
    allDay: z.boolean().optional().describe('Whether the event spans one or more full days. Default: `false`'),
    extendedFields: extendedFields(object).optional(),
    revision: int64String().optional().describe('Revision number, which increments by 1 each time the event is updated. Read-only.'),
    createdDate: timestamp().optional().describe('Date the event was created in `YYYY-MM-DDThh:mm:ss.sssZ` format. Read-only.'),
    updatedDate: timestamp().optional().describe('Date the event was last updated in `YYYY-MM-DDThh:mm:ss.sssZ` format. Read-only.'),
  }).meta({ title: 'CalendarEvent', description: 'A scheduled entry on a calendar, with its timing, location and participants (calendar v3).' });

  const RecurringEventSplit = object({
    updatedRecurringEventEndingBeforeSplit: Event.describe('The original MASTER event, shortened to end before the split.'),
    newRecurringEventStartingFromSplit: Event.describe('The new MASTER event, starting with the first event after the split date.'),
  }).meta({ title: 'RecurringEventSplit', description: 'The two MASTER events a split leaves.' });

  return { ZonedDate, RecurrenceRule, Location, Resource, Participants, ConferencingDetails, Permission, Event, RecurringEventSplit };
});

/** The calendar v3 event schemas of one mode. */
export type CalendarEventSchemas = ReturnType<typeof calendarEventSchemas>;
export type CalendarEvent = z.output<CalendarEventSchemas['Event']>;
export type ZonedDate = z.output<CalendarEventSchemas['ZonedDate']>;
export type RecurrenceRule = z.output<CalendarEventSchemas['RecurrenceRule']>;
export type RecurringEventSplit = z.output<CalendarEventSchemas['RecurringEventSplit']>;
