import { decodeJwt, decodeProtectedHeader } from 'jose';
import { getWebhook, isWebhookName } from '../../catalog/catalog.js';
import type { Attempt } from '../../delivery/report.js';
import type { DeliveryRecord } from '../context.js';

/** One row of the inspector's delivery list: what happened, without the layers. */
export interface DeliverySummary {
  sequence: number;
  name: string;
  eventType: string;
  cause: DeliveryRecord['cause'];
  resendOf?: number;
  target: string;
  status: DeliveryRecord['status'];
  /** Mock-clock time it was sent, ISO. */
  sentAt: string;
  /** The attempts made so far, on the delivery's clock (epoch ms). */
  attempts: readonly Attempt[];
  error?: string;
}

export function summarize(record: DeliveryRecord, target: string, attempts: readonly Attempt[] = record.report?.attempts ?? []): DeliverySummary {
  return {
    sequence: record.sequence,
    name: record.name,
    eventType: record.eventType,
    cause: record.cause,
    ...(record.resendOf === undefined ? {} : { resendOf: record.resendOf }),
    target: record.report?.target ?? target,
    status: record.status,
    sentAt: record.sentAt,
    attempts,
    ...(record.error === undefined ? {} : { error: record.error }),
  };
}

/** One decoded layer of a delivery, or why it could not be decoded. */
export type Layer = { value: unknown } | { error: string };

/** Every layer of one delivery, outermost first, and the delivery as a curl command. */
export interface DeliveryDetail extends DeliverySummary {
  jwt: string;
  layers: { jwtHeader: Layer; jwtClaims: Layer; deliveryData: Layer; payload: Layer; sdkEnvelope: Layer };
  curl: string;
}

const failure = (error: unknown): Layer => ({ error: error instanceof Error ? error.message : String(error) });

function layer(read: () => unknown): Layer {
  try {
    return { value: read() };
  } catch (error) {
    return failure(error);
  }
}

/** A shell word in single quotes. */
const quote = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;

/** The POST Wix makes, for a shell; a handler target has no URL, so it is left as a variable to fill in. */
export function curlCommand(jwt: string, target: string): string {
  const url = /^https?:\/\//.test(target) ? quote(target) : '"$WEBHOOK_URL"';
  return `curl -i -X POST ${url} -H 'content-type: text/plain' --data-raw ${quote(jwt)}`;
}

/**
 * Decodes a recorded delivery the way its receiver sees it: the JWT header and claims (not
 * verified: the mock signed it), the `data` claim's object with its strings of JSON parsed, the
 * payload, and the envelope `@wix/sdk` builds for a handler (its `Date`s shown as ISO strings).
 */
export function describeDelivery(record: DeliveryRecord, target: string): DeliveryDetail {
  const summary = summarize(record, target);
  const jwtHeader = layer(() => decodeProtectedHeader(record.jwt));
  const jwtClaims = layer(() => decodeJwt(record.jwt));
  const deliveryData = layer(() => {
    if (!('value' in jwtClaims)) throw new Error('the claims could not be decoded');
    const data = (jwtClaims.value as { data?: unknown }).data;
    if (typeof data !== 'string') throw new Error('the data claim is not a string');
    const parsed = JSON.parse(data) as Record<string, unknown>;
    for (const key of ['data', 'identity']) if (typeof parsed[key] === 'string') parsed[key] = JSON.parse(parsed[key]);
    return parsed;
  });
  const sdkEnvelope = layer(() => {
    if (!('value' in deliveryData)) throw new Error('the data claim could not be decoded');
    if (!isWebhookName(record.name)) throw new Error(`"${record.name}" is not in the catalog`);
    const { data, instanceId, identity, accountInfo } = deliveryData.value as Record<string, unknown>;
    return getWebhook(record.name).toSdkEnvelope(data as never, { instanceId: instanceId as string, identity: identity as never, ...(accountInfo ? { accountInfo: accountInfo as never } : {}) });
  });
  return {
    ...summary,
    jwt: record.jwt,
    layers: { jwtHeader, jwtClaims, deliveryData, payload: { value: record.payload }, sdkEnvelope },
    curl: curlCommand(record.jwt, summary.target),
  };
}
