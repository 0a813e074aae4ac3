import type { z } from 'zod';
import { Connector, type ConnectorSettings } from './connector.js';
import type { ActionMap, AnyAction, AnySource, ConnectorDefinition, SourceMap } from './types.js';

export {
  type ActionInputs,
  type ActivateOptions,
  type ConfigurePatch,
  Connector,
  type ConnectorEvents,
  type ConnectorSettings,
  type ConnectorTypes,
  type PerformContext,
  type StatusChange,
} from './connector.js';

/**
 * Defines a connector: its options schema, its vendor client, "check connection", lifecycle
 * hooks, actions and sources. Returns the factory users call with their options; options are
 * validated once, at construction, and a bad one throws a {@link index!ConfigError} naming it.
 *
 * @example
 * ```ts
 * export const acmeCrm = defineConnector({
 *   vendor: 'acme',
 *   configSchema: z.object({ baseUrl: z.url(), apiKey: z.string().min(1) }),
 *   http: (config) => ({
 *     baseUrl: config.baseUrl, account: config.baseUrl, credential: config.apiKey,
 *     auth: { type: 'bearer', token: config.apiKey }, limits: { buckets: [{ name: 'all', limit: 10 }] },
 *   }),
 *   createClient: (_config, { http }) => new AcmeApi(http),
 *   verify: async ({ client }) => { await client.me(); return { reachable: true, credentialsValid: true, missingPermissions: [], problems: [] }; },
 *   actions: {
 *     'calls.log': {
 *       input: callSchema,
 *       output: z.object({ id: z.string() }),
 *       run: async (call, { client, envelopeId }) => client.logCall({ ...call, externalId: envelopeId }),
 *     },
 *   },
 * });
 * const connector = acmeCrm({ id: 'acme-1', baseUrl: 'https://acme.example', apiKey });
 * const { id } = await connector.perform('calls.log', call, { envelopeId, occurredAt }); // typed
 * ```
 */
export function defineConnector<
  Schema extends z.ZodType,
  Client,
  Actions extends Record<string, AnyAction<z.output<Schema>, Client>>,
  Sources extends Record<string, AnySource<z.output<Schema>, Client>> = Record<never, never>,
>(
  definition: ConnectorDefinition<Schema, Client, Actions, Sources>,
): ConnectorFactory<Schema, Client, Actions, Sources> {
  return (options) =>
    new Connector<Schema, Client, Actions, Sources>(
      definition as never,
      options as Record<string, unknown>,
    );
}

/** The factory {@link defineConnector} returns: options in, a typed connector out. */
export type ConnectorFactory<
  Schema extends z.ZodType,
  Client,
  Actions extends ActionMap,
  Sources extends SourceMap,
> = (options: z.input<Schema> & ConnectorSettings) => Connector<Schema, Client, Actions, Sources>;
