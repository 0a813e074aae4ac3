import type { MarketplaceMessage } from '@crossline/core/sdk';
import { type ConnectorFactory, defineConnector, type SourceDefinition } from '@crossline/core/sdk';
import type { z } from 'zod';
import { type EmpikplaceActions, empikplaceActions } from './actions/index.js';
import { EmpikplaceApi, empikplaceHttp } from './api.js';
import {
  type EmpikplaceConfig,
  type EmpikplaceOptions,
  empikplaceOptionsSchema,
} from './options.js';
import { threadsSource } from './sources/threads.js';
import { verify } from './verify.js';

/**
 * The EmpikPlace connector's sources: `threads`, the shop's customer conversations, message by
 * message (canonical `MarketplaceMessage` events; the item id is the message id).
 */
export type EmpikplaceSources = {
  /** Messages of conversations the customer wrote in since the integration was enabled. */
  readonly threads: SourceDefinition<unknown, unknown, MarketplaceMessage>;
};

/**
 * The EmpikPlace connector (Mirakl seller API): the marketplace-messaging capability. Source
 * `threads`: customer conversations, each new message once; actions `messages.reply` (plain
 * text, files under the conversation's 10 MB) and `orders.get` (OR11 with the seller-panel
 * link). The key goes raw in `Authorization`, never in a URL. Options are validated at once.
 *
 * @throws `ConfigError` (from `@crossline/core`) naming every invalid option
 * @example
 * ```ts
 * const shop = empikplace({
 *   id: 'empik-shop',
 *   apiKey, // seller panel → Profile → "Klucz API": redacted from every log line and error
 *   shopId: 4321,
 *   threads: { enabledAt: '2026-03-01T09:00:00Z' },
 *   replies: { footer: 'My Shop customer service' },
 * });
 * const report = await shop.verify(); // key valid, shop reachable, shop id matches
 * ```
 */
export const empikplace: ConnectorFactory<
  z.ZodType<EmpikplaceConfig, EmpikplaceOptions>,
  unknown, // the vendor client stays internal
  EmpikplaceActions,
  EmpikplaceSources
> = defineConnector({
  vendor: 'empikplace',
  configSchema: empikplaceOptionsSchema,
  http: empikplaceHttp,
  createClient: (config, { http }) => new EmpikplaceApi(http, config.shopId),
  timeZone: (config) => config.timeZone,
  verify,
  actions: empikplaceActions,
  sources: { threads: threadsSource },
});
