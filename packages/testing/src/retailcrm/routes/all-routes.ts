import { credentialOf, type RetailcrmRoute } from '../route.js';
import { customerHistoryRoutes } from './customer-history.js';
import { customerRoutes } from './customers.js';
import { integrationModuleRoutes } from './integration-modules.js';
import { orderRoutes } from './orders.js';
import { referenceRoutes } from './reference.js';
import { taskRoutes } from './tasks.js';
import { telephonyCallRoutes } from './telephony-calls.js';
import { telephonyManagerRoutes } from './telephony-manager.js';
import { userRoutes } from './users.js';

/** Every method the retailCRM simulator serves. */
export const retailcrmRoutes: readonly RetailcrmRoute[] = [
  ...userRoutes,
  ...customerHistoryRoutes,
  ...customerRoutes,
  ...orderRoutes,
  ...taskRoutes,
  ...referenceRoutes,
  ...integrationModuleRoutes,
  ...telephonyCallRoutes,
  ...telephonyManagerRoutes,
];

/**
 * Every method a retailCRM simulator key can be granted, in the vendor's credential notation
 * (`/api/customers/create`, `/api/customers/{externalId}/edit`…). Keys get all of them unless
 * their options say otherwise.
 */
export const retailcrmCredentials: readonly string[] = retailcrmRoutes
  .filter((route) => route.checked !== false)
  .map(credentialOf);

/** The scopes a simulator key reports by default: every scope named in the fact sheet. */
export const retailcrmScopes: readonly string[] = [
  'customer_read',
  'customer_write',
  'order_read',
  'order_write',
  'task_read',
  'task_write',
  'user_read',
  'user_write',
  'telephony_read',
  'telephony_write',
  'reference_read',
  'integration_read',
  'integration_write',
];
