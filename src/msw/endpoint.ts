import * as z from 'zod';

/**
 * One REST endpoint of the simulated Wix, as data: what the OpenAPI document says of it. The
 * request schema is the very one the handler parses the body with, so the document and the
 * handler cannot disagree on what is required.
 */
export interface Endpoint {
  method: 'get' | 'post' | 'patch';
  /** OpenAPI path template under the base URL, e.g. `/calendar/v3/events/{eventId}`. */
  path: string;
  summary: string;
  /** The JSON body the handler parses; absent for GET. */
  request?: () => z.ZodType;
  /** The 200 answer's JSON body (or text, with `responseType`). */
  response: () => z.ZodType;
  /** Media type of a 200 answer that is not JSON (its body is then described as a string). */
  responseType?: 'application/json' | 'application/x-pem-file' | 'text/html' | 'text/event-stream' | 'text/javascript';
  /** Query parameters the handler reads. */
  query?: Record<string, string>;
  /** Whether it needs `Authorization` (an access token from POST /oauth2/token). Default true. */
  authorized?: boolean;
  /** The error statuses it answers with, besides 400 for a malformed body. */
  errors?: readonly number[];
  /** Wix's own reference page, when it has one. */
  docs?: string;
}

/** Cursor paging metadata of Wix's query endpoints. */
export const cursorPagingMetadata = () =>
  z.object({ count: z.int(), cursors: z.object({ next: z.string().optional(), prev: z.string().optional() }), hasNext: z.boolean() }).meta({ title: 'CursorPagingMetadata' });

/** Offset paging metadata (Wix Events guests). */
export const offsetPagingMetadata = () =>
  z.object({ count: z.int(), offset: z.int(), total: z.int(), hasNext: z.boolean(), cursors: z.object({}) }).meta({ title: 'OffsetPagingMetadata' });

/** Wix's error body: a message and either an application error or field violations. */
export const wixErrorBody = () =>
  z
    .object({
      message: z.string(),
      details: z.object({
        applicationError: z.object({ code: z.string(), description: z.string(), data: z.record(z.string(), z.unknown()).optional() }).optional(),
        validationError: z.object({ fieldViolations: z.array(z.object({ field: z.string(), description: z.string(), violatedRule: z.string() })) }).optional(),
      }),
    })
    .meta({ title: 'WixError' });
