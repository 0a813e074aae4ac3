// The public surface of @crossline/core, listed by name.

export {
  type ActionsFor,
  type ConnectorWith,
  type ContactLookup,
  type CrmActions,
  type CrmConnector,
  type FoundContact,
  phoneLookupSchema,
} from './capabilities/crm.js';
export { CrmKit, type CrmKitOptions, createCrmKit } from './capabilities/crm-kit.js';
export type { ConnectorMemory } from './connector/connector-memory.js';
export {
  type ActivateOptions,
  type ConfigurePatch,
  Connector,
  type ConnectorEvents,
  type ConnectorFactory,
  type ConnectorSettings,
  type ConnectorTypes,
  defineConnector,
  type PerformContext,
  type StatusChange,
} from './connector/define-connector.js';
export type {
  ActionContext,
  ActionDefinition,
  ActionInput,
  ActionOutput,
  AnyAction,
  AnySource,
  ClientContext,
  ConnectorContext,
  ConnectorDefinition,
  ConnectorStatus,
  ConnectorWarning,
  SourceDefinition,
  SourceItem,
  VerifyChecks,
  VerifyReport,
} from './connector/types.js';
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
export {
  StorageError,
  type StorageErrorOptions,
  type StorageFailure,
} from './errors/storage-error.js';
export { TransportError, type TransportErrorOptions } from './errors/transport-error.js';
export { ValidationError, type ValidationErrorOptions } from './errors/validation-error.js';
export { VendorError } from './errors/vendor-error.js';
export {
  type AccountUrlCheck,
  type AccountUrlRules,
  checkAccountUrl,
} from './http/account-url.js';
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
export {
  createVendorHttpClient,
  type VendorHttpClientOptions,
} from './http/vendor-http-client.js';
export { type CreateLoggerOptions, createLogger } from './log/create-logger.js';
export { maskPhones } from './log/mask-phones.js';
export { type ProtectLoggerOptions, protectLogger } from './log/protect-logger.js';
export { crosslineRedactPaths, type Logger, type LogMethod, silentLogger } from './log.js';
export {
  applyFieldMap,
  type FieldMap,
  getPath,
  mergeFieldMaps,
  setPath,
} from './mapping/field-map.js';
export type { Mapper } from './mapping/mapper.js';
export { type Call, type CallInput, callSchema } from './model/call.js';
export {
  type BonusTransaction,
  type BonusTransactionInput,
  bonusTransactionSchema,
  type LoyaltyCard,
  type LoyaltyCardInput,
  loyaltyCardSchema,
  type Order,
  type OrderInput,
  type OrderLine,
  orderLineSchema,
  orderSchema,
} from './model/commerce.js';
export {
  customFieldsSchema,
  dateSchema,
  dateTimeSchema,
  type EmployeeRef,
  employeeRefSchema,
  type PhoneCountry,
  phoneCountrySchema,
  phoneSchema,
  timeZoneSchema,
  type Utm,
  utmSchema,
} from './model/common.js';
export { type Contact, type ContactInput, contactSchema } from './model/contact.js';
export { parseCanonical } from './model/parse.js';
export { type Task, type TaskInput, taskSchema } from './model/task.js';
export {
  type Attachment,
  attachmentSchema,
  defaultAttachmentLimitBytes,
  type Message,
  type MessageInput,
  messageSchema,
  type Ticket,
  type TicketInput,
  ticketSchema,
} from './model/ticket.js';
export {
  findByPhone,
  isSameNumber,
  type PhoneMatch,
  type PhoneSearch,
} from './phone/find-by-phone.js';
export { type NormalizePhoneOptions, normalizePhone } from './phone/normalize-phone.js';
export { phoneVariants } from './phone/phone-variants.js';
export { createHub, Hub } from './pipeline/hub.js';
export { retentionStart } from './pipeline/retention.js';
export type {
  Clock,
  DeliveryRetryOptions,
  DropReason,
  HubEvents,
  HubOptions,
  PipelineDefinition,
  PipelineStep,
  PublishResult,
  SourceRef,
  StepContext,
} from './pipeline/types.js';
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
export {
  type CallTrackingOptions,
  callTrackingPipeline,
  clientPhone,
} from './recipes/call-tracking.js';
export type { ReplayStoreLimits } from './replay/envelope-checks.js';
export { envelopeId } from './replay/envelope-id.js';
export {
  MemoryReplayStore,
  type MemoryReplayStoreOptions,
} from './replay/memory-replay-store.js';
export type {
  Envelope,
  EnvelopeState,
  FailureUpdate,
  NewEnvelope,
  ReplayStore,
} from './replay/replay-store.js';
export type { SqliteLockOptions } from './replay/sqlite-lock.js';
export { SqliteReplayStore, type SqliteReplayStoreOptions } from './replay/sqlite-replay-store.js';
export {
  type LenientEnumOptions,
  type LenientEnumValue,
  lenient,
  lenientEnum,
  withoutNulls,
} from './util/lenient.js';
