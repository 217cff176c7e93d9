/**
 * How `@wix/sdk` turns a webhook's REST-shaped envelope into what a handler receives. Paths are
 * relative to the handler envelope (`entity.createdDate`, `data.guest.createdDate`,
 * `metadata.eventTime`); an array is entered element by element without a segment of its own,
 * as in the SDK's `transformPaths`. After the path transformations every nested `id`,
 * `createdDate` and `updatedDate` key is renamed to `_id`, `_createdDate`, `_updatedDate`.
 */
export interface SdkTransformSpec {
  /** ISO strings that become `Date`. `metadata.eventTime` is always one. */
  readonly timestamps: readonly string[];
  /** Wix addresses rebuilt in the SDK's shape (`formattedAddress`→`formatted`, `geocode`→`location`, `addressLine`→`addressLine1`; other keys dropped). */
  readonly addresses: readonly string[];
  /** `{ base, path }` objects that become one URL string. */
  readonly pageUrls: readonly string[];
  /** Floats that may travel as the strings `"NaN"`, `"Infinity"`, `"-Infinity"`. */
  readonly floats: readonly string[];
}

/** The keys `@wix/sdk` renames at every depth of a handler's envelope, after the path transformations. */
export const sdkRenamedKeys: ReadonlyMap<string, string> = new Map([
  ['id', '_id'],
  ['createdDate', '_createdDate'],
  ['updatedDate', '_updatedDate'],
]);

/** Where the webhook's handler lives in Wix's JavaScript SDK. */
export interface SdkHandlerInfo<Spec extends SdkTransformSpec = SdkTransformSpec> {
  /** npm package and module, e.g. `@wix/events` → `guests`. */
  readonly package: string;
  readonly module: string;
  /** Handler registration function, e.g. `onGuestEventStarts`. */
  readonly handler: string;
  readonly transformations: Spec;
}

/** `id`, `createdDate` and `updatedDate` become `_id`, `_createdDate`, `_updatedDate`, as the SDK renames them. */
export type RenamedKey<K> = K extends 'id' ? '_id' : K extends 'createdDate' ? '_createdDate' : K extends 'updatedDate' ? '_updatedDate' : K;

/** The SDK's address shape: what `transformRESTAddressToSDKAddress` keeps, under its SDK names. */
export interface SdkAddress {
  formatted?: string;
  location?: { latitude?: number; longitude?: number };
  addressLine1?: string;
  addressLine2?: string;
  streetAddress?: { number?: string; name?: string; apt?: string; formattedAddressLine?: string };
  hint?: string;
  city?: string;
  subdivision?: string;
  country?: string;
  postalCode?: string;
  countryFullname?: string;
  subdivisionFullname?: string;
}

/** The SDK shape of a REST value `T` found at `Path`, under the transformations `Spec`. */
export type SdkShape<T, Spec extends SdkTransformSpec, Path extends string> = Path extends Spec['timestamps'][number] | 'metadata.eventTime'
  ? Extract<T, undefined> | Date
  : Path extends Spec['pageUrls'][number]
    ? Extract<T, undefined> | string
    : Path extends Spec['addresses'][number]
      ? Extract<T, undefined> | SdkAddress
      : SdkShapeOf<T, Spec, Path>;

/** {@link SdkShape} of arrays, dates and objects. */
export type SdkShapeOf<T, Spec extends SdkTransformSpec, Path extends string> = T extends readonly (infer Element)[]
  ? SdkShape<Element, Spec, Path>[]
  : T extends Date
    ? T
    : T extends object
      ? { [K in keyof T as RenamedKey<K>]: SdkShape<T[K], Spec, `${Path}.${K & string}`> }
      : T;

/** The payload members that carry the body; everything else is metadata. */
export type BodyKey = 'createdEvent' | 'updatedEvent' | 'deletedEvent' | 'actionEvent';
/** `createdEvent.entity` of a payload type. */
export type EntityOf<Payload> = Payload extends { createdEvent: { entity: infer Entity } } ? Entity : never;
/** `actionEvent.body` of a payload type. */
export type ActionBodyOf<Payload> = Payload extends { actionEvent: infer Action } ? (Action extends { body?: infer Body } ? NonNullable<Body> : never) : never;

/** The handler envelope's `metadata`: the delivery context plus the payload's own fields, SDK-shaped. */
export type SdkMetadata<Payload, Spec extends SdkTransformSpec, Identity, AccountInfo> = {
  instanceId: string;
  identity: Identity;
  accountInfo?: AccountInfo;
} & SdkShape<Omit<Payload, BodyKey>, Spec, 'metadata'>;

/**
 * What a handler registered with `@wix/sdk` receives for a payload of this kind. Like the SDK's
 * own typings, `data` is the body: a payload in the docs' `bodyAsJson` form reaches handlers with
 * `data: undefined` at runtime, which is the pitfall the SDK envelope schema reports.
 */
export type SdkEnvelope<Kind extends 'created' | 'action', Payload, Spec extends SdkTransformSpec, Identity, AccountInfo> = Kind extends 'created'
  ? { entity: SdkShape<EntityOf<Payload>, Spec, 'entity'>; metadata: SdkMetadata<Payload, Spec, Identity, AccountInfo> }
  : { data: SdkShape<ActionBodyOf<Payload>, Spec, 'data'>; metadata: SdkMetadata<Payload, Spec, Identity, AccountInfo> };
