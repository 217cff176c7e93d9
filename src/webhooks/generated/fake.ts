/**
 * Fake values for manifest schema trees: seeded, format-aware (Wix's `@format`s), inside Wix's
 * limits (lengths, sizes, bounds), exactly one branch of each oneof, realistic where the field
 * name says what it is. Detail decides how much of the tree is filled: `minimal` only what is
 * required (plus the entity id), `full` every optional field down to a depth limit, `random` a
 * seeded half of them.
 */
import type { Faker } from '@faker-js/faker';
import { guid } from '../../fake/ids.js';
import type { Property, SchemaNode } from './manifest.js';

export type Detail = 'minimal' | 'random' | 'full';

/** Wix's types nest deeply and recursively (rich content); optional fields stop here. */
const maxDepth = { minimal: 0, random: 4, full: 5 } as const;

const currencies = ['USD', 'EUR', 'GBP', 'ILS', 'JPY', 'CAD', 'AUD', 'BRL'];
const countries = ['US', 'GB', 'DE', 'FR', 'IL', 'CA', 'AU', 'BR', 'JP', 'ES'];
const languages = ['en', 'de', 'fr', 'es', 'he', 'pt', 'ja', 'it'];
const languageTags = ['en-US', 'de-DE', 'fr-FR', 'es-ES', 'he-IL', 'pt-BR', 'ja-JP'];

export interface FakeContext {
  faker: Faker;
  types: Record<string, SchemaNode>;
  detail: Detail;
  /** Epoch ms of the event; every date is at or before it. */
  now: number;
}

const clip = (text: string, node: { minLength?: number; maxLength?: number }) => {
  let value = text;
  if (node.maxLength !== undefined && value.length > node.maxLength) value = value.slice(0, node.maxLength);
  if (node.minLength !== undefined && value.length < node.minLength) value = value.padEnd(node.minLength, 'x');
  return value;
};

function byFormat(format: string, faker: Faker, now: number): string | undefined {
  switch (format) {
    case 'GUID':
      return guid(faker);
    case 'EMAIL':
      return faker.internet.email().toLowerCase();
    case 'PHONE':
      return faker.phone.number({ style: 'international' });
    case 'WEB_URL':
    case 'URL':
    case 'SECURE_WEB_URL':
      return `https://${faker.internet.domainName()}/${faker.string.alphanumeric(8)}`;
    case 'HOSTNAME':
      return faker.internet.domainName();
    case 'CURRENCY':
      return faker.helpers.arrayElement(currencies);
    case 'COUNTRY':
      return faker.helpers.arrayElement(countries);
    case 'LANGUAGE':
      return faker.helpers.arrayElement(languages);
    case 'LANGUAGE_TAG':
      return faker.helpers.arrayElement(languageTags);
    case 'DECIMAL_VALUE':
      return faker.number.float({ min: 0, max: 1000, fractionDigits: 2 }).toFixed(2);
    case 'COLOR_HEX':
      return faker.color.rgb();
    case 'IPV4':
      return faker.internet.ipv4();
    case 'IPV6':
      return faker.internet.ipv6();
    case 'FIELD_MASK':
      return 'id,revision';
    case 'DURATION':
      return `${faker.number.int({ min: 1, max: 86_400 })}s`;
    case 'BYTES':
      return Buffer.from(faker.string.alphanumeric(12)).toString('base64');
    case 'LOCAL_DATE':
      return new Date(now - faker.number.int({ min: 0, max: 365 }) * 86_400_000).toISOString().slice(0, 10);
    case 'LOCAL_TIME':
      return `${String(faker.number.int({ min: 0, max: 23 })).padStart(2, '0')}:${String(faker.number.int({ min: 0, max: 59 })).padStart(2, '0')}`;
    case 'LOCAL_DATE_TIME':
      return new Date(now - faker.number.int({ min: 0, max: 365 }) * 86_400_000).toISOString().slice(0, 19);
    default:
      return undefined;
  }
}

/** Realistic text for the field names faker knows; `undefined` for the rest. */
function byName(key: string, faker: Faker): string | undefined {
  const name = key.toLowerCase();
  if (name === 'firstname' || name === 'first') return faker.person.firstName();
  if (name === 'lastname' || name === 'last') return faker.person.lastName();
  if (name === 'fullname' || name === 'displayname' || name === 'nickname') return faker.person.fullName();
  if (name.endsWith('email')) return faker.internet.email().toLowerCase();
  if (name.endsWith('phone')) return faker.phone.number({ style: 'international' });
  if (name === 'city') return faker.location.city();
  if (name === 'postalcode' || name === 'zipcode') return faker.location.zipCode();
  if (name === 'subdivision' || name === 'state') return faker.location.state({ abbreviated: true });
  if (name === 'company' || name === 'companyname' || name === 'businessname') return faker.company.name();
  if (name === 'title' || name === 'label' || name === 'name') return faker.commerce.productName();
  if (name === 'description' || name === 'summary' || name === 'note' || name === 'message') return faker.lorem.sentence();
  if (name === 'slug') return faker.helpers.slugify(faker.lorem.words(2)).toLowerCase();
  if (name === 'revision' || name.endsWith('sequence') || name.endsWith('count')) return String(faker.number.int({ min: 1, max: 50 }));
  if (name.endsWith('url') || name === 'link' || name === 'href') return `https://${faker.internet.domainName()}/${faker.string.alphanumeric(8)}`;
  if (name.endsWith('id') && name !== 'id') return guid(faker);
  return undefined;
}

export function fakeNode(node: SchemaNode, key: string, ctx: FakeContext, depth: number): unknown {
  const { faker } = ctx;
  switch (node.type) {
    case 'string': {
      if (node.enum) return faker.helpers.arrayElement(node.enum);
      const text = (node.format ? byFormat(node.format, faker, ctx.now) : undefined) ?? byName(key, faker) ?? faker.lorem.word();
      return clip(text, node);
    }
    case 'number': {
      const min = node.min ?? 0;
      const max = node.max ?? Math.max(min, 1000);
      return node.float ? faker.number.float({ min, max, fractionDigits: 2 }) : faker.number.int({ min: Math.ceil(min), max: Math.floor(max) });
    }
    case 'boolean':
      return faker.datatype.boolean();
    case 'datetime':
      return new Date(ctx.now - faker.number.int({ min: 60_000, max: 365 * 86_400_000 })).toISOString();
    case 'any':
      return { [faker.lorem.word()]: faker.lorem.word() };
    case 'map':
      return depth > maxDepth[ctx.detail] ? {} : { [faker.lorem.word()]: fakeNode(node.values, key, ctx, depth + 1) };
    case 'array': {
      const min = node.minSize ?? 0;
      const max = Math.max(min, Math.min(node.maxSize ?? 2, 2));
      const length = depth > maxDepth[ctx.detail] ? min : ctx.detail === 'full' ? Math.max(1, min) : ctx.detail === 'minimal' ? min : faker.number.int({ min, max });
      return Array.from({ length }, () => fakeNode(node.items, key, ctx, depth + 1));
    }
    case 'ref': {
      const target = ctx.types[node.ref];
      if (!target) throw new Error(`manifest: type ${node.ref} is referenced but not defined`);
      return fakeNode(target, key, ctx, depth);
    }
    case 'object':
      return fakeObject(node.properties, node.oneofs, ctx, depth);
  }
}

/** An object node's properties as an array, computed once per node: the build loop runs for every object of every payload. */
interface CompiledObject {
  entries: Array<[string, Property]>;
  oneofs: string[][];
}
const compiled = new WeakMap<Record<string, Property>, CompiledObject>();

function compile(properties: Record<string, Property>, oneofs: string[][] | undefined): CompiledObject {
  let entry = compiled.get(properties);
  if (!entry) {
    entry = { entries: Object.entries(properties), oneofs: oneofs ?? [] };
    compiled.set(properties, entry);
  }
  return entry;
}

function fakeObject(properties: Record<string, Property>, oneofs: string[][] | undefined, ctx: FakeContext, depth: number): Record<string, unknown> {
  const { faker, detail } = ctx;
  const { entries, oneofs: groups } = compile(properties, oneofs);
  // Exactly one branch of each oneof is set; the others stay absent.
  let excluded: Set<string> | undefined;
  let chosen: Set<string> | undefined;
  for (const group of groups) {
    const branch = faker.helpers.arrayElement(group);
    (chosen ??= new Set()).add(branch);
    for (const member of group) if (member !== branch) (excluded ??= new Set()).add(member);
  }
  const out: Record<string, unknown> = {};
  const limit = maxDepth[detail];
  const deep = depth >= limit;
  for (const [key, property] of entries) {
    if (excluded?.has(key)) continue;
    const include =
      !property.optional ||
      (chosen?.has(key) === true && depth < limit + 2) ||
      (key === 'id' && depth === 0) ||
      (!deep && (detail === 'full' || (detail === 'random' && faker.number.int(1) === 1)));
    if (!include) continue;
    out[key] = fakeNode(property.schema, key, ctx, depth + 1);
  }
  return out;
}
