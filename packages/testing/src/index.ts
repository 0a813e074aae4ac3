// The public surface of @crossline/testing, listed by name.

export type {
  AsterilCall,
  AsterilCallDirection,
  AsterilCallStatus,
  AsterilClient,
  AsterilClientField,
  AsterilClientInput,
  AsterilRecord,
  AsterilTask,
  AsterilTaskType,
  AsterilUser,
  AsterilUserInput,
} from './asteril/model.js';
export {
  type AsterilKeyOptions,
  type AsterilSimulator,
  type AsterilSimulatorOptions,
  startAsterilSimulator,
} from './asteril/start-asteril-simulator.js';
export { AsterilState, type AsterilStateOptions } from './asteril/state.js';
export type {
  EmpikplaceAttachment,
  EmpikplaceMessage,
  EmpikplaceOrder,
  EmpikplaceOrderLine,
  EmpikplaceParticipant,
  EmpikplaceParticipantType,
  EmpikplaceSenderType,
  EmpikplaceThread,
} from './empikplace/model.js';
export {
  type EmpikplaceKeyOptions,
  type EmpikplaceSimulator,
  type EmpikplaceSimulatorOptions,
  startEmpikplaceSimulator,
} from './empikplace/start-empikplace-simulator.js';
export {
  EmpikplaceState,
  type EmpikplaceStateOptions,
  type NewMessage,
  type NewThread,
} from './empikplace/state.js';
export type { DropOptions, FailOptions, Latency } from './kit/faults.js';
export { allValues, type FlatParams, lastValue, parseFlatParams } from './kit/params.js';
export { matchesPath, type PathMatcher } from './kit/path-matcher.js';
export type { RateLimitRule, RateLimitVerdict, RateLimitWindowRule } from './kit/rate-limiter.js';
export { jsonReply, ReplyError, type SimulatorReply, textReply } from './kit/reply.js';
export { headerValue, type RecordedRequest, type SimulatorRequest } from './kit/request.js';
export type { SimulatorControls } from './kit/simulator-controls.js';
export {
  type RouteHandler,
  type SimulatorMethod,
  type SimulatorRateLimit,
  type SimulatorRoute,
  type SimulatorServer,
  type SimulatorServerOptions,
  startSimulatorServer,
} from './kit/start-simulator-server.js';
export type { VendorSimulator } from './kit/vendor-simulator.js';
export { type RecordingLogger, recordingLogger } from './recording-logger.js';
export type { RetailcrmKeyOptions } from './retailcrm/key-ring.js';
export type {
  RetailcrmCustomer,
  RetailcrmCustomerInput,
  RetailcrmHistoryEntry,
  RetailcrmPhone,
  RetailcrmUser,
  RetailcrmUserGroup,
  RetailcrmUserInput,
  RetailcrmUserStatus,
  RetailcrmUtm,
} from './retailcrm/model-people.js';
export type {
  RetailcrmAdditionalCode,
  RetailcrmCall,
  RetailcrmCallEvent,
  RetailcrmExternalPhone,
  RetailcrmIntegrationModule,
  RetailcrmTelephonySettings,
} from './retailcrm/model-telephony.js';
export type {
  RetailcrmOrder,
  RetailcrmStatusGroup,
  RetailcrmTask,
} from './retailcrm/model-work.js';
export type { RetailcrmQuirks } from './retailcrm/quirks.js';
export { retailcrmCredentials, retailcrmScopes } from './retailcrm/routes/all-routes.js';
export {
  type RetailcrmSimulator,
  type RetailcrmSimulatorOptions,
  startRetailcrmSimulator,
} from './retailcrm/start-retailcrm-simulator.js';
export { RetailcrmState, type RetailcrmStateOptions } from './retailcrm/state.js';
export { type BonusEntry, BonusLedger, type BonusRules } from './teyca/bonus-ledger.js';
export type {
  TeycaBonus,
  TeycaCardLink,
  TeycaConsentField,
  TeycaLayout,
  TeycaMailing,
  TeycaPass,
  TeycaPassInput,
  TeycaToken,
  TeycaWebhook,
  TeycaWebhookDelivery,
  TeycaWebhookType,
} from './teyca/model.js';
export type { TeycaSimulatorOptions } from './teyca/options.js';
export type { TeycaErrorFormat } from './teyca/replies.js';
export type { TeycaSearchMatch } from './teyca/search.js';
export { startTeycaSimulator, type TeycaSimulator } from './teyca/start-teyca-simulator.js';
export { type PassListener, TeycaState, type TeycaStateOptions } from './teyca/state.js';
export type {
  ThuliumAgent,
  ThuliumAttachment,
  ThuliumCustomer,
  ThuliumCustomerInput,
  ThuliumCustomField,
  ThuliumDictionaryEntry,
  ThuliumFieldType,
  ThuliumFieldValue,
  ThuliumMessage,
  ThuliumMessageType,
  ThuliumTemporaryFile,
  ThuliumTicket,
} from './thulium/model.js';
export {
  startThuliumSimulator,
  type ThuliumKeyOptions,
  type ThuliumSimulator,
  type ThuliumSimulatorOptions,
} from './thulium/start-thulium-simulator.js';
export {
  type ThuliumMessageInput,
  ThuliumState,
  type ThuliumStateOptions,
  type ThuliumTicketInput,
} from './thulium/state.js';
