import * as z from 'zod';
import type { ObjectBuilder } from './mode.js';

/** Wix GUID: 8-4-4-4-12 hex digits, any version (Wix issues v4 and v5 GUIDs). */
export const guid = () => z.guid();

/** A UTC timestamp as Wix writes it, e.g. `2024-10-15T11:29:39.013Z` or with nanoseconds in `eventTime`. */
export const timestamp = () => z.iso.datetime({ offset: true });

/** A wall-clock date-time with no offset, as in `ZonedDate.localDate`: `2024-10-11T12:00:00`. */
export const localDateTime = () =>
  z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?$/, {
    error: 'expected a local date-time without offset, e.g. 2024-10-11T12:00:00',
  });

/** int64 values travel as decimal strings in Wix's JSON (`revision: "3"`, `entityEventSequence: "1"`). */
export const int64String = () => z.string().regex(/^-?\d{1,19}$/, { error: 'expected an integer in a string, e.g. "1"' });

/** An IANA time zone name such as `Europe/Dublin`; `UTC` and `Etc/*` included. */
export const timeZoneId = () =>
  z.string().min(1).max(100).regex(/^[A-Za-z][A-Za-z0-9_+\-]*(\/[A-Za-z0-9_+\-]+)*$/, { error: 'expected an IANA time zone name, e.g. Europe/Dublin' });

/**
 * `extendedFields.namespaces`: app namespace → that app's data. Free-form by design: its shape is
 * whatever each app configured.
 */
export const extendedFields = (object: ObjectBuilder) =>
  object({
    namespaces: z
      .record(z.string(), z.record(z.string(), z.unknown()))
      .optional()
      .describe(
        "Extended field data. Each key corresponds to the namespace of the app that created the extended fields. The value of each key is structured according to the schema defined when the extended fields were configured.",
      ),
  }).meta({ title: 'ExtendedFields', description: 'Extensions enabling applications or users to save custom data related to the entity.' });
