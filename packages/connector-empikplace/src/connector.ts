import { type ConnectorFactory, defineConnector } from '@crossline/core/sdk';
import type { z } from 'zod';
import { type EmpikplaceActions, empikplaceActions } from './actions/index.js';
import { EmpikplaceApi, empikplaceHttp } from './api.js';
import {
  type EmpikplaceConfig,
  type EmpikplaceOptions,
  empikplaceOptionsSchema,
} from './options.js';
import { verify } from './verify.js';

/**
 * The EmpikPlace connector. Actions: `calls.log`. Options are validated at once.
 *
 * @throws `ConfigError` (from `@crossline/core`) naming every invalid option
 * @example
 * ```ts
 * const vendor = empikplace({
 *   id: 'acme-empikplace',
 *   url: 'https://acme.empikplace.example',
 *   apiKey, // from the host's settings: redacted from every log line and error
 * });
 * const report = await vendor.verify(); // reachable, key valid, missing scopes named
 * ```
 */
export const empikplace: ConnectorFactory<
  z.ZodType<EmpikplaceConfig, EmpikplaceOptions>,
  unknown, // the vendor client stays internal
  EmpikplaceActions,
  Record<never, never>
> = defineConnector({
  vendor: 'empikplace',
  configSchema: empikplaceOptionsSchema,
  http: empikplaceHttp,
  createClient: (_config, { http }) => new EmpikplaceApi(http),
  timeZone: (config) => config.timeZone,
  verify,
  actions: empikplaceActions,
});
