import { AuthError } from '@crossline/core';
import { defineConnector, type VerifyChecks } from '@crossline/core/sdk';
import { retailcrmActions } from './actions.js';
import { integrationModule, listManagers, registerModule } from './activation.js';
import { RetailcrmClient } from './client.js';
import { createRetailcrmHttp } from './http.js';
import { type RetailcrmConfig, retailcrmOptionsSchema } from './options.js';
import { canCall, missingRights } from './permissions.js';

/**
 * "Check connection" through `GET /api/credentials`: the key works, and what it lacks of the
 * methods the connector needs — granted by the methods it lists or by its scopes (a scope-based
 * key lists no methods); a key that cannot see the shop is a problem too, and so are the admin
 * and the linked employees when the key can read users.
 */
async function verify({
  client,
  config,
}: {
  client: RetailcrmClient;
  config: RetailcrmConfig;
}): Promise<VerifyChecks> {
  // A rejected key throws: core's verify() reports it as credentials not valid.
  const answer = await client.credentials();
  const missingPermissions = missingRights(answer);
  const problems: string[] = [];
  if (answer.siteAccess === 'access_selective' && !answer.sitesAvailable.includes(config.site)) {
    problems.push(`the key cannot see the shop ${config.site}`);
  }
  if (canCall(answer, '/api/users')) problems.push(...(await peopleProblems(client, config)));
  return { reachable: true, credentialsValid: true, missingPermissions, problems };
}

/** The admin must exist; every linked employee must be an active manager; one is senior. */
async function peopleProblems(client: RetailcrmClient, config: RetailcrmConfig): Promise<string[]> {
  const problems: string[] = [];
  const email = config.adminEmail.toLowerCase();
  const { users } = await client.listUsers({ filter: { email }, limit: 20 });
  if (!users.some((user) => user.email?.toLowerCase() === email && user.active !== false)) {
    problems.push(`no active CRM user has the admin e-mail ${config.adminEmail}`);
  }
  if (config.employees.length === 0) return problems;
  const managers = new Set((await listManagers(client)).map((user) => user.id));
  for (const link of config.employees) {
    if (!managers.has(link.userId)) {
      problems.push(
        `employee ${link.employeeId}: CRM user ${link.userId} is not an active manager`,
      );
    }
  }
  if (!config.employees.some((link) => link.senior)) {
    problems.push('no senior manager: unroutable calls and tasks go to the admin');
  }
  return problems;
}

/**
 * The retailCRM / Simla.com connector: call tracking into the CRM. Actions:
 * `contacts.findByPhone`, `contacts.upsert`, `calls.log`, `calls.event`, `tasks.create`,
 * `orders.create`. Activation registers the telephony integration module (with the linked
 * employees' extensions); deactivation switches it off. Options are validated at once.
 *
 * @throws `ConfigError` (from `@crossline/core`) naming every invalid option
 * @example
 * ```ts
 * const crm = retailcrm({
 *   id: 'shop-crm',
 *   url: 'https://my-shop.retailcrm.ru',
 *   apiKey: process.env.RETAILCRM_KEY,
 *   site: 'my-shop',
 *   adminEmail: 'owner@my-shop.example',
 *   employees: [{ employeeId: 'op-7', userId: 12, code: '101', senior: true }],
 * });
 * hub.register(crm).pipeline(callTrackingPipeline({ connector: crm.id }));
 * ```
 */
export const retailcrm = defineConnector({
  vendor: 'retailcrm',
  configSchema: retailcrmOptionsSchema,
  createClient: (config: RetailcrmConfig, context) =>
    new RetailcrmClient(createRetailcrmHttp(config, context), config.site),
  verify,
  onActivate: async ({ client, config }) => registerModule(client, config),
  onDeactivate: async ({ client, config }) => {
    try {
      await client.editIntegrationModule(integrationModule(config, false));
    } catch (error) {
      // A rejected key cannot switch the module off; deactivating must still work.
      if (!AuthError.isInstance(error)) throw error;
    }
  },
  actions: retailcrmActions,
});
