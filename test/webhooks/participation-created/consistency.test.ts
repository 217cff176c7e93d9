import { describe, expect, it } from 'vitest';
import { build, listTraits } from '../../../src/build/build.js';
import { checkCalendarEvent, checkDates } from '../rules.js';
import { sweep, sweepSeeds } from '../sweep.js';

describe('participation-created factory: consistency over 10,000 seeds', () => {
  it('parses strictly and keeps every rule, for every trait', () => {
    const perTrait = sweep('participation-created', (built, traits) => {
      const problems: string[] = [];
      const { payload } = built;
      const entity = payload.createdEvent.entity;
      const event = built.related.event;
      if (payload.entityId !== entity.id) problems.push('entityId is not the entity id');
      checkDates(entity, payload.eventTime, 'participation', problems);
      checkCalendarEvent(event, payload.eventTime, 'related event', problems);
      if ((entity.eventId === undefined) === (entity.scheduleId === undefined)) problems.push('exactly one of eventId and scheduleId');
      if (entity.eventId !== undefined && entity.eventId !== event.id) problems.push("eventId is not the related event's id");
      if (entity.scheduleId !== undefined && entity.scheduleId !== event.scheduleId) problems.push("scheduleId is not the related event's schedule");
      if (traits.includes('for-schedule') && !entity.scheduleId) problems.push('for-schedule without scheduleId');
      if (traits.includes('for-event') && !entity.eventId) problems.push('for-event without eventId');
      if (traits.includes('pending-confirmation') && entity.status !== 'PENDING_CONFIRMATION') problems.push('not pending');
      if (traits.includes('large-party') && entity.partySize < 50) problems.push('party not large');
      if (traits.includes('anonymized') && (payload.triggeredByAnonymizeRequest !== true || entity.participant.email)) problems.push('not anonymized');
      return problems;
    });
    for (const trait of listTraits('participation-created')) expect(perTrait.get(trait.name) ?? 0).toBeGreaterThan(sweepSeeds / 20);
  });

  it('links a participation to a calendar event another build made', () => {
    const split = build('event-recurring-split', { seed: 5 });
    const event = split.body.newRecurringEventStartingFromSplit;
    const inEvent = build('participation-created', { seed: 1, traits: ['for-event'], related: { event } });
    const inSchedule = build('participation-created', { seed: 1, traits: ['for-schedule'], related: { event } });
    expect(inEvent.entity.eventId).toBe(event.id);
    expect(inSchedule.entity.scheduleId).toBe(event.scheduleId);
    expect(inEvent.related.event).toBe(event);
  });
});
