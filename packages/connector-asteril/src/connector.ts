import {
  type CallTrackingOptions,
  type Connector,
  type callSchema,
  callTrackingPipeline,
  type PipelineDefinition,
} from '@crossline/core';
import { type ConnectorFactory, defineConnector } from '@crossline/core/sdk';
import type { z } from 'zod';
import { type AsterilActions, asterilActions } from './actions/index.js';
import { AsterilApi, asterilHttp } from './api.js';
import { type AsterilConfig, type AsterilOptions, asterilOptionsSchema } from './options.js';
import { verify } from './verify.js';

/**
 * The connector's `config`: the options validated, with their defaults, the cabinet's origin
 * and the contract in force.
 * @inline
 */
type Config = AsterilConfig;

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
export const asteril: ConnectorFactory<
  z.ZodType<Config, AsterilOptions>,
  unknown,
  AsterilActions,
  Record<never, never>
> = defineConnector({
  vendor: 'asteril',
  configSchema: asterilOptionsSchema,
  http: asterilHttp,
  createClient: (config, { http }) => new AsterilApi(http, config.api),
  timeZone: (config) => config.timeZone,
  verify,
  actions: asterilActions,
});

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
export const asterilCallTracking: (
  crm: Connector<z.ZodType<Config, AsterilOptions>, unknown, AsterilActions, Record<never, never>>,
  options?: Omit<CallTrackingOptions, 'connector'>,
) => PipelineDefinition<typeof callSchema> = (crm, options = {}) => {
  const { behaviour } = crm.config;
  return callTrackingPipeline({
    connector: crm,
    directions: behaviour.directions,
    createContact: behaviour.createClient,
    createTask: behaviour.createTask,
    passUtm: behaviour.passUtm,
    ...options,
  });
};
