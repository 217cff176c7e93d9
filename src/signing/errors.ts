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
    super(InvalidKeyError.code, message, options);
  }
}

function verificationError(code: string, name: string) {
  const ErrorClass = class extends WebhookVerificationError {
    static readonly code = code;
    constructor(message: string, options?: { cause?: unknown }) {
      super(code, message, options);
    }
  };
  Object.defineProperty(ErrorClass, 'name', { value: name });
  return ErrorClass;
}

/** The body is larger than `maxBodyBytes`. */
export const BodyTooLargeError = verificationError('ERR_BODY_TOO_LARGE', 'BodyTooLargeError');
/** The body is not a compact JWS (three base64url parts) with a JSON header and claims. */
export const MalformedJwtError = verificationError('ERR_JWT_MALFORMED', 'MalformedJwtError');
/** The header names an algorithm other than RS256 (`none`, HS256 with the public key as secret, ...). */
export const UnsupportedAlgorithmError = verificationError('ERR_JWT_ALGORITHM', 'UnsupportedAlgorithmError');
/** The signature does not verify with the given public key: forged, tampered, or signed by another key. */
export const SignatureMismatchError = verificationError('ERR_JWT_SIGNATURE', 'SignatureMismatchError');
/** `exp` is in the past. */
export const JwtExpiredError = verificationError('ERR_JWT_EXPIRED', 'JwtExpiredError');
/** `nbf` or `iat` is in the future. */
export const JwtNotYetValidError = verificationError('ERR_JWT_NOT_YET_VALID', 'JwtNotYetValidError');
/** A registered claim has the wrong type, e.g. a string `iat`. */
export const InvalidClaimsError = verificationError('ERR_JWT_CLAIMS', 'InvalidClaimsError');
/** The `data` claim is missing or not a string (Wix always sends a string of JSON). */
export const DataNotStringError = verificationError('ERR_DATA_NOT_STRING', 'DataNotStringError');
/** A string of JSON (the `data` claim, the inner `data`, or `identity`) does not parse or is not the expected kind of value. */
export const InnerJsonError = verificationError('ERR_INNER_JSON', 'InnerJsonError');
/** The JSON nests deeper than `maxDepth`. */
export const JsonTooDeepError = verificationError('ERR_JSON_TOO_DEEP', 'JsonTooDeepError');
/** The payload `id` was seen before: a resend or a duplicate delivery. */
export const DuplicateDeliveryError = verificationError('ERR_DUPLICATE_DELIVERY', 'DuplicateDeliveryError');
/** The payload's `entityEventSequence` is not newer than the last one handled for its entity. */
export const StaleEventError = verificationError('ERR_STALE_EVENT', 'StaleEventError');
