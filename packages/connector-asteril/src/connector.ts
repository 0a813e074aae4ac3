import { type CallTrackingOptions, type Connector, callTrackingPipeline } from '@crossline/core';
import { defineConnector, mergeFieldMaps, type VerifyChecks } from '@crossline/core/sdk';
import { asterilActions } from './actions.js';
import { AsterilApi, asterilHttp } from './api.js';
import { type AsterilConfig, asterilOptionsSchema, defaultFieldMap } from './options.js';

/**
 * "Check connection": the cabinet answers, the key is valid, its user (the manager the
 * integration acts as) is known and an administrator, and every text field the field map
 * writes to exists — each missing one named.
 */
async function verify({
  client,
  config,
}: {
  client: AsterilApi;
  config: AsterilConfig;
}): Promise<VerifyChecks> {
  // A rejected key throws: core's verify() reports it as credentials not valid.
  const admin = (await client.me()).is_admin;
  const problems =
    admin === false
      ? ["the key's user is not an administrator: the integration needs admin access"]
      : [];
  const textFields = new Set<string>();
  for await (const field of client.clientFields()) {
    if (field.type === undefined || field.type === 'text') textFields.add(field.code);
  }
  const wanted = Object.values(mergeFieldMaps(defaultFieldMap, config.fieldMap));
  for (const code of new Set(wanted)) {
    if (!textFields.has(code)) problems.push(`the Client text field "${code}" does not exist`);
  }
  return { reachable: true, credentialsValid: true, missingPermissions: [], problems };
}

/**
 * The Asteril CRM connector: call tracking into Asteril. Actions: `contacts.findByPhone`,
 * `contacts.upsert`, `calls.log`, `tasks.create` — the ones `callTrackingPipeline` needs.
 * Every part of Asteril's API is assumed (no public reference exists) and can be overridden
 * with the `contract` option. Options are validated at once.
 *
 * @throws `ConfigError` (from `@crossline/core`) naming every invalid option
 * @example
 * ```ts
 * const crm = asteril({
 *   id: 'shop-asteril',
 *   url: 'https://my-shop.asteril.ua',
 *   apiKey: process.env.ASTERIL_KEY,
 *   behaviour: { directions: 'incoming' },
 *   fieldMap: { 'customFields.landing': 'landing_page' },
 * });
 * hub.register(crm).pipeline(asterilCallTracking(crm));
 * ```
 */
export const asteril = defineConnector({
  vendor: 'asteril',
  configSchema: asterilOptionsSchema,
  http: asterilHttp,
  createClient: (config: AsterilConfig, { http }) => new AsterilApi(http, config.api),
  timeZone: (config) => config.timeZone,
  verify,
  actions: asterilActions,
});

/**
 * The call-tracking pipeline for an Asteril connector, with the integration's behaviour from
 * its options (create Client, create Task, directions, pass UTM).
 */
export function asterilCallTracking(
  connector: Connector<typeof asterilOptionsSchema, AsterilApi>,
  options: Omit<CallTrackingOptions, 'connector'> = {},
) {
  const { behaviour } = connector.config;
  return callTrackingPipeline({
    connector,
    directions: behaviour.directions,
    createContact: behaviour.createClient,
    createTask: behaviour.createTask,
    passUtm: behaviour.passUtm,
    ...options,
  });
}
