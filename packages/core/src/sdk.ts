// @crossline/core/sdk — what a connector author needs on top of `@crossline/core`: the
// definition, the SDK-built HTTP client, tolerant vendor schemas, capabilities and their kits,
// phone look-ups at vendors that match numbers as typed, field maps and rate limits.

export {
  type ActionsFor,
  type ActionTypes,
  type CapabilityAction,
  type ConnectorWith,
  type ContractInputs,
  contactLookupSchema,
  foundContactSchema,
  type ImplementedAction,
  type ImplementsActions,
  type InputFor,
  phoneLookupSchema,
  type ResolvesFor,
} from './capabilities/crm.js';
export { CrmKit, type CrmKitOptions, createCrmKit } from './capabilities/crm-kit.js';
export {
  type CrmContactPatch,
  type CrmContactRecord,
  type CrmContactRef,
  type CrmSyncActions,
  type CrmSyncConnector,
  crmContactPatchSchema,
  crmContactRecordSchema,
  crmContactRefSchema,
  crmContactsSource,
} from './capabilities/crm-sync.js';
export {
  type AgentReply,
  agentReplySchema,
  type HelpdeskActions,
  type HelpdeskCommentInput,
  type HelpdeskConnector,
  type HelpdeskCustomer,
  type HelpdeskCustomerInput,
  type HelpdeskCustomerLookup,
  type HelpdeskFileInput,
  type HelpdeskMessageInput,
  type HelpdeskTicketFieldsInput,
  type HelpdeskTicketInput,
  type HelpdeskTicketRef,
  type HelpdeskTicketSearch,
  type HelpdeskUploadedFile,
  helpdeskCustomerLookupSchema,
  helpdeskCustomerSchema,
} from './capabilities/helpdesk.js';
export type {
  BonusOperation,
  LoyaltyCardFields,
  LoyaltyCardRecord,
  LoyaltyCardRef,
  LoyaltyMessage,
  LoyaltyOperation,
} from './capabilities/loyalty.js';
export {
  type MarketplaceActions,
  type MarketplaceConnector,
  type MarketplaceMessage,
  type MarketplaceOrder,
  type MarketplaceReplyInput,
  type MarketplaceReplyResult,
  marketplaceMessageSchema,
  marketplaceOrderSchema,
  marketplaceReplyResultSchema,
  marketplaceReplySchema,
  type ReplyAttachment,
  replyAttachmentSchema,
} from './capabilities/marketplace.js';
export type { ConnectorMemory } from './connector/connector-memory.js';
export {
  type ActionInputs,
  type ConfigurePatch,
  type ConnectorEvents,
  type ConnectorFactory,
  type ConnectorSettings,
  type ConnectorTypes,
  defineConnector,
} from './connector/define-connector.js';
export type {
  ActionContext,
  ActionDefinition,
  ActionInput,
  ActionMap,
  ActionOutput,
  AnyAction,
  AnySource,
  ClientContext,
  ConnectorContext,
  ConnectorDefinition,
  HttpDeclaration,
  SourceDefinition,
  SourceItem,
  SourceMap,
  VerifyChecks,
} from './connector/types.js';
export type { ConfigErrorOptions } from './errors/config-error.js';
export type { CrosslineErrorOptions, RequestSummary } from './errors/crossline-error.js';
export type { InvalidPhoneReason } from './errors/invalid-phone-error.js';
export type { ValidationIssue } from './errors/issues.js';
export type { PermissionErrorOptions } from './errors/permission-error.js';
export type { RateLimitErrorOptions } from './errors/rate-limit-error.js';
export type { StorageErrorOptions, StorageFailure } from './errors/storage-error.js';
export type { TransportErrorOptions } from './errors/transport-error.js';
export type { ValidationErrorOptions } from './errors/validation-error.js';
export {
  type AccountUrlCheck,
  type AccountUrlOption,
  type AccountUrlRules,
  accountOrigin,
  checkAccountUrl,
  refineAccountUrl,
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
export type { ProtectLoggerOptions } from './log/protect-logger.js';
export type { LogMethod } from './log.js';
export {
  applyFieldMap,
  type FieldMap,
  mergeFieldMaps,
} from './mapping/field-map.js';
export type { Mapper } from './mapping/mapper.js';
export type { SourceRef, StepState } from './pipeline/types.js';
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
  type RateLimitWindow,
} from './rate-limit/local-rate-limiter.js';
export {
  MultiWindowRateLimiter,
  type MultiWindowRateLimiterOptions,
} from './rate-limit/multi-window-limiter.js';
export type { PauseOptions, RateLimiter, ScheduleOptions } from './rate-limit/rate-limiter.js';
export {
  type CredentialsIdentity,
  RateLimiterRegistry,
} from './rate-limit/rate-limiter-registry.js';
export { clientPhone } from './recipes/call-tracking.js';
export {
  type LoyaltyCardEvent,
  type LoyaltyCardEventInput,
  loyaltyCardEventSchema,
} from './recipes/loyalty-card-event.js';
export type { LoyaltySyncFieldMap, LoyaltySyncPipeline } from './recipes/loyalty-sync.js';
export { envelopeId } from './replay/envelope-id.js';
export type { MemoryReplayStoreOptions } from './replay/memory-replay-store.js';
export type { EnvelopeState, FailureUpdate, NewEnvelope } from './replay/replay-store.js';
export type { SqliteLockOptions } from './replay/sqlite-lock.js';
export { decodeHtmlEntities } from './util/html-entities.js';
export {
  type LenientEnumOptions,
  type LenientEnumValue,
  lenient,
  lenientEnum,
  withoutNulls,
} from './util/lenient.js';
export { formatWallClock, parseWallClock } from './util/wall-clock.js';
