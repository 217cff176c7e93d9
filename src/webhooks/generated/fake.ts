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
const maxDepth = { minimal: 0, random: 3, full: 5 } as const;

const currencies = ['USD', 'EUR', 'GBP', 'ILS', 'JPY', 'CAD', 'AUD', 'BRL'];
const countries = ['US', 'GB', 'DE', 'FR', 'IL', 'CA', 'AU', 'BR', 'JP', 'ES'];
const languages = ['en', 'de', 'fr', 'es', 'he', 'pt', 'ja', 'it'];
const languageTags = ['en-US', 'de-DE', 'fr-FR', 'es-ES', 'he-IL', 'pt-BR', 'ja-JP'];

export interface FakeContext {
  faker: Faker;
  /** Unused random bits of the last 30-bit draw: one draw decides 30 optional fields. */
  bits?: number;
  bitCount?: number;
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
      return byName('email', faker);
    case 'PHONE':
      return byName('phone', faker);
    case 'WEB_URL':
    case 'URL':
    case 'SECURE_WEB_URL':
      return byName('url', faker);
    case 'HOSTNAME':
      return `${byName('', faker)}.example.com`;
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

/** Faker's English word lists, drawn from directly: faker's templated helpers (names, emails, product names) cost several times more. */
interface Words {
  first: readonly string[];
  last: readonly string[];
  adjective: readonly string[];
  product: readonly string[];
  lorem: readonly string[];
  city: readonly string[];
  domain: readonly string[];
  jobDescriptor: readonly string[];
  jobArea: readonly string[];
  jobType: readonly string[];
  street: readonly string[];
  streetSuffix: readonly string[];
}
const wordsByFaker = new WeakMap<Faker, Words>();

function wordsOf(faker: Faker): Words {
  let words = wordsByFaker.get(faker);
  if (!words) {
    const d = faker.definitions;
    words = {
      first: d.person.first_name?.generic ?? ['Alex'],
      last: d.person.last_name?.generic ?? ['Smith'],
      adjective: d.commerce.product_name?.adjective ?? ['Handmade'],
      product: d.commerce.product_name?.product ?? ['Chair'],
      lorem: d.lorem.word ?? ['lorem'],
      city: d.location.city_name ?? ['Springfield'],
      domain: d.internet.domain_suffix ?? ['com'],
      jobDescriptor: d.person.job_descriptor ?? ['Senior'],
      jobArea: d.person.job_area ?? ['Marketing'],
      jobType: d.person.job_type ?? ['Manager'],
      street: d.person.last_name?.generic ?? ['Main'],
      streetSuffix: d.location.street_suffix ?? ['Street'],
    };
    wordsByFaker.set(faker, words);
  }
  return words;
}

type TextKind = 'first' | 'last' | 'full' | 'job' | 'street' | 'email' | 'phone' | 'city' | 'postal' | 'state' | 'company' | 'title' | 'sentence' | 'slug' | 'int64' | 'url' | 'guid' | 'word';

/** What kind of text a field name asks for, decided once per name. */
const kindByKey = new Map<string, TextKind>();

function textKind(key: string): TextKind {
  let kind = kindByKey.get(key);
  if (kind === undefined) {
    const name = key.toLowerCase();
    if (name === 'firstname' || name === 'first') kind = 'first';
    else if (name === 'lastname' || name === 'last') kind = 'last';
    else if (name === 'fullname' || name === 'displayname' || name === 'nickname') kind = 'full';
    else if (name === 'jobtitle' || name === 'position' || name === 'occupation') kind = 'job';
    else if (name === 'addressline' || name === 'addressline1' || name === 'street' || name === 'streetaddress' || name === 'formattedaddressline') kind = 'street';
    else if (name.endsWith('email')) kind = 'email';
    else if (name.endsWith('phone')) kind = 'phone';
    else if (name === 'city') kind = 'city';
    else if (name === 'postalcode' || name === 'zipcode') kind = 'postal';
    else if (name === 'subdivision' || name === 'state') kind = 'state';
    else if (name === 'company' || name === 'companyname' || name === 'businessname') kind = 'company';
    else if (name === 'title' || name === 'label' || name === 'name') kind = 'title';
    else if (name === 'description' || name === 'summary' || name === 'note' || name === 'message') kind = 'sentence';
    else if (name === 'slug') kind = 'slug';
    else if (name === 'revision' || name.endsWith('sequence') || name.endsWith('count')) kind = 'int64';
    else if (name.endsWith('url') || name === 'link' || name === 'href') kind = 'url';
    else if (name.endsWith('id') && name !== 'id') kind = 'guid';
    else kind = 'word';
    kindByKey.set(key, kind);
  }
  return kind;
}

/** Realistic text for the field names that say what they hold; a lorem word for the rest. */
function byName(key: string, faker: Faker): string {
  const words = wordsOf(faker);
  const pick = (list: readonly string[]) => list[faker.number.int(list.length - 1)]!;
  switch (textKind(key)) {
    case 'first':
      return pick(words.first);
    case 'last':
      return pick(words.last);
    case 'full':
      return `${pick(words.first)} ${pick(words.last)}`;
    case 'job':
      return `${pick(words.jobDescriptor)} ${pick(words.jobArea)} ${pick(words.jobType)}`;
    case 'street':
      return `${faker.number.int({ min: 1, max: 999 })} ${pick(words.street)} ${pick(words.streetSuffix)}`;
    case 'email':
      return `${pick(words.first)}.${pick(words.last)}@example.${pick(words.domain)}`.toLowerCase();
    case 'phone':
      return `+1${faker.string.numeric(10)}`;
    case 'city':
      return pick(words.city);
    case 'postal':
      return faker.string.numeric(5);
    case 'state':
      return faker.location.state({ abbreviated: true });
    case 'company':
      return `${pick(words.last)} ${faker.helpers.arrayElement(['Inc', 'LLC', 'Group', 'Studio', 'Co'])}`;
    case 'title':
      return `${pick(words.adjective)} ${pick(words.product)}`;
    case 'sentence':
      return `${pick(words.lorem)} ${pick(words.lorem)} ${pick(words.lorem)} ${pick(words.lorem)}.`;
    case 'slug':
      return `${pick(words.lorem)}-${pick(words.lorem)}`;
    case 'int64':
      return String(faker.number.int({ min: 1, max: 50 }));
    case 'url':
      return `https://${pick(words.lorem)}.example.${pick(words.domain)}/${faker.string.alphanumeric(8)}`;
    case 'guid':
      return guid(faker);
    case 'word':
      return pick(words.lorem);
  }
}

export function fakeNode(node: SchemaNode, key: string, ctx: FakeContext, depth: number): unknown {
  const { faker } = ctx;
  switch (node.type) {
    case 'string': {
      if (node.enum) return faker.helpers.arrayElement(node.enum);
      const text = (node.format ? byFormat(node.format, faker, ctx.now) : undefined) ?? byName(key, faker);
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
      return { [byName('', faker)]: byName('', faker) };
    case 'map':
      return depth > maxDepth[ctx.detail] ? {} : { [byName('', faker)]: fakeNode(node.values, key, ctx, depth + 1) };
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

/** A fair coin from the seeded faker, 30 tosses per draw. */
function coin(ctx: FakeContext): boolean {
  if (!ctx.bitCount) {
    ctx.bits = ctx.faker.number.int(0x3fffffff);
    ctx.bitCount = 30;
  }
  ctx.bitCount -= 1;
  const bit = (ctx.bits! >>> ctx.bitCount) & 1;
  return bit === 1;
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
      (!deep && (detail === 'full' || (detail === 'random' && coin(ctx))));
    if (!include) continue;
    out[key] = fakeNode(property.schema, key, ctx, depth + 1);
  }
  return out;
}
