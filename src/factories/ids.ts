import type { Faker } from '@faker-js/faker';

/** A Wix GUID (version 4, lowercase, with dashes). */
export function guid(faker: Faker): string {
  return faker.string.uuid();
}

/** A calendar v3 MASTER or single event id: the schedule GUID's 32 hex digits followed by 32 more (a GUID without dashes). */
export function calendarEventId(scheduleId: string, faker: Faker): string {
  return `${scheduleId.replaceAll('-', '')}${faker.string.uuid().replaceAll('-', '')}`;
}

/** A calendar v3 INSTANCE event id: an opaque base62 string of 118 characters, as in the docs examples. */
export function instanceEventId(faker: Faker): string {
  return faker.string.alphanumeric({ length: 118 });
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
