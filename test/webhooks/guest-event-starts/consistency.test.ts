import { describe, expect, it } from 'vitest';
import { build, listTraits } from '../../../src/build/build.js';
import { timingOffsetMinutes } from '../../../src/domains/events/guest.js';
import { checkGuestEventStarts } from '../rules.js';
import { sweep, sweepSeeds } from '../sweep.js';

const traitTiming: Record<string, keyof typeof timingOffsetMinutes> = {
  'starts-now': 'NOW',
  'starts-in-30-minutes': 'STARTS_IN_30_MINUTES',
  'starts-in-1-hour': 'STARTS_IN_1_HOUR',
  'starts-in-2-hours': 'STARTS_IN_2_HOURS',
  'starts-in-1-day': 'STARTS_IN_1_DAY',
  'starts-in-3-days': 'STARTS_IN_3_DAYS',
  'starts-in-1-week': 'STARTS_IN_1_WEEK',
};

describe('guest-event-starts factory: consistency over 10,000 seeds', () => {
  it('parses strictly and keeps every rule, for every trait', () => {
    const perTrait = sweep('guest-event-starts', (built, traits) => {
      const problems: string[] = [];
      const action = built.payload.actionEvent;
      const body = built.body;
      if (traits.includes('body-as-json') ? !action.bodyAsJson || action.body : !action.body || action.bodyAsJson) problems.push('body form');
      checkGuestEventStarts(body, built.payload, problems);
      if (body.guest.eventId !== built.related.eventId) problems.push("guest eventId is not the related event's id");
      for (const trait of traits) if (traitTiming[trait] && body.timing !== traitTiming[trait]) problems.push(`${trait} gave ${body.timing}`);
      const type = { 'rsvp-guest': 'RSVP', 'ticket-holder': 'TICKET_HOLDER', buyer: 'BUYER' }[traits.find((t) => ['rsvp-guest', 'ticket-holder', 'buyer'].includes(t)) ?? ''];
      if (type && body.guest.guestType !== type) problems.push('guest type');
      if (traits.includes('checked-in') && !body.guest.guestDetails?.checkedIn) problems.push('not checked in');
      if (traits.includes('online-event') && body.event.location?.type !== 'ONLINE') problems.push('not online');
      if (traits.includes('venue-event') && !body.event.location?.address) problems.push('no venue address');
      if (traits.includes('location-tbd') && !body.event.location?.locationTbd) problems.push('location not TBD');
      if (traits.includes('recurring-event') && body.event.dateAndTimeSettings?.recurrenceStatus !== 'RECURRING') problems.push('not recurring');
      return problems;
    });
    for (const trait of listTraits('guest-event-starts')) expect(perTrait.get(trait.name) ?? 0).toBeGreaterThan(sweepSeeds / 60);
  });

  it('formats like the docs example', () => {
    const { body } = build('guest-event-starts', { seed: 1, now: '2024-12-28T20:00:00Z', traits: ['starts-in-1-week', 'venue-event'] });
    const formatted = body.event.dateAndTimeSettings?.formatted;
    expect(formatted?.startDate).toMatch(/^[A-Z][a-z]+ \d{1,2}, \d{4}$/);
    expect(formatted?.startTime).toMatch(/^\d{1,2}:\d{2} [AP]M$/);
    expect(formatted?.dateAndTime?.startsWith(`${formatted?.startDate}, `)).toBe(true);
  });

  it('the body-as-json trait reproduces the docs pitfall: the SDK handler gets no data', () => {
    const built = build('guest-event-starts', { seed: 3, traits: ['body-as-json'] });
    expect(built.payload.actionEvent.bodyAsJson).toBeDefined();
    expect(built.sdkEnvelope.data).toBeUndefined();
  });
});
