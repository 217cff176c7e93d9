import type * as z from 'zod';
import { formatPath } from '../wire/issues.js';
import { WixhookError } from '../errors.js';

/**
 * Wix REST error bodies (dev.wix.com/docs/rest/articles/getting-started/errors):
 * `{ message, details: { applicationError | validationError } }`.
 */
export interface FieldViolation {
  field: string;
  description: string;
  violatedRule: string;
}

export interface WixErrorBody {
  message: string;
  details: {
    applicationError?: { code: string; description: string; data?: Record<string, unknown> };
    validationError?: { fieldViolations: FieldViolation[] };
  };
}

/** An HTTP answer the endpoints return as a Wix error: thrown inside a handler, turned into a Response at its edge. */
export class WixHttpError extends WixhookError {
  constructor(
    readonly status: number,
    readonly body: WixErrorBody,
  ) {
    super('ERR_WIX_HTTP', body.message);
  }
}

export function validationError(fieldViolations: FieldViolation[]): WixHttpError {
  const first = fieldViolations[0];
  const message = first ? `INVALID_ARGUMENT: "${first.field}" ${first.description}` : 'INVALID_ARGUMENT';
  return new WixHttpError(400, { message, details: { validationError: { fieldViolations } } });
}

export function fieldError(field: string, description: string, violatedRule = 'OTHER'): WixHttpError {
  return validationError([{ field, description, violatedRule }]);
}

export function applicationError(status: number, code: string, description: string, data?: Record<string, unknown>): WixHttpError {
  return new WixHttpError(status, { message: `${code}: ${description}`, details: { applicationError: { code, description, ...(data ? { data } : {}) } } });
}

export const unauthenticated = () => applicationError(401, 'UNAUTHENTICATED', 'Missing or invalid access token in the Authorization header.');
export const notFound = (what: string, id: string) => applicationError(404, 'NOT_FOUND', `${what} "${id}" not found.`, { id });
export const revisionMismatch = (what: string, expected: string, given: string) =>
  applicationError(409, 'REVISION_MISMATCH', `${what} revision "${given}" is stale; the current revision is "${expected}".`, { currentRevision: expected });

/** The rule name Wix's `violatedRule` uses for a zod issue. */
function violatedRule(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'REQUIRED_FIELD' : 'FORMAT';
    case 'too_small':
      return issue.origin === 'string' ? 'MIN_LENGTH' : issue.origin === 'array' ? 'MIN_SIZE' : 'MIN';
    case 'too_big':
      return issue.origin === 'string' ? 'MAX_LENGTH' : issue.origin === 'array' ? 'MAX_SIZE' : 'MAX';
    case 'invalid_format':
      return 'FORMAT';
    case 'invalid_value':
      return 'INVALID_ENUM_VALUE';
    default:
      return 'OTHER';
  }
}

/** A 400 listing every zod issue as a Wix field violation. */
export function zodValidationError(error: z.ZodError, prefix: readonly PropertyKey[] = []): WixHttpError {
  return validationError(
    error.issues.map((issue) => ({
      // Wix names fields with dots and brackets, as the schema issues do: `event.resources[0].id`.
      field: formatPath([...prefix, ...issue.path]),
      description: issue.code === 'invalid_type' && issue.input === undefined ? 'is required' : issue.message,
      violatedRule: violatedRule(issue),
    })),
  );
}
