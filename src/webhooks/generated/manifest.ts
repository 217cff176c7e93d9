/**
 * The committed manifest of Wix's webhooks (`manifest/`), written by `npm run sync:wix` from Wix's
 * own `@wix/auto_sdk_*` packages. `manifest/README.md` documents the format; these types are its
 * contract, shared by the sync step that writes it and the runtime that reads it.
 */

/** The SDK transformations Wix's EventDefinition calls apply, by the REST-to-SDK function they call. */
export type TransformKind = 'timestamp' | 'float' | 'address' | 'image' | 'video' | 'videoV2' | 'document' | 'audio' | 'pageUrl' | 'pageUrlV2' | 'fieldMask' | 'duration' | 'bytes';

export const transformKinds: readonly TransformKind[] = ['timestamp', 'float', 'address', 'image', 'video', 'videoV2', 'document', 'audio', 'pageUrl', 'pageUrlV2', 'fieldMask', 'duration', 'bytes'];

/** One `{ path, isRepeated?, isMap? }` of a `transformPaths` call, relative to the handler envelope (`entity.createdDate`). */
export interface TransformPath {
  path: string;
  /** The value at `path` is an array; every element is transformed. */
  repeated?: true;
  /** The value at `path` is a map; every value is transformed. */
  map?: true;
}

/** What a webhook's EventDefinition does to the envelope, in the order the SDK applies it. */
export interface ManifestTransformations {
  /** `transformPaths` groups, in call order. */
  groups: Array<{ kind: TransformKind; paths: TransformPath[] }>;
  /** Whether `renameKeysFromRESTResponseToSDKResponse` runs (`id` -> `_id`, ... at every depth). */
  renameKeys: boolean;
  /** Envelope paths the rename skips, with everything under them (`entity.fields`: user-keyed maps). */
  renameIgnore?: string[];
}

/** Constraints Wix writes as JSDoc tags on a field. */
export interface Constraints {
  /** `@format`, e.g. `GUID`, `EMAIL`, `CURRENCY`, `DECIMAL_VALUE`. */
  format?: string;
  minLength?: number;
  maxLength?: number;
  /** `@minSize` / `@maxSize` of an array. */
  minSize?: number;
  maxSize?: number;
  /** `@min` / `@max` of a number. */
  min?: number;
  max?: number;
}

/**
 * A schema node, in REST wire form: ISO date-time strings where the SDK has `Date`, `id` where
 * it has `_id`, Wix's REST shapes at address, image, video, document, audio and page-URL paths.
 */
export type SchemaNode =
  | ({ type: 'string'; enum?: string[] } & Constraints)
  | ({ type: 'number' } & Constraints & { float?: true })
  | { type: 'boolean' }
  | { type: 'datetime' }
  | ({ type: 'array'; items: SchemaNode } & Constraints)
  | { type: 'map'; values: SchemaNode }
  | { type: 'object'; properties: Record<string, Property>; oneofs?: string[][] }
  | { type: 'ref'; ref: string }
  | { type: 'any' };

/** A property of an object node: its schema plus presence, nullability and `@readonly`. */
export interface Property {
  schema: SchemaNode;
  /** `?` in Wix's typings: the key may be absent. */
  optional?: true;
  /** `| null` in Wix's typings: Wix may send `null`. */
  nullable?: true;
  /** `@readonly`: set by Wix, never by a caller. */
  readonly?: true;
}

export type PayloadKindName = 'created' | 'updated' | 'deleted' | 'action' | 'legacy';

/** One line of `manifest/index.json`. */
export interface ManifestWebhook {
  /** Stable, unique, readable: `contact-updated`, `ecom-order-created`. */
  name: string;
  eventType: string;
  /** `entityFqdn` of the payload (domain events; for legacy events the package's fqdn). */
  entityFqdn: string;
  slug: string;
  /** Domain events carry the `createdEvent | updatedEvent | deletedEvent | actionEvent` envelope; legacy events are the bare body. */
  domain: boolean;
  kind: PayloadKindName;
  /** Wix service: the segment after `auto_sdk_` (`ecom`, `bookings`, `crm`, ...). */
  service: string;
  package: string;
  version: string;
  /** Handler registration function, e.g. `onContactUpdated`. */
  handler: string;
  /** The first `@permissionScope` Wix lists (empty when none is given). */
  permissionScope: string;
  /** `Contact Updated`. */
  title: string;
  /** Wix's description of the trigger. */
  description: string;
}

export interface ManifestIndex {
  format: 1;
  packages: Record<string, { version: string; fqdn: string; file: string }>;
  webhooks: ManifestWebhook[];
}

/** The schema of one webhook inside a per-package file. */
export interface ManifestWebhookSchema {
  /** `entity` (created, updated, deleted) or `data` (action, legacy) schema; absent for deleted events whose envelope has no entity. */
  data?: SchemaNode;
  transformations: ManifestTransformations;
}

/** `manifest/packages/<service>_<entity>.json`: the types of one package and each of its webhooks. */
export interface ManifestPackage {
  package: string;
  version: string;
  /** Named types (interfaces) referenced by `{ type: 'ref' }` nodes. */
  types: Record<string, SchemaNode>;
  /** By eventType. */
  webhooks: Record<string, ManifestWebhookSchema>;
}
