/**
 * Every error the toolkit throws is a {@link WixhookError} with a stable `code`,
 * so callers can branch on `error.code` instead of parsing messages (the jose model).
 */
export class WixhookError extends Error {
  /** Stable, documented error code, e.g. `ERR_SCHEMA_MISMATCH`. */
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** One problem found while validating a value: where, what was expected, what came. */
export interface SchemaIssue {
  /** Dotted path into the validated value, e.g. `createdEvent.entity.partySize` or `resources[0].id`; empty for the root. */
  path: string;
  /** The same path as segments, for programmatic use. */
  segments: ReadonlyArray<string | number>;
  /** What the schema expected at that path, in words. */
  expected: string;
  /** What was found there, in words (type and a short preview). */
  received: string;
  /** zod's issue code (`invalid_type`, `too_big`, `unrecognized_keys`, ...). */
  issueCode: string;
  /** One-line human-readable summary of the issue. */
  message: string;
}

/** A value does not match a webhook schema. `issues` lists every problem, each with its path. */
export class SchemaMismatchError extends WixhookError {
  static readonly code = 'ERR_SCHEMA_MISMATCH';
  readonly issues: readonly SchemaIssue[];
  /** What was being validated, e.g. `participation-created payload (strict)`. */
  readonly subject: string;

  constructor(subject: string, issues: readonly SchemaIssue[]) {
    const lines = issues.slice(0, 10).map((issue) => `  - ${issue.message}`);
    if (issues.length > 10) lines.push(`  - ... and ${issues.length - 10} more`);
    super(
      new.target.code,
      `${subject} does not match the schema (${issues.length} issue${issues.length === 1 ? '' : 's'}):\n${lines.join('\n')}`,
    );
    this.subject = subject;
    this.issues = issues;
  }
}

/** A webhook name that is not in the catalog. */
export class UnknownWebhookError extends WixhookError {
  static readonly code = 'ERR_UNKNOWN_WEBHOOK';
  readonly requested: string;

  constructor(requested: string, known: readonly string[], more?: string) {
    super(new.target.code, `Unknown webhook "${requested}". Known webhooks: ${known.join(', ')}${more ? `, ${more}` : ''}.`);
    this.requested = requested;
  }
}

/** An eventType that no catalog webhook declares. */
export class UnknownEventTypeError extends WixhookError {
  static readonly code = 'ERR_UNKNOWN_EVENT_TYPE';
  readonly eventType: string;

  constructor(eventType: string, known: readonly string[]) {
    super(new.target.code, `Unknown eventType "${eventType}". Known eventTypes: ${known.join(', ')}.`);
    this.eventType = eventType;
  }
}
