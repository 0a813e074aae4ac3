import { type CallTrackingOptions, callTrackingPipeline } from '@crossline/core';
import { defineConnector } from '@crossline/core/sdk';
import { asterilActions } from './actions/index.js';
import { AsterilApi, asterilHttp } from './api.js';
import { asterilOptionsSchema } from './options.js';
import { verify } from './verify.js';

/**
 * The Asteril CRM connector: call tracking into Asteril. Actions: `contacts.findByPhone`,
 * `contacts.upsert`, `calls.log`, `tasks.create` — the CRM capability `callTrackingPipeline`
 * needs. Every part of Asteril's API is assumed (no public reference exists) and can be
 * overridden with the `contract` option. Options are validated at once.
 *
 * @throws `ConfigError` (from `@crossline/core`) naming every invalid option
 * @example
 * ```ts
 * const crm = asteril({
 *   id: 'shop-asteril',
 *   url: 'https://my-shop.asteril.ua',
 *   apiKey: process.env.ASTERIL_KEY ?? '',
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
  createClient: (config, { http }) => new AsterilApi(http, config.api),
  timeZone: (config) => config.timeZone,
  verify,
  actions: asterilActions,
});

/** An Asteril connector, as {@link asteril} returns it. */
type AsterilConnector = ReturnType<typeof asteril>;

/**
 * The call-tracking pipeline (`callTrackingPipeline` of `@crossline/core`) for an Asteril
 * connector, with the integration's behaviour from its `behaviour` option: create a Client for
 * a new caller, create a Task for a missed call, which directions, pass UTM tags. Any option
 * given here wins.
 *
 * @example
 * ```ts
 * hub.register(crm).pipeline(asterilCallTracking(crm, { id: 'calls-asteril' }));
 * ```
 */
export function asterilCallTracking(
  crm: AsterilConnector,
  options: Omit<CallTrackingOptions, 'connector'> = {},
) {
  const { behaviour } = crm.config;
  return callTrackingPipeline({
    connector: crm,
    directions: behaviour.directions,
    createContact: behaviour.createClient,
    createTask: behaviour.createTask,
    passUtm: behaviour.passUtm,
    ...options,
  });
}
