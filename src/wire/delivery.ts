import * as z from 'zod';
import { guid } from './common.js';
import { jsonString } from './json-string.js';
import { schemaFamily, type ObjectBuilder } from './mode.js';

/**
 * The layers around a payload on the wire: JWT header and claims, the `data` claim's object,
 * the caller identity and the account info. Descriptions follow Wix's webhook docs and the
 * `@wix/sdk` typings (`IdentificationData`, `AccountInfo`).
 */
export const identityTypes = ['UNKNOWN', 'ANONYMOUS_VISITOR', 'MEMBER', 'WIX_USER', 'APP'] as const;
export type IdentityType = (typeof identityTypes)[number];

export const deliverySchemas = schemaFamily((object) => {
  const JwtHeader = object({
    alg: z.literal('RS256').describe('Wix signs webhooks with RS256 only.'),
    kid: z.string().min(1).describe('ID of the key that signed the webhook.'),
    typ: z.string().optional(),
  }).meta({ title: 'JwtHeader', description: 'Protected header of the webhook JWT.' });

  const JwtClaims = object({
    data: z.string().describe('String of JSON holding `{ eventType, instanceId, data, identity, accountInfo? }`.'),
    iat: z.int().nonnegative().describe('Issued at, seconds since the Unix epoch.'),
    exp: z.int().nonnegative().describe('Expiry, seconds since the Unix epoch.'),
  }).meta({ title: 'JwtClaims', description: 'Claims of the webhook JWT. Wix sends `data` as a string.' });

  const AnonymousVisitorIdentity = object({
    identityType: z.literal('ANONYMOUS_VISITOR'),
    anonymousVisitorId: guid().describe('GUID of a site visitor that has not logged in to the site.'),
  }).meta({ title: 'AnonymousVisitorIdentity' });
  const MemberIdentity = object({
    identityType: z.literal('MEMBER'),
    memberId: guid().describe('GUID of a site visitor that has logged in to the site.'),
  }).meta({ title: 'MemberIdentity' });
  const WixUserIdentity = object({
    identityType: z.literal('WIX_USER'),
    wixUserId: guid().describe('GUID of a Wix user (site owner, contributor, etc.).'),
  }).meta({ title: 'WixUserIdentity' });
  const AppIdentity = object({
    identityType: z.literal('APP'),
    appId: guid().describe('GUID of an app.'),
  }).meta({ title: 'AppIdentity' });
  const UnknownIdentity = object({ identityType: z.literal('UNKNOWN') }).meta({ title: 'UnknownIdentity' });

  const Identity = z
    .discriminatedUnion('identityType', [AnonymousVisitorIdentity, MemberIdentity, WixUserIdentity, AppIdentity, UnknownIdentity])
    .meta({ title: 'Identity', description: 'The identification type and identity data: exactly the ID field that `identityType` names.' });

  const AccountInfo = object({
    accountId: guid().describe('GUID of the Wix account associated with the event.'),
    parentAccountId: guid().optional().describe('GUID of the parent Wix account. Only included when accountId belongs to a child account.'),
    siteId: guid().optional().describe('GUID of the Wix site associated with the event. Only included when the event is tied to a specific site.'),
  }).meta({ title: 'AccountInfo', description: 'Details related to the account.' });

  return { JwtHeader, JwtClaims, Identity, AccountInfo };
});

/**
 * The object inside the `data` claim for one webhook. `data` and `identity` are strings of JSON
 * on the wire: `schema.decode(wire)` parses and validates every layer, `schema.encode(decoded)`
 * stringifies them as Wix does.
 */
export function deliveryDataSchema<EventType extends string, Payload extends z.ZodType>(
  object: ObjectBuilder,
  parts: { eventType: EventType; payload: Payload; payloadSchemaRef?: string },
  layers: ReturnType<typeof deliverySchemas>,
) {
  return object({
    eventType: z.literal(parts.eventType).describe('The webhook event type.'),
    instanceId: guid().describe('App instance GUID: the site installation the webhook is about.'),
    data: jsonString(parts.payload, parts.payloadSchemaRef ? { $ref: parts.payloadSchemaRef } : undefined).describe(
      'String of JSON holding the payload (the domain event).',
    ),
    identity: jsonString(layers.Identity).describe('String of JSON holding the identity of the caller that triggered the event.'),
    accountInfo: layers.AccountInfo.optional(),
  }).meta({ title: 'DeliveryData', description: 'The object in the `data` claim of the webhook JWT.' });
}
