import { describe, expectTypeOf, it } from 'vitest';
import { build, buildEntity, buildPayload, type BuildOptions, type TraitOf } from '../../src/build/build.js';
import type { PayloadOf } from '../../src/catalog/parse.js';
import type { Participation } from '../../src/domains/calendar/participation.js';

describe('factory types', () => {
  it('types trait names per webhook', () => {
    expectTypeOf<TraitOf<'participation-created'>>().toEqualTypeOf<'for-event' | 'for-schedule' | 'confirmed' | 'pending-confirmation' | 'individual' | 'large-party' | 'anonymized'>();
    expectTypeOf<'dst-change'>().toExtend<TraitOf<'event-recurring-split'>>();
    // @ts-expect-error a trait of another webhook
    build('participation-created', { traits: ['dst-change'] });
  });

  it('types overrides as a deep partial of the payload', () => {
    buildPayload('participation-created', { overrides: { createdEvent: { entity: { partySize: 3, participant: { name: 'Jane' } } } } });
    // @ts-expect-error partySize is a number
    buildPayload('participation-created', { overrides: { createdEvent: { entity: { partySize: '3' } } } });
    // @ts-expect-error no such field
    buildPayload('participation-created', { overrides: { createdEvent: { entity: { partysize: 3 } } } });
    expectTypeOf<BuildOptions<'guest-event-starts'>['overrides']>().toExtend<object | undefined>();
  });

  it('returns typed payloads, entities and bodies', () => {
    expectTypeOf(buildPayload('participation-created')).toEqualTypeOf<PayloadOf<'participation-created'>>();
    expectTypeOf(buildEntity('participation-created').partySize).toEqualTypeOf<number>();
    expectTypeOf(build('participation-created').entity).toExtend<Participation>();
    expectTypeOf(build('guest-event-starts').body.timing).toEqualTypeOf<'NOW' | 'STARTS_IN_30_MINUTES' | 'STARTS_IN_1_HOUR' | 'STARTS_IN_2_HOURS' | 'STARTS_IN_1_DAY' | 'STARTS_IN_3_DAYS' | 'STARTS_IN_1_WEEK'>();
    expectTypeOf(build('event-recurring-split').sdkEnvelope.data?.newRecurringEventStartingFromSplit?._createdDate).toEqualTypeOf<Date | undefined>();
  });
});
