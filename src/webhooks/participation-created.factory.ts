import type { CalendarEvent } from '../domains/calendar/event.js';
import type { Participation } from '../domains/calendar/participation.js';
import { isoMillis, isoNanos } from '../fake/instants.js';
import { bookingsAppId, upcomingEvent } from '../domains/calendar/fake.js';
import { defineFactory, knob } from '../definition/define-factory.js';
import { guid } from '../fake/ids.js';

export interface ParticipationKnobs {
  /** `event`: the participation is in one event (`eventId`); `schedule`: in every event of a schedule (`scheduleId`). */
  target: 'event' | 'schedule';
  status: 'CONFIRMED' | 'PENDING_CONFIRMATION';
  party: 'individual' | 'group' | 'large';
  anonymized: boolean;
}

export interface ParticipationRelated {
  /** The calendar event the participation is in (`eventId`), or an event of its schedule (`scheduleId`). */
  event: CalendarEvent;
}

export const participationCreatedFactory = defineFactory<Participation, ParticipationKnobs, ParticipationRelated>()({
  traits: {
    'for-event': { description: 'In one calendar event: `eventId` is set (an INSTANCE or a single event).', group: 'target', knobs: { target: 'event' } },
    'for-schedule': { description: 'In every event of a schedule: `scheduleId` is set, `eventId` is not.', group: 'target', knobs: { target: 'schedule' } },
    confirmed: { description: 'Status `CONFIRMED`.', group: 'status', knobs: { status: 'CONFIRMED' } },
    'pending-confirmation': { description: 'Status `PENDING_CONFIRMATION`: the business has to approve it.', group: 'status', knobs: { status: 'PENDING_CONFIRMATION' } },
    individual: { description: 'Party size 1.', group: 'party', knobs: { party: 'individual' } },
    'large-party': { description: 'Party size 50 to 1000 (the documented maximum).', group: 'party', knobs: { party: 'large' } },
    anonymized: {
      description: 'Sent because of a privacy (GDPR) request: `triggeredByAnonymizeRequest` is true and the optional personal fields are gone.',
      group: 'anonymized',
      knobs: { anonymized: true },
    },
  },
  build({ faker, now, knobs, related }) {
    const target = knob(knobs.target, () => (faker.datatype.boolean({ probability: 0.65 }) ? 'event' : 'schedule'));
    const status = knob(knobs.status, () => (faker.datatype.boolean({ probability: 0.85 }) ? 'CONFIRMED' : 'PENDING_CONFIRMATION'));
    const party = knob(knobs.party, () => faker.helpers.weightedArrayElement([
      { weight: 14, value: 'individual' as const },
      { weight: 5, value: 'group' as const },
      { weight: 1, value: 'large' as const },
    ]));
    const anonymized = knob(knobs.anonymized, () => false);
    const drawnKind = faker.datatype.boolean({ probability: 0.7 }) ? 'INSTANCE' : 'NONE';
    const event = related.event ?? upcomingEvent(faker, now, target === 'event' ? drawnKind : 'MASTER');

    const firstName = faker.person.firstName();
    const lastName = faker.person.lastName();
    const participant: Participation['participant'] = {
      name: `${firstName} ${lastName}`,
      phone: faker.phone.number({ style: 'national' }),
      email: faker.internet.email({ firstName, lastName, provider: 'example.com' }).toLowerCase(),
      contactId: guid(faker),
    };
    if (anonymized) {
      participant.name = 'Anonymous';
      delete participant.phone;
      delete participant.email;
      delete participant.contactId;
    }
    const partySize =
      party === 'individual' ? 1 : party === 'group' ? faker.number.int({ min: 2, max: 8 }) : faker.number.int({ min: 50, max: 1000 });
    const id = guid(faker);
    const externalId = guid(faker);
    const createdMs = now - faker.number.int({ min: 15, max: 60 });

    // Field order as in the docs example: the one-of target comes after the participant.
    const entity = { id, externalId, participant } as Participation;
    if (target === 'event') entity.eventId = event.id;
    else entity.scheduleId = event.scheduleId;
    Object.assign(entity, {
      partySize,
      status,
      appId: event.appId ?? bookingsAppId,
      revision: '1',
      createdDate: isoMillis(createdMs),
      updatedDate: isoMillis(createdMs),
    });
    return {
      data: entity,
      entityId: id,
      eventTime: isoNanos(now, faker),
      triggeredByAnonymizeRequest: anonymized,
      entityEventSequence: '1',
      related: { event },
    };
  },
});
