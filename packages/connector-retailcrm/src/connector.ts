import {
  type ConnectorFactory,
  type CrmContactRecord,
  defineConnector,
  type SourceDefinition,
} from '@crossline/core/sdk';
import type { z } from 'zod';
import { type RetailcrmActions, retailcrmActions } from './actions/index.js';
import { RetailcrmApi } from './api.js';
import { retailcrmHttp } from './api-http.js';
import { registerModule, unregisterModule } from './lib/activation.js';
import { type RetailcrmConfig, type RetailcrmOptions, retailcrmOptionsSchema } from './options.js';
import { contactsSource } from './sources/contacts.js';
import { verify } from './verify.js';

/**
 * The connector's `config`: the options ({@link RetailcrmOptions}) validated, with their
 * defaults, the portal's origin and the module code. A local alias so that TypeDoc inlines it
 * (`@inline` is not read through an import): the package exports no config type.
 * @inline
 */
type Config = RetailcrmConfig;

/**
 * The sources of the retailCRM connector.
 * @inline
 */
type RetailcrmSources = {
  /**
   * Customers new in the shop (`GET /customers/history`), each once: the source of new clients
   * that `loyaltySyncPipeline`'s `direction: 'both'` reads.
   */
  readonly contacts: SourceDefinition<unknown, unknown, CrmContactRecord>;
};

// The factory is typed for the host: what it takes (options), what `config` holds, the actions;
// the vendor client is the connector's own business (`unknown`).

/**
 * The retailCRM / Simla.com connector: call tracking into the CRM. Actions:
 * `contacts.findByPhone`, `contacts.upsert`, `calls.log`, `calls.event`, `tasks.create`,
 * `orders.create` ({@link RetailcrmActions}); the `contacts` source polls the customers new in
 * the shop (`contactsSource.start`: from now, or the whole history). Activation registers the telephony integration
 * module (with the linked employees' extensions); deactivation switches it off. Options
 * ({@link RetailcrmOptions}) are validated at once.
 *
 * @throws `ConfigError` (from `@crossline/core`) naming every invalid option
 * @example
 * ```ts
 * const crm = retailcrm({
 *   id: 'shop-crm',
 *   url: 'https://my-shop.retailcrm.ru',
 *   apiKey: process.env.RETAILCRM_KEY ?? '',
 *   site: 'my-shop',
 *   adminEmail: 'owner@my-shop.example',
 *   employees: [{ employeeId: 'op-7', userId: 12, code: '101', senior: true }],
 * });
 * hub.register(crm).pipeline(callTrackingPipeline({ connector: crm }));
 * ```
 */
export const retailcrm: ConnectorFactory<
  z.ZodType<Config, RetailcrmOptions>,
  unknown,
  RetailcrmActions,
  RetailcrmSources
> = defineConnector({
  vendor: 'retailcrm',
  configSchema: retailcrmOptionsSchema,
  http: retailcrmHttp,
  createClient: (config, { http }) => new RetailcrmApi(http, config.site),
  timeZone: (config) => config.timeZone,
  verify,
  onActivate: ({ client, config }) => registerModule(client, config),
  onDeactivate: ({ client, config }) => unregisterModule(client, config),
  actions: retailcrmActions,
  sources: { contacts: contactsSource },
});
