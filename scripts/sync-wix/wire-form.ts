/**
 * Turns the SDK-typed schema tree into Wix's REST wire form at the paths an EventDefinition
 * transforms: where the SDK hands a handler an image URL string, Wix sends an image object, and
 * so on. Timestamps are already date-time strings (every SDK `Date` is one); floats are marked so
 * the runtime accepts the `"NaN"`/`"Infinity"` strings Wix sends for non-finite values.
 */
import type { ManifestTransformations, Property, SchemaNode, TransformKind } from '../../src/webhooks/generated/manifest.js';

const optional = (schema: SchemaNode, extra: Partial<Property> = {}): Property => ({ schema, optional: true, ...extra });
const string = (format?: string): SchemaNode => (format ? { type: 'string', format } : { type: 'string' });
const number: SchemaNode = { type: 'number' };

/** Wix's REST shapes of the values the SDK transforms, keyed by the name their `ref` uses. */
export const wireTypes: Record<string, SchemaNode> = {
  $Address: {
    type: 'object',
    properties: {
      country: optional(string('COUNTRY'), { nullable: true }),
      subdivision: optional(string(), { nullable: true }),
      city: optional(string(), { nullable: true }),
      postalCode: optional(string(), { nullable: true }),
      streetAddress: optional({ type: 'object', properties: { number: optional(string()), name: optional(string()), apt: optional(string()) } }),
      addressLine: optional(string(), { nullable: true }),
      addressLine2: optional(string(), { nullable: true }),
      formattedAddress: optional(string(), { nullable: true }),
      hint: optional(string(), { nullable: true }),
      geocode: optional({ type: 'object', properties: { latitude: optional({ type: 'number', min: -90, max: 90 }, { nullable: true }), longitude: optional({ type: 'number', min: -180, max: 180 }, { nullable: true }) } }),
      countryFullname: optional(string(), { nullable: true }),
      subdivisionFullname: optional(string(), { nullable: true }),
    },
    oneofs: [['streetAddress', 'addressLine']],
  },
  $Image: { type: 'object', properties: { id: optional(string()), url: optional(string('WEB_URL')), height: optional(number), width: optional(number), altText: optional(string(), { nullable: true }), filename: optional(string(), { nullable: true }) } },
  $Video: {
    type: 'object',
    properties: { id: optional(string()), url: optional(string('WEB_URL')), thumbnail: optional({ type: 'object', properties: { id: optional(string()), url: optional(string('WEB_URL')), height: optional(number), width: optional(number) } }) },
  },
  $VideoV2: {
    type: 'object',
    properties: {
      id: optional(string()),
      url: optional(string('WEB_URL')),
      filename: optional(string(), { nullable: true }),
      posters: optional({ type: 'array', maxSize: 2, items: { type: 'object', properties: { id: optional(string()), url: optional(string('WEB_URL')), height: optional(number), width: optional(number) } } }),
    },
  },
  $Document: { type: 'object', properties: { id: optional(string()), url: optional(string('WEB_URL')), filename: optional(string(), { nullable: true }) } },
  $Audio: { type: 'object', properties: { id: optional(string()), url: optional(string('WEB_URL')), filename: optional(string(), { nullable: true }), duration: optional(number, { nullable: true }) } },
  $PageUrl: { type: 'object', properties: { base: optional(string()), path: optional(string()) } },
  $PageUrlV2: { type: 'object', properties: { relativePath: optional(string()), url: optional(string('WEB_URL')) } },
};

/** The wire node that replaces the SDK node at a transformed path; `undefined` keeps the SDK node. */
function wireNode(kind: TransformKind, sdk: SchemaNode): SchemaNode | undefined {
  switch (kind) {
    case 'timestamp':
      return { type: 'datetime' };
    case 'float':
      return sdk.type === 'number' ? { ...sdk, float: true } : sdk;
    case 'address':
      return { type: 'ref', ref: '$Address' };
    case 'image':
      return { type: 'ref', ref: '$Image' };
    case 'video':
      return { type: 'ref', ref: '$Video' };
    case 'videoV2':
      return { type: 'ref', ref: '$VideoV2' };
    case 'document':
      return { type: 'ref', ref: '$Document' };
    case 'audio':
      return { type: 'ref', ref: '$Audio' };
    case 'pageUrl':
      return { type: 'ref', ref: '$PageUrl' };
    case 'pageUrlV2':
      return { type: 'ref', ref: '$PageUrlV2' };
    case 'fieldMask':
      return { type: 'string', format: 'FIELD_MASK' };
    case 'duration':
      return { type: 'string', format: 'DURATION' };
    case 'bytes':
      return { type: 'string', format: 'BYTES' };
  }
}

/**
 * Applies the transformations' paths under `member` (`entity` or `data`) to the schema tree,
 * replacing the node of each transformed property in place. Returns the paths that did not lead
 * to a property (reported by the sync step, never silently dropped).
 */
export function applyWireForm(data: SchemaNode, member: 'entity' | 'data', transformations: ManifestTransformations, types: Record<string, SchemaNode>): string[] {
  const unresolved: string[] = [];
  const deref = (node: SchemaNode): SchemaNode => {
    let current = node;
    for (let hops = 0; current.type === 'ref' && hops < 10; hops += 1) current = types[current.ref] ?? wireTypes[current.ref] ?? { type: 'any' };
    return current;
  };
  for (const group of transformations.groups) {
    for (const { path, repeated, map } of group.paths) {
      const [head, ...segments] = path.split('.');
      if (head !== member || segments.length === 0) continue;
      let node: SchemaNode = data;
      let target: Property | undefined;
      for (const [index, rawSegment] of segments.entries()) {
        let current = deref(node);
        while (current.type === 'array') current = deref(current.items);
        const isMapSegment = rawSegment.endsWith('{}');
        const segment = isMapSegment ? rawSegment.slice(0, -2) : rawSegment;
        if (segment === '*' && current.type === 'map') {
          node = current.values;
          continue;
        }
        if (current.type !== 'object' || !Object.hasOwn(current.properties, segment)) {
          target = undefined;
          break;
        }
        target = current.properties[segment]!;
        node = target.schema;
        if (isMapSegment && index < segments.length - 1) {
          const mapNode = deref(node);
          if (mapNode.type === 'map') node = mapNode.values;
        }
      }
      if (!target) {
        unresolved.push(path);
        continue;
      }
      const replace = (sdk: SchemaNode): SchemaNode => wireNode(group.kind, deref(sdk)) ?? sdk;
      const current = target.schema;
      if (repeated && current.type === 'array') target.schema = { ...current, items: replace(current.items) };
      else if (map && current.type === 'map') target.schema = { ...current, values: replace(current.values) };
      else if (group.kind === 'fieldMask' && current.type === 'array') target.schema = replace(current);
      else if (current.type === 'array' && group.kind !== 'timestamp') target.schema = { ...current, items: replace(current.items) };
      else target.schema = replace(current);
    }
  }
  return unresolved;
}
