import { AuthError, ConfigError } from '@crossline/core';
import type { RetailcrmApi } from '../api.js';
import type { RetailcrmConfig } from '../options.js';
import type { RetailcrmUser } from '../wire-crm.js';
import type { RetailcrmIntegrationModule } from '../wire-requests.js';

/** The telephony module as this connector registers it; `active` switches it on or off. */
export function integrationModule(
  config: RetailcrmConfig,
  active: boolean,
): RetailcrmIntegrationModule {
  const { module } = config;
  return {
    code: config.moduleCode,
    integrationCode: config.integrationCode,
    active,
    name: module.name,
    ...(module.logo ? { logo: module.logo } : {}),
    ...(module.clientId ? { clientId: module.clientId } : {}),
    ...(module.baseUrl ? { baseUrl: module.baseUrl } : {}),
    ...(module.accountUrl ? { accountUrl: module.accountUrl } : {}),
    integrations: {
      telephony: {
        ...(module.makeCallUrl ? { makeCallUrl: module.makeCallUrl } : {}),
        ...(module.changeUserStatusUrl ? { changeUserStatusUrl: module.changeUserStatusUrl } : {}),
        allowEdit: false,
        inputEventSupported: true,
        outputEventSupported: true,
        hangupEventSupported: true,
        // The user ↔ extension mapping lives in the module: the CRM's users have no such field.
        additionalCodes: config.employees.flatMap((link) =>
          link.code ? [{ userId: link.userId, code: link.code }] : [],
        ),
        externalPhones: module.externalPhones,
      },
    },
  };
}

/**
 * The CRM users who may be linked: active members of a managers group. Every page is read.
 */
export async function listManagers(client: RetailcrmApi): Promise<RetailcrmUser[]> {
  const managers: RetailcrmUser[] = [];
  for await (const user of client.iterateUsers({ isManager: true, active: true })) {
    if (user.active !== false && user.isManager !== false) managers.push(user);
  }
  return managers;
}

/**
 * Activation: checks that every linked employee is an active manager in the CRM, then
 * registers (or updates) the telephony module with the extension codes, so it shows in the
 * CRM's marketplace list.
 * @throws `ConfigError` naming the employees linked to users who are not active managers
 */
export async function registerModule(client: RetailcrmApi, config: RetailcrmConfig): Promise<void> {
  if (config.employees.length > 0) {
    const managers = new Set((await listManagers(client)).map((user) => user.id));
    const wrong = config.employees.filter((link) => !managers.has(link.userId));
    if (wrong.length > 0) {
      throw new ConfigError(
        `Employees linked to CRM users who are not active managers: ${wrong.map((link) => `${link.employeeId} → user ${link.userId}`).join(', ')}`,
        {
          issues: wrong.map((link) => ({
            path: `employees.${config.employees.indexOf(link)}.userId`,
            message: 'not an active member of a managers group',
          })),
        },
      );
    }
  }
  await client.editIntegrationModule(integrationModule(config, true));
}

/**
 * Deactivation: switches the telephony module off. A key the CRM rejects cannot switch it off,
 * and deactivating must still work then.
 */
export async function unregisterModule(
  client: RetailcrmApi,
  config: RetailcrmConfig,
): Promise<void> {
  try {
    await client.editIntegrationModule(integrationModule(config, false));
  } catch (error) {
    if (!AuthError.isInstance(error)) throw error;
  }
}
