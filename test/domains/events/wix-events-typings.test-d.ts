import type { guests } from '@wix/events';
import type * as meta from '@wix/auto_sdk_events_guests/meta';
import { describe, expectTypeOf, it } from 'vitest';
import type { EventDetails, EventGuest, GuestEventStarts, Timing } from '../../../src/domains/events/guest.js';
import type { SdkEnvelopeOf } from '../../../src/catalog/parse.js';

type SdkData = SdkEnvelopeOf<'guest-event-starts'>['data'];

describe('guest-event-starts agrees with the typings of @wix/events', () => {
  it('the SDK envelope is assignable to GuestEventStartsEnvelope', () => {
    expectTypeOf<SdkEnvelopeOf<'guest-event-starts'>>().toExtend<guests.GuestEventStartsEnvelope>();
  });

  it('the envelope types are precise, not any', () => {
    expectTypeOf<SdkData['guest']['_id']>().toEqualTypeOf<string>();
    expectTypeOf<SdkData['guest']['_createdDate']>().toEqualTypeOf<Date | undefined>();
    expectTypeOf<SdkData['event']['eventPageUrl']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<SdkEnvelopeOf<'guest-event-starts'>['metadata']['eventTime']>().toEqualTypeOf<Date>();
    expectTypeOf<SdkData['guest']>().not.toHaveProperty('id');
  });

  it('the SDK-shaped guest and event are assignable to the SDK entity types', () => {
    expectTypeOf<SdkData['guest']>().toExtend<guests.EventGuest>();
    expectTypeOf<SdkData['event']>().toExtend<guests.EventDetails>();
    expectTypeOf<SdkData>().toExtend<guests.GuestEventStarts>();
  });

  it('the enums have exactly the values of the SDK enums', () => {
    // The SDK's enums are TypeScript enums; `${Enum}` is the union of their string values.
    expectTypeOf<Timing>().toEqualTypeOf<`${guests.Timing}`>();
    expectTypeOf<NonNullable<EventGuest['attendanceStatus']>>().toEqualTypeOf<`${guests.AttendanceStatus}`>();
    expectTypeOf<NonNullable<EventGuest['guestType']>>().toEqualTypeOf<`${guests.GuestType}`>();
    expectTypeOf<NonNullable<EventDetails['status']>>().toEqualTypeOf<`${guests.Status}`>();
    expectTypeOf<NonNullable<NonNullable<EventDetails['location']>['type']>>().toEqualTypeOf<`${guests.LocationType}`>();
    expectTypeOf<NonNullable<NonNullable<EventDetails['dateAndTimeSettings']>['recurrenceStatus']>>().toEqualTypeOf<`${guests.RecurrenceStatusStatus}`>();
  });

  it('the REST entities list every field of the REST types in the package meta export', () => {
    expectTypeOf<keyof meta.EventGuestOriginal>().toExtend<keyof EventGuest>();
    expectTypeOf<keyof meta.EventDetailsOriginal>().toExtend<keyof EventDetails>();
    expectTypeOf<keyof meta.GuestEventStartsOriginal>().toExtend<keyof GuestEventStarts>();
    expectTypeOf<keyof meta.GuestDetailsOriginal>().toExtend<keyof NonNullable<EventGuest['guestDetails']>>();
    expectTypeOf<keyof meta.DateAndTimeSettingsOriginal>().toExtend<keyof NonNullable<EventDetails['dateAndTimeSettings']>>();
    expectTypeOf<keyof meta.TicketDetailsOriginal>().toExtend<keyof NonNullable<EventGuest['tickets']>[number]>();
  });
});
