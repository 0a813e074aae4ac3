import type { TeycaSimulatorOptions } from '../options.js';
import type { TeycaRoute } from '../route.js';
import { authorizationRoutes } from './authorization.js';
import { bonusRoutes } from './bonuses.js';
import { messagingRoutes } from './messaging.js';
import { passRoutes } from './passes.js';
import { webhookRoutes } from './webhooks.js';

/** Every route of the simulated API, its UNCERTAIN choices taken from `options`. */
export function teycaRoutes(options: TeycaSimulatorOptions): TeycaRoute[] {
  return [
    ...authorizationRoutes(),
    ...passRoutes({
      searchMatch: options.searchMatch ?? 'exact',
      defaultLimit: options.defaultLimit ?? 20,
      maxLimit: options.maxLimit ?? 100,
      missingPass: options.missingPass ?? 'not-found',
      metaAsStrings: options.metaAsStrings ?? false,
    }),
    ...bonusRoutes(options.allowNegativeBonus ?? false),
    ...messagingRoutes(),
    ...webhookRoutes(),
  ];
}
