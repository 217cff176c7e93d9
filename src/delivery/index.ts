export { realClock, createVirtualClock, type Clock, type VirtualClock, type VirtualClockOptions } from './clock.js';
export { wixResendPolicy, resendPolicy, type ResendPolicy } from './resend-policy.js';
export { deliver, handlerRequestUrl, type Attempt, type DeliverOptions, type DeliveryReport, type DeliveryTarget, type FetchHandler } from './deliver.js';
export { deliverBatch, summarize, percentile, type BatchDelivery, type BatchItem, type BatchOptions, type BatchReport, type BatchSummary } from './batch.js';
export { attemptErrorCodes, DeliveryAbortedError, InvalidDeliveryOptionError, type AttemptErrorCode } from './errors.js';
export { mulberry32, seededShuffle } from './random.js';
