import { WixhookError } from '../errors.js';

/**
 * Why a webhook delivery was refused. Each cause has its own class and code, so a consumer's
 * endpoint (and its tests) can tell a forged request from a stale retry.
 */
export class WebhookVerificationError extends WixhookError {}

/** A key given as PEM, JWK or KeyObject could not be read as the RSA key expected. */
export class InvalidKeyError extends WixhookError {
  static readonly code = 'ERR_INVALID_KEY';
  constructor(message: string, options?: { cause?: unknown }) {
    super(new.target.code, message, options);
  }
}

/** The body is larger than `maxBodyBytes`. */
export class BodyTooLargeError extends WebhookVerificationError {
  static readonly code = 'ERR_BODY_TOO_LARGE';
  constructor(message: string, options?: { cause?: unknown }) {
    super(new.target.code, message, options);
  }
}

/** The body is not a compact JWS (three base64url parts) with a JSON header and claims. */
export class MalformedJwtError extends WebhookVerificationError {
  static readonly code = 'ERR_JWT_MALFORMED';
  constructor(message: string, options?: { cause?: unknown }) {
    super(new.target.code, message, options);
  }
}

/** The header names an algorithm other than RS256 (`none`, HS256 with the public key as secret, ...). */
export class UnsupportedAlgorithmError extends WebhookVerificationError {
  static readonly code = 'ERR_JWT_ALGORITHM';
  constructor(message: string, options?: { cause?: unknown }) {
    super(new.target.code, message, options);
  }
}

/** The signature does not verify with the given public key: forged, tampered, or signed by another key. */
export class SignatureMismatchError extends WebhookVerificationError {
  static readonly code = 'ERR_JWT_SIGNATURE';
  constructor(message: string, options?: { cause?: unknown }) {
    super(new.target.code, message, options);
  }
}

/** `exp` is in the past. */
export class JwtExpiredError extends WebhookVerificationError {
  static readonly code = 'ERR_JWT_EXPIRED';
  constructor(message: string, options?: { cause?: unknown }) {
    super(new.target.code, message, options);
  }
}

/** `nbf` or `iat` is in the future. */
export class JwtNotYetValidError extends WebhookVerificationError {
  static readonly code = 'ERR_JWT_NOT_YET_VALID';
  constructor(message: string, options?: { cause?: unknown }) {
    super(new.target.code, message, options);
  }
}

/** A registered claim has the wrong type, e.g. a string `iat`. */
export class InvalidClaimsError extends WebhookVerificationError {
  static readonly code = 'ERR_JWT_CLAIMS';
  constructor(message: string, options?: { cause?: unknown }) {
    super(new.target.code, message, options);
  }
}

/** The `data` claim is missing or not a string (Wix always sends a string of JSON). */
export class DataNotStringError extends WebhookVerificationError {
  static readonly code = 'ERR_DATA_NOT_STRING';
  constructor(message: string, options?: { cause?: unknown }) {
    super(new.target.code, message, options);
  }
}

/** A string of JSON (the `data` claim, the inner `data`, or `identity`) does not parse or is not the expected kind of value. */
export class InnerJsonError extends WebhookVerificationError {
  static readonly code = 'ERR_INNER_JSON';
  constructor(message: string, options?: { cause?: unknown }) {
    super(new.target.code, message, options);
  }
}

/** The JSON nests deeper than `maxDepth`. */
export class JsonTooDeepError extends WebhookVerificationError {
  static readonly code = 'ERR_JSON_TOO_DEEP';
  constructor(message: string, options?: { cause?: unknown }) {
    super(new.target.code, message, options);
  }
}

/** The payload `id` was seen before: a resend or a duplicate delivery. */
export class DuplicateDeliveryError extends WebhookVerificationError {
  static readonly code = 'ERR_DUPLICATE_DELIVERY';
  constructor(message: string, options?: { cause?: unknown }) {
    super(new.target.code, message, options);
  }
}

/** The payload's `entityEventSequence` is not newer than the last one handled for its entity. */
export class StaleEventError extends WebhookVerificationError {
  static readonly code = 'ERR_STALE_EVENT';
  constructor(message: string, options?: { cause?: unknown }) {
    super(new.target.code, message, options);
  }
}

/**
 * An option of `parseWebhook` is not usable: a `now` that is not a valid Date, a NaN or negative
 * clock tolerance, a size or depth limit that is not a positive integer. The caller's mistake,
 * not the delivery's, so it is not a {@link WebhookVerificationError}.
 */
export class InvalidVerifyOptionError extends WixhookError {
  static readonly code = 'ERR_INVALID_VERIFY_OPTION';
  readonly option: string;

  constructor(option: string, message: string) {
    super(new.target.code, `Invalid parseWebhook option \`${option}\`: ${message}`);
    this.option = option;
  }
}
