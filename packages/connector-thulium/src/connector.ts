import type { AgentReply, ConnectorFactory, SourceDefinition } from '@crossline/core/sdk';
import { defineConnector } from '@crossline/core/sdk';
import type { z } from 'zod';
import { type ThuliumActions, thuliumActions } from './actions/index.js';
import { ThuliumApi, thuliumHttp } from './api.js';
import { type ThuliumConfig, type ThuliumOptions, thuliumOptionsSchema } from './options.js';
import { agentRepliesSource } from './sources/agent-replies.js';
import { verify } from './verify.js';

/**
 * The sources of the Thulium connector.
 * @inline
 */
type ThuliumSources = {
  /** Agent replies of the configured queue, each once; never comments or the connector's own. */
  readonly agentReplies: SourceDefinition<unknown, unknown, AgentReply>;
};

/**
 * The Thulium helpdesk connector: customers keyed by a text custom field, tickets in a queue and
 * category, messages marked by author, internal comments, ticket fields, temporary files — the
 * helpdesk capability (`HelpdeskActions`); the `agentReplies` source polls agent replies.
 * Options are validated at once.
 *
 * @throws `ConfigError` (from `@crossline/core`) naming every invalid option
 * @example
 * ```ts
 * const helpdesk = thulium({
 *   id: 'shop-thulium',
 *   url: 'https://acme.thulium.com',
 *   user: 'api_empik',
 *   password: process.env.THULIUM_PASSWORD ?? '',
 *   customerField: 'Empik ID',
 *   queue: 'EmpikPlace',
 *   category: 'Marketplace',
 *   mailbox: 'empik@shop.example',
 *   agentLogin: 'empik_bot',
 * });
 * const report = await helpdesk.verify(); // credentials, the field (text), queue, category, agent
 * ```
 */
export const thulium: ConnectorFactory<
  z.ZodType<ThuliumConfig, ThuliumOptions>,
  unknown, // the vendor client stays internal
  ThuliumActions,
  ThuliumSources
> = defineConnector({
  vendor: 'thulium',
  configSchema: thuliumOptionsSchema,
  http: thuliumHttp,
  createClient: (_config, { http }) => new ThuliumApi(http),
  timeZone: (config) => config.timeZone,
  verify,
  actions: thuliumActions,
  sources: { agentReplies: agentRepliesSource },
});
