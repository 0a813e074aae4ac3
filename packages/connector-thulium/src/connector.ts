import { type ConnectorFactory, defineConnector } from '@crossline/core/sdk';
import type { z } from 'zod';
import { type ThuliumActions, thuliumActions } from './actions/index.js';
import { ThuliumApi, thuliumHttp } from './api.js';
import { type ThuliumConfig, type ThuliumOptions, thuliumOptionsSchema } from './options.js';
import { verify } from './verify.js';

/**
 * The Thulium connector. Actions: `calls.log`. Options are validated at once.
 *
 * @throws `ConfigError` (from `@crossline/core`) naming every invalid option
 * @example
 * ```ts
 * const vendor = thulium({
 *   id: 'acme-thulium',
 *   url: 'https://acme.thulium.example',
 *   apiKey, // from the host's settings: redacted from every log line and error
 * });
 * const report = await vendor.verify(); // reachable, key valid, missing scopes named
 * ```
 */
export const thulium: ConnectorFactory<
  z.ZodType<ThuliumConfig, ThuliumOptions>,
  unknown, // the vendor client stays internal
  ThuliumActions,
  Record<never, never>
> = defineConnector({
  vendor: 'thulium',
  configSchema: thuliumOptionsSchema,
  http: thuliumHttp,
  createClient: (_config, { http }) => new ThuliumApi(http),
  timeZone: (config) => config.timeZone,
  verify,
  actions: thuliumActions,
});
