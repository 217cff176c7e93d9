import type { Faker } from '@faker-js/faker';
import type { AccountInfo, Identity } from '../definition/define-webhook.js';
import type { IdentityType } from '../wire/delivery.js';
import type { DeliveryContext } from '../sdk/to-sdk-envelope.js';
import { guid } from '../fake/ids.js';

/** What a caller may fix about the delivery around a payload. */
export interface DeliveryOptions {
  instanceId?: string;
  /** A full identity, or just its type (the id is drawn). */
  identity?: Identity | IdentityType;
  /** `null` sends no `accountInfo`. */
  accountInfo?: AccountInfo | null;
}

const drawnTypes = ['MEMBER', 'ANONYMOUS_VISITOR', 'WIX_USER', 'APP'] as const satisfies readonly IdentityType[];

/** An identity whose id field is the one its `identityType` names. */
export function buildIdentity(faker: Faker, type: IdentityType): Identity {
  switch (type) {
    case 'ANONYMOUS_VISITOR':
      return { identityType: type, anonymousVisitorId: guid(faker) };
    case 'MEMBER':
      return { identityType: type, memberId: guid(faker) };
    case 'WIX_USER':
      return { identityType: type, wixUserId: guid(faker) };
    case 'APP':
      return { identityType: type, appId: guid(faker) };
    case 'UNKNOWN':
      return { identityType: type };
  }
}

/** The delivery context: app instance, caller identity, account. */
export function buildDelivery(faker: Faker, options: DeliveryOptions = {}): DeliveryContext<Identity, AccountInfo> {
  const instanceId = guid(faker);
  const type = faker.helpers.arrayElement(drawnTypes);
  const identity = buildIdentity(faker, typeof options.identity === 'string' ? options.identity : type);
  const accountId = guid(faker);
  const siteId = guid(faker);
  const context: DeliveryContext<Identity, AccountInfo> = {
    instanceId: options.instanceId ?? instanceId,
    identity: typeof options.identity === 'object' ? structuredClone(options.identity) : identity,
  };
  if (options.accountInfo !== null) context.accountInfo = options.accountInfo ? structuredClone(options.accountInfo) : { accountId, siteId };
  return context;
}
