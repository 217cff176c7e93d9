import * as z from 'zod';
import { WixhookError } from '../errors.js';
import type { SchemaMode } from '../wire/mode.js';
import { objectBuilder } from '../wire/mode.js';
import { sdkRenamedKeys, type SdkTransformSpec } from './transform-spec.js';


/** The SDK's address, as `transformRESTAddressToSDKAddress` builds it. */
function sdkAddressSchema(mode: SchemaMode) {
  const object = objectBuilder(mode);
  return object({
    formatted: z.string().optional(),
    location: object({ latitude: z.number().optional(), longitude: z.number().optional() }).optional(),
    addressLine1: z.string().optional(),
    addressLine2: z.string().optional(),
    streetAddress: object({
      number: z.string().optional(),
      name: z.string().optional(),
      apt: z.string().optional(),
      formattedAddressLine: z.string().optional(),
    }).optional(),
    hint: z.string().optional(),
    city: z.string().optional(),
    subdivision: z.string().optional(),
    country: z.string().optional(),
    postalCode: z.string().optional(),
    countryFullname: z.string().optional(),
    subdivisionFullname: z.string().optional(),
  }).meta({ title: 'SdkAddress' });
}

/**
 * Derives the SDK-shaped schema of a REST schema by following the same spec as the runtime
 * transformation: renamed keys, `z.date()` at timestamp paths, strings at page URLs, the SDK
 * address at address paths. Object-level cross-field checks stay on the REST schema, which
 * names the fields as Wix sends them. Only the node kinds webhook schemas use are supported;
 * any other kind is a programming error in a definition and throws at build time.
 */
export function sdkSchemaOf(schema: z.ZodType, spec: SdkTransformSpec, path: string, mode: SchemaMode): z.ZodType {
  const timestamps = new Set(['metadata.eventTime', ...spec.timestamps]);
  const walk = (node: z.ZodType, at: string): z.ZodType => {
    if (node instanceof z.ZodOptional) return walk(node.unwrap() as z.ZodType, at).optional();
    if (node instanceof z.ZodNullable) return walk(node.unwrap() as z.ZodType, at).nullable();
    if (timestamps.has(at)) return z.date();
    if (spec.pageUrls.includes(at)) return z.string();
    if (spec.addresses.includes(at)) return sdkAddressSchema(mode);
    if (node instanceof z.ZodArray) return z.array(walk(node.element as z.ZodType, at));
    if (node instanceof z.ZodObject) {
      const shape: Record<string, z.ZodType> = {};
      for (const [key, inner] of Object.entries(node.shape as Record<string, z.ZodType>)) {
        shape[sdkRenamedKeys.get(key) ?? key] = walk(inner, `${at}.${key}`);
      }
      const rebuilt = node.def.catchall ? z.object(shape).catchall(node.def.catchall as z.ZodType) : z.object(shape);
      const meta = node.meta();
      return meta ? rebuilt.meta({ ...(meta.title ? { title: meta.title } : {}), ...(meta.description ? { description: meta.description } : {}) }) : rebuilt;
    }
    if (node instanceof z.ZodDiscriminatedUnion || node instanceof z.ZodUnion) {
      return z.union((node.options as z.ZodType[]).map((option) => walk(option, at)) as [z.ZodType, ...z.ZodType[]]);
    }
    const leafKinds = ['string', 'number', 'int', 'boolean', 'enum', 'literal', 'record', 'unknown', 'any', 'date'];
    if (leafKinds.includes(node.def.type)) return node;
    throw new WixhookError('ERR_SDK_SCHEMA', `sdkSchemaOf: no SDK mapping for a zod "${node.def.type}" at ${at}`);
  };
  return walk(schema, path);
}
