import { type ConnectorFactory, defineConnector, type SourceDefinition } from '@crossline/core/sdk';
import type { z } from 'zod';
import { type TeycaActions, teycaActions } from './actions/index.js';
import { TeycaApi, teycaHttp } from './api.js';
import { type TeycaConfig, type TeycaOptions, teycaOptionsSchema } from './options.js';
import type { TeycaPassEvent } from './sources/events.js';
import { passesSource } from './sources/passes.js';
import { verify } from './verify.js';

/**
 * The sources of the Teyca connector.
 * @inline
 */
type TeycaSources = {
  /** Passes read from the list round and round, within a daily request budget. */
  readonly passes: SourceDefinition<unknown, unknown, TeycaPassEvent>;
};

/**
 * The Teyca loyalty-card connector: passes (cards = clients), bonuses, card links and
 * consent-checked mailings — the loyalty capability (`LoyaltyActions`) and more. Sources: the
 * `passes` poller; webhooks come in through {@link createTeycaWebhookHandler}. Options are
 * validated at once.
 *
 * @throws `ConfigError` (from `@crossline/core`) naming every invalid option
 * @example
 * ```ts
 * const loyalty = teyca({
 *   id: 'shop-teyca',
 *   apiKey: process.env.TEYCA_KEY ?? '',     // the main key: cabinet → Integration → API
 *   token: process.env.TEYCA_TOKEN ?? '',    // this installation's own token
 *   installation: 'shop-prod',
 *   fingerprintStore: fileFingerprintStore('/var/lib/shop'),
 *   mailingConsent: { field: 'key1', values: ['confirmed'] },
 * });
 * const report = await loyalty.verify(); // key, API module, token — each failure explained
 * ```
 */
export const teyca: ConnectorFactory<
  z.ZodType<TeycaConfig, TeycaOptions>,
  unknown, // the vendor client stays internal
  TeycaActions,
  TeycaSources
> = defineConnector({
  vendor: 'teyca',
  configSchema: teycaOptionsSchema,
  http: teycaHttp,
  createClient: (config, { http }) => new TeycaApi(http, config),
  timeZone: (config) => config.timeZone,
  verify,
  actions: teycaActions,
  sources: { passes: passesSource },
});
