import * as z from 'zod';
import { extendedFields, guid, int64String, timestamp } from '../../wire/common.js';
import { schemaFamily } from '../../wire/mode.js';

/**
 * Calendar v3 `Participation`, field for field from Wix's REST docs
 * (business-management/calendar/participations-v3, "Participation Object").
 */
export const participationStatuses = ['CONFIRMED', 'PENDING_CONFIRMATION'] as const;

export const calendarParticipationSchemas = schemaFamily((object) => {
  const Participant = object({
    name: z.string().min(1).max(200).describe('Participant name. Min: 1 character Max: 200 characters'),
    phone: z.string().optional().describe("Participant's phone number."),
    email: z.string().optional().describe("Participant's email address."),
    contactId: guid().optional().describe('Contact GUID of the participant.'),
  }).meta({ title: 'Participant', description: 'Information about the participant.' });

  const Participation = object({
    scheduleId: guid().optional().describe('GUID of the schedule associated with the participation. Exactly one of `scheduleId` and `eventId` is set.'),
    eventId: z.string().min(36).max(250).optional().describe('ID of the event associated with the participation. Exactly one of `scheduleId` and `eventId` is set. Min: 36 characters Max: 250 characters'),
    id: guid().describe('Participation GUID.'),
    externalId: guid().optional().describe('External GUID.'),
    participant: Participant,
    partySize: z.int().min(1).max(1000).describe('Party size of the group or `1` for individuals. Min: `1` Max: `1000`'),
    status: z
      .enum(participationStatuses)
      .optional()
      .describe("Status of the party's participation in the event. `CONFIRMED` (default) or `PENDING_CONFIRMATION`."),
    appId: guid().optional().describe('GUID of the app that owns the participation object. Identical to `appId` of the schedule the related event belongs to.'),
    revision: int64String().optional().describe('Revision number, which increments by 1 each time the participation is updated.'),
    createdDate: timestamp().optional().describe('Date the participation was created in `YYYY-MM-DDThh:mm:ss.sssZ` format.'),
    updatedDate: timestamp().optional().describe('Date the participation was updated in `YYYY-MM-DDThh:mm:ss.sssZ` format.'),
    extendedFields: extendedFields(object).optional(),
  })
    .check((ctx) => {
      const hasSchedule = ctx.value.scheduleId !== undefined;
      const hasEvent = ctx.value.eventId !== undefined;
      if (hasSchedule === hasEvent) {
        ctx.issues.push({
          code: 'custom',
          input: ctx.value,
          path: hasSchedule ? ['eventId'] : ['scheduleId'],
          message: hasSchedule
            ? 'expected exactly one of `scheduleId` and `eventId`, found both'
            : 'expected exactly one of `scheduleId` and `eventId`, found neither',
        });
      }
    })
    .meta({
      title: 'Participation',
      description: "A party's participation in a calendar event or in every event of a schedule.",
      oneOf: [{ required: ['scheduleId'] }, { required: ['eventId'] }],
    });

  return { Participant, Participation };
});

export type Participation = z.output<ReturnType<typeof calendarParticipationSchemas>['Participation']>;
export type Participant = z.output<ReturnType<typeof calendarParticipationSchemas>['Participant']>;
