import type { Faker } from '@faker-js/faker';

/** Two hex digits per byte, looked up: `Number#toString(16)` plus padding was 14% of a build. */
const byteHex = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));
const hex8 = (value: number) => byteHex[(value >>> 24) & 255]! + byteHex[(value >>> 16) & 255]! + byteHex[(value >>> 8) & 255]! + byteHex[value & 255]!;
const word = (faker: Faker) => faker.number.int({ min: 0, max: 0xffffffff });

/** The four 32-bit words of a version 4 GUID, as hex. Drawn 32 bits at a time: 4 draws instead of faker's 36. */
function guidWords(faker: Faker): [string, string, string, string] {
  const a = hex8(word(faker));
  const b = hex8((word(faker) & 0xffff0fff) | 0x00004000);
  const c = hex8((word(faker) & 0x3fffffff) | 0x80000000);
  return [a, b, c, hex8(word(faker))];
}

/** A Wix GUID (version 4, lowercase, with dashes). */
export function guid(faker: Faker): string {
  const [a, b, c, d] = guidWords(faker);
  return `${a}-${b.slice(0, 4)}-${b.slice(4)}-${c.slice(0, 4)}-${c.slice(4)}${d}`;
}

/** A calendar v3 MASTER or single event id: the schedule GUID's 32 hex digits followed by 32 more (a GUID without dashes). */
export function calendarEventId(scheduleId: string, faker: Faker): string {
  return scheduleId.replaceAll('-', '') + guidWords(faker).join('');
}

/** A calendar v3 INSTANCE event id: an opaque base62 string of 118 characters, as in the docs examples. */
const base62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export function instanceEventId(faker: Faker): string {
  let id = '';
  while (id.length < 118) {
    // 62^5 < 2^32: five base62 digits per 32-bit draw.
    let value = faker.number.int({ min: 0, max: 62 ** 5 - 1 });
    for (let digit = 0; digit < 5 && id.length < 118; digit++) {
      id += base62[value % 62];
      value = Math.floor(value / 62);
    }
  }
  return id;
}

const orderAlphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'.split('');

/** A Wix Events order number such as `2X32-W2MV-4RF`. */
export function orderNumber(faker: Faker): string {
  const group = (length: number) => Array.from({ length }, () => faker.helpers.arrayElement(orderAlphabet)).join('');
  return `${group(4)}-${group(4)}-${group(3)}`;
}

/** A ticket number of an order: the order number followed by the ticket's position and a check letter, e.g. `2X32-W2MV-4RF1P`. */
export function ticketNumber(order: string, index: number, faker: Faker): string {
  return `${order}${index + 1}${faker.helpers.arrayElement(orderAlphabet.filter((c) => c >= 'A'))}`;
}

const streetSuffixes = ['Street', 'Avenue', 'Road', 'Boulevard', 'Lane', 'Way', 'Drive', 'Place'];
const businessSuffixes = ['Studio', 'Fitness', 'Wellness Center', 'Events', 'Collective', 'Club', 'Academy', 'Hall'];

/** `Hansen Avenue`. (faker's templated street and company helpers cost ~35 µs each; these are plain picks.) */
export function streetName(faker: Faker): string {
  return `${faker.person.lastName()} ${faker.helpers.arrayElement(streetSuffixes)}`;
}

/** `Hansen Studio`. */
export function businessName(faker: Faker): string {
  return `${faker.person.lastName()} ${faker.helpers.arrayElement(businessSuffixes)}`;
}
