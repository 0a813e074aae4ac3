// The public surface of @crossline/core, listed by name.

export { AuthError } from './errors/auth-error.js';
export { ConfigError, type ConfigErrorOptions } from './errors/config-error.js';
export {
  CrosslineError,
  type CrosslineErrorCode,
  type CrosslineErrorOptions,
  type RequestSummary,
} from './errors/crossline-error.js';
export { InvalidPhoneError, type InvalidPhoneReason } from './errors/invalid-phone-error.js';
export type { ValidationIssue } from './errors/issues.js';
export { NotFoundError } from './errors/not-found-error.js';
export { PermissionError, type PermissionErrorOptions } from './errors/permission-error.js';
export { RateLimitError, type RateLimitErrorOptions } from './errors/rate-limit-error.js';
export { TransportError, type TransportErrorOptions } from './errors/transport-error.js';
export { ValidationError, type ValidationErrorOptions } from './errors/validation-error.js';
export { VendorError } from './errors/vendor-error.js';
export { createHttpClient } from './http/create-http-client.js';
export type { Params, ParamValue } from './http/encode.js';
export type {
  AuthHook,
  AuthHookState,
  BasicAuth,
  BearerAuth,
  HeaderAuth,
  HttpAuth,
  HttpClient,
  HttpClientOptions,
  HttpMethod,
  HttpRequest,
  HttpResponse,
  QueryAuth,
  ResponseState,
  ResponseVerdict,
  RetryOptions,
  RetryState,
  ThrottleState,
} from './http/types.js';
export { crosslineRedactPaths, type Logger, type LogMethod, silentLogger } from './log.js';
export { type NormalizePhoneOptions, normalizePhone } from './phone/normalize-phone.js';
export { phoneVariants } from './phone/phone-variants.js';
export {
  parseRateLimitHeaders,
  parseRetryAfter,
  type RateLimitInfo,
} from './rate-limit/headers.js';
export {
  type BucketStats,
  LocalRateLimiter,
  type LocalRateLimiterEvents,
  type LocalRateLimiterOptions,
  type RateLimitBucket,
  type RateLimitBuckets,
} from './rate-limit/local-rate-limiter.js';
export type { PauseOptions, RateLimiter, ScheduleOptions } from './rate-limit/rate-limiter.js';
export {
  type CredentialsIdentity,
  RateLimiterRegistry,
} from './rate-limit/rate-limiter-registry.js';
