/**
 * The value transformations `@wix/sdk` applies to a REST payload before a handler sees it
 * (`@wix/sdk-runtime`'s `transformREST…ToSDK…`), one copy for the curated envelopes
 * (`to-sdk-envelope.ts`) and the generated tier (`webhooks/generated/transformations.ts`).
 * Each follows the SDK's own semantics, corner cases included: a falsy value passes through or
 * becomes `undefined` as the SDK's does.
 */
import type { SdkAddress } from './transform-spec.js';

type Json = Record<string, unknown>;

/** ISO string → `Date`; falsy → `undefined`. */
export const restTimestampToSdk = (value: unknown): Date | undefined => (value ? new Date(value as string) : undefined);

/** `"NaN"`, `"Infinity"`, `"-Infinity"` → the numbers; anything else unchanged. */
export const restFloatToSdk = (value: unknown): unknown => (value === 'NaN' ? Number.NaN : value === 'Infinity' ? Infinity : value === '-Infinity' ? -Infinity : value);

/** `{ base, path }` → one URL, `http://` added when `base` has no protocol; falsy → `undefined`. */
export function restPageUrlToSdk(value: unknown): string | undefined {
  if (!value) return undefined;
  const { base, path } = value as Json;
  const start = String(base);
  return ['http://', 'https://'].some((protocol) => start.startsWith(protocol)) ? `${start}${String(path)}` : `http://${start}${String(path)}`;
}

/**
 * A Wix address in the SDK's shape (`formattedAddress`→`formatted`, `geocode`→`location`,
 * `addressLine`→`addressLine1`, other keys dropped, undefined members removed); falsy unchanged.
 */
export function restAddressToSdk(value: unknown): SdkAddress | undefined {
  if (!value) return value as undefined;
  const rest = value as Json;
  const street = rest.streetAddress as Json | undefined;
  const address: Json = {
    formatted: rest.formattedAddress,
    location: rest.geocode,
    addressLine1: rest.addressLine,
    addressLine2: rest.addressLine2,
    streetAddress: street && { name: street.name, number: street.number, apt: street.apt, formattedAddressLine: street.formattedAddressLine },
    hint: rest.hint,
    city: rest.city,
    subdivision: rest.subdivision,
    country: rest.country,
    postalCode: rest.postalCode,
    countryFullname: rest.countryFullname,
    subdivisionFullname: rest.subdivisionFullname,
  };
  for (const key of Object.keys(address)) if (address[key] === undefined) delete address[key];
  return address as SdkAddress;
}
