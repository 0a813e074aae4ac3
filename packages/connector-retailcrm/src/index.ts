export { integrationModule, listManagers } from './activation.js';
export {
  type CallEventAnswer,
  type CallsUploadAnswer,
  type CreatedAnswer,
  type CredentialsAnswer,
  type CustomerAnswer,
  callEventResponseSchema,
  callsUploadResponseSchema,
  createdSchema,
  credentialsResponseSchema,
  customerResponseSchema,
  type HistoryAnswer,
  historyResponseSchema,
  type ListAnswer,
  listSchema,
  type ManagerAnswer,
  type ModuleAnswer,
  type ModuleEditAnswer,
  managerResponseSchema,
  moduleEditResponseSchema,
  moduleResponseSchema,
  orderSchema,
  type RetailcrmOrder,
  type RetailcrmUserGroup,
  type StatusGroupsAnswer,
  type SuccessAnswer,
  statusGroupSchema,
  statusGroupsResponseSchema,
  storedModuleSchema,
  successSchema,
  telephonyManagerSchema,
  type UserAnswer,
  userGroupSchema,
  userResponseSchema,
} from './answers.js';
export { type CallEventInput, callEventInputSchema } from './calls.js';
export { type CallOptions, type ListQuery, maxCallsPerUpload, RetailcrmClient } from './client.js';
export { retailcrm } from './connector.js';
export { formatDateTime, formatTaskDateTime } from './dates.js';
export { createRetailcrmHttp, interpretRetailcrmResponse } from './http.js';
export { findCustomerByPhone, type PhoneLookupOptions } from './lookup.js';
export { toCallEvent, toCallUpload, toCustomer, toRetailcrmPhone, toSource } from './mappers.js';
export {
  type Country,
  type EmployeeLink,
  employeeLinkSchema,
  moduleSettingsSchema,
  type PortalDerived,
  type RetailcrmConfig,
  type RetailcrmOptions,
  retailcrmOptionsSchema,
} from './options.js';
export {
  canCall,
  type KeyRights,
  methodScopes,
  missingRights,
  requiredMethods,
} from './permissions.js';
export { normalizePortalUrl, type PortalUrlOptions, retailcrmSaasDomains } from './portal.js';
export { type Route, routeEmployee } from './routing.js';
export {
  customerSchema,
  groupRefSchema,
  idRefSchema,
  type Pagination,
  paginationSchema,
  type RetailcrmCustomer,
  type RetailcrmSource,
  type RetailcrmTask,
  type RetailcrmUser,
  sourceSchema,
  storedPhoneSchema,
  taskSchema,
  userSchema,
} from './schemas.js';
export type {
  AdditionalCode,
  ExternalPhone,
  IdRef,
  OrderItemInput,
  PhoneEntry,
  RetailcrmCallEvent,
  RetailcrmCallUpload,
  RetailcrmCustomerInput,
  RetailcrmIntegrationModule,
  RetailcrmOrderInput,
  RetailcrmTaskInput,
} from './wire-types.js';
