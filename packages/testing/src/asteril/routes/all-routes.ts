import type { AsterilRoute } from '../route.js';
import { accountRoutes } from './account.js';
import { callRoutes } from './calls.js';
import { clientRoutes } from './clients.js';
import { taskRoutes } from './tasks.js';

/** Every endpoint the Asteril simulator serves, paths under `/api/v3`. */
export const asterilRoutes: readonly AsterilRoute[] = [
  ...accountRoutes,
  ...clientRoutes,
  ...callRoutes,
  ...taskRoutes,
];
