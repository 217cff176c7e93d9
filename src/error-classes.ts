/**
 * Every error class the package root's functions throw, for `import { errors } from
 * 'wix-webhook-testkit'` (the jose model): branch with `instanceof errors.X` or on `error.code`.
 */
export { SchemaMismatchError, UnknownEventTypeError, UnknownWebhookError, WixhookError } from './errors.js';
export { ConflictingTraitsError, InvalidFactoryOptionError, InvalidSetPathError, InvalidSetValueError, UnknownTraitError } from './build/errors.js';
export {
  BodyTooLargeError,
  DataNotStringError,
  DuplicateDeliveryError,
  InnerJsonError,
  InvalidClaimsError,
  InvalidKeyError,
  InvalidVerifyOptionError,
  JsonTooDeepError,
  JwtExpiredError,
  JwtNotYetValidError,
  MalformedJwtError,
  SignatureMismatchError,
  StaleEventError,
  UnsupportedAlgorithmError,
  WebhookVerificationError,
} from './signing/errors.js';
export { DeliveryAbortedError, InvalidDeliveryOptionError } from './delivery/errors.js';
export { DeliveryDataInputError } from './catalog/layer-errors.js';
export { ManifestLoadError } from './webhooks/generated/load.js';
