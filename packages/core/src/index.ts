// @crossline/core — what a host application needs: the Hub and its stores, connectors as the
// host sees them, the call-tracking pipeline, errors, phone normalisation and logging.
// Writing a connector: `@crossline/core/sdk`. The canonical model: `@crossline/core/model`.
// Phone tools beyond normalisation: `@crossline/core/phone`.

export type {
  ContactLookup,
  CrmActions,
  CrmConnector,
  FoundContact,
} from './capabilities/crm.js';
export type { LoyaltyActions, LoyaltyConnector } from './capabilities/loyalty.js';
export {
  type ActivateOptions,
  Connector,
  type PerformContext,
  type StatusChange,
} from './connector/define-connector.js';
export type { ConnectorStatus, ConnectorWarning, VerifyReport } from './connector/types.js';
export { AuthError } from './errors/auth-error.js';
export { ConfigError } from './errors/config-error.js';
export { CrosslineError, type CrosslineErrorCode } from './errors/crossline-error.js';
export { InvalidPhoneError } from './errors/invalid-phone-error.js';
export { NotFoundError } from './errors/not-found-error.js';
export { PermissionError } from './errors/permission-error.js';
export { RateLimitError } from './errors/rate-limit-error.js';
export { StorageError } from './errors/storage-error.js';
export { TransportError } from './errors/transport-error.js';
export { ValidationError } from './errors/validation-error.js';
export { VendorError } from './errors/vendor-error.js';
export { type CreateLoggerOptions, createLogger } from './log/create-logger.js';
export { protectLogger } from './log/protect-logger.js';
export { crosslineRedactPaths, type Logger, silentLogger } from './log.js';
export { type Call, type CallInput, callSchema } from './model/call.js';
export { type NormalizePhoneOptions, normalizePhone } from './phone/normalize-phone.js';
export { createHub, Hub } from './pipeline/hub.js';
export type {
  Clock,
  DeliveryRetryOptions,
  DropReason,
  HubEvents,
  HubOptions,
  Pipeline,
  PipelineDefinition,
  PipelineStep,
  PublishResult,
  StepContext,
  StopOptions,
} from './pipeline/types.js';
export { type CallTrackingOptions, callTrackingPipeline } from './recipes/call-tracking.js';
export {
  type HelpdeskPipelineOptions,
  type HelpdeskPipelines,
  helpdeskPipeline,
} from './recipes/helpdesk.js';
export { type LoyaltySyncOptions, loyaltySyncPipeline } from './recipes/loyalty-sync.js';
export type { ReplayStoreLimits } from './replay/envelope-checks.js';
export { MemoryReplayStore } from './replay/memory-replay-store.js';
export type { Envelope, ReplayStore } from './replay/replay-store.js';
export { SqliteReplayStore, type SqliteReplayStoreOptions } from './replay/sqlite-replay-store.js';
