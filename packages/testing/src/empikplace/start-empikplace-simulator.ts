import type { Latency } from '../kit/faults.js';
import { KeyRing, randomApiKey } from '../kit/key-ring.js';
import type { SimulatorRequest } from '../kit/request.js';
import {
  type RouteHandler,
  type SimulatorRoute,
  startSimulatorServer,
} from '../kit/start-simulator-server.js';
import { type VendorSimulator, vendorSimulator } from '../kit/vendor-simulator.js';
import { getThread, type InboxLimits, listThreads, postMessage } from './inbox-routes.js';
import { listOrders } from './order-routes.js';
import {
  failureBody,
  failureHeaders,
  forbidden,
  notFound,
  rawKeyOf,
  tooManyRequests,
  unauthorized,
} from './replies.js';
import { EmpikplaceState } from './state.js';

/** Options of {@link startEmpikplaceSimulator}. */
export interface EmpikplaceSimulatorOptions {
  /** The main API key. @defaultValue a random 32-character key */
  apiKey?: string | undefined;
  /** The shop's id. @defaultValue '4321' */
  shopId?: string | undefined;
  /** The clock (epoch ms) for message times. @defaultValue Date.now */
  now?: (() => number) | undefined;
  /** Requests per second per key before 429 + `Retry-After`. @defaultValue 20 */
  rateLimit?: number | undefined;
  /** The most attachment bytes per thread. @defaultValue 10485760 */
  attachmentLimitBytes?: number | undefined;
  /** The most attachments per thread (Mirakl: 50 per entity). @defaultValue 50 */
  maxAttachments?: number | undefined;
  /** Messages M11 returns with each thread (Mirakl: the last 100). @defaultValue 100 */
  listedMessages?: number | undefined;
  /** Latency of every answer, ms or `[min, max]`. @defaultValue 0 */
  latencyMs?: Latency | undefined;
}

/** Options of `addKey()` on an {@link EmpikplaceSimulator}. */
export interface EmpikplaceKeyOptions {
  /** The shops the key's user may act for; the first is its default. @defaultValue the shop */
  shops?: readonly string[] | undefined;
}

/**
 * A running EmpikPlace (Mirakl seller API) simulator. `url` is the panel's origin with the API
 * under `/api`; after `rotateKey()` the old key answers 401 with `{ code: 401, message }`.
 */
export type EmpikplaceSimulator = VendorSimulator<EmpikplaceState, EmpikplaceKeyOptions>;

type Handler = (request: SimulatorRequest, state: EmpikplaceState) => ReturnType<RouteHandler>;

/**
 * Starts a stateful simulator of the EmpikPlace seller API on loopback, as the fact sheet
 * describes it: the key raw in `Authorization` (a `Bearer` prefix or a key in the URL is
 * refused with 401), `shop_id` checked against the key's shops (403), the inbox (M10 one
 * thread, M11 seek pages with `page_token`/`limit` and the last 100 messages, M12 multipart
 * replies with files, the conversation's attachment total and count enforced), orders (OR11 by
 * `order_ids`, `max`/`offset`), and 429 with `Retry-After` past the rate limit.
 *
 * @example
 * ```ts
 * const empik = await startEmpikplaceSimulator();
 * const thread = empik.state.addThread({ customer: { id: 'cust-1', name: 'Anna K.' }, orderId: 'EMP-1-A' });
 * empik.state.post(thread.id, { from: 'CUSTOMER_USER', body: 'Where is my parcel?' });
 * const answer = await fetch(`${empik.url}/api/inbox/threads/${thread.id}`, {
 *   headers: { authorization: empik.apiKey },
 * });
 * await empik.close();
 * ```
 */
export async function startEmpikplaceSimulator(
  options: EmpikplaceSimulatorOptions = {},
): Promise<EmpikplaceSimulator> {
  if (options.apiKey === '') throw new TypeError('EmpikPlace simulator: `apiKey` cannot be empty');
  const state = new EmpikplaceState({ shopId: options.shopId, now: options.now });
  const limits: InboxLimits = {
    attachmentLimitBytes: options.attachmentLimitBytes ?? 10 * 1024 * 1024,
    maxAttachments: options.maxAttachments ?? 50,
    listedMessages: options.listedMessages ?? 100,
  };
  const keys = new KeyRing<readonly string[]>(options.apiKey ?? randomApiKey(), [state.shopId]);
  const guard = (method: SimulatorRoute['method'], path: string, handle: Handler) => ({
    method,
    path: `/api${path}`,
    handle: (request: SimulatorRequest) => {
      const key = rawKeyOf(request);
      const shops = key === undefined ? undefined : keys.grant(key);
      if (shops === undefined || 'api_key' in request.query) return unauthorized();
      const shopId = request.query.shop_id;
      if (shopId !== undefined && !shops.includes(String(shopId))) return forbidden(String(shopId));
      return handle(request, state);
    },
  });
  const server = await startSimulatorServer({
    routes: [
      guard('GET', '/inbox/threads', (request) => listThreads(request, state, limits)),
      guard('GET', '/inbox/threads/:threadId', getThread),
      guard('POST', '/inbox/threads/:threadId/message', (request) =>
        postMessage(request, state, limits),
      ),
      guard('GET', '/orders', listOrders),
    ],
    notFound,
    failureBody,
    failureHeaders,
    latencyMs: options.latencyMs,
    rateLimit: {
      key: rawKeyOf,
      buckets: [{ name: 'api', limit: options.rateLimit ?? 20 }],
      reply: () => {
        state.throttled += 1;
        return tooManyRequests();
      },
    },
  });
  return vendorSimulator({
    server,
    state,
    keys,
    grantOf: (grant: EmpikplaceKeyOptions | undefined) => grant?.shops ?? [state.shopId],
  });
}
