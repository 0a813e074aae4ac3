export { type CallEventInput, callEventInputSchema } from './actions.js';
export { integrationModule, listManagers } from './activation.js';
export { type CallOptions, type ListQuery, maxCallsPerUpload, RetailcrmClient } from './client.js';
export { retailcrm } from './connector.js';
export { formatDateTime, formatTaskDateTime } from './dates.js';
export { createRetailcrmHttp, interpretRetailcrmResponse } from './http.js';
export { findCustomerByPhone, type PhoneLookupOptions, sameNumber } from './lookup.js';
export { toCallEvent, toCallUpload, toCustomer, toRetailcrmPhone, toSource } from './mappers.js';
export {
  type Country,
  type EmployeeLink,
  employeeLinkSchema,
  moduleSettingsSchema,
  type RetailcrmConfig,
  type RetailcrmOptions,
  retailcrmOptionsSchema,
} from './options.js';
export { requiredMethods } from './permissions.js';
export { normalizePortalUrl, type PortalUrlOptions, retailcrmSaasDomains } from './portal.js';
export { type Route, routeEmployee } from './routing.js';
export type {
  Pagination,
  RetailcrmCustomer,
  RetailcrmSource,
  RetailcrmTask,
  RetailcrmUser,
} from './schemas.js';
export type {
  RetailcrmCallEvent,
  RetailcrmCallUpload,
  RetailcrmCustomerInput,
  RetailcrmIntegrationModule,
  RetailcrmOrderInput,
  RetailcrmTaskInput,
} from './wire-types.js';
