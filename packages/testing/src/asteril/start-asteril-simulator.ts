import type { Latency } from '../kit/faults.js';
import { KeyRing, randomApiKey } from '../kit/key-ring.js';
import { startSimulatorServer } from '../kit/start-simulator-server.js';
import { type VendorSimulator, vendorSimulator } from '../kit/vendor-simulator.js';
import type { AsterilClientField, AsterilUserInput } from './model.js';
import { failureBody, failureHeaders, notFound, tooManyAttempts } from './replies.js';
import { bearerKeyOf, guardRoute } from './route.js';
import { asterilRoutes } from './routes/all-routes.js';
import { defaultClientFields, defaultUsers } from './seed.js';
import { AsterilState } from './state.js';

/** Options of {@link startAsterilSimulator}. */
export interface AsterilSimulatorOptions {
  /** The main API key. @defaultValue a random 32-character key */
  apiKey?: string | undefined;
  /** The id of the user the main key acts as; a seed user. @defaultValue 1 */
  apiKeyUser?: number | undefined;
  /**
   * Seed users. @defaultValue an administrator (id 1, the main key's user) and a manager who is
   * not an administrator (id 2)
   */
  users?: readonly AsterilUserInput[] | undefined;
  /**
   * Client fields of the cabinet. @defaultValue text fields `utm_source`, `utm_medium`,
   * `utm_campaign`, `utm_term`, `utm_content`, `landing_page` and a date field `birthday`
   */
  clientFields?: readonly AsterilClientField[] | undefined;
  /** Requests per second per key (1-second sliding window). @defaultValue 5 */
  rateLimit?: number | undefined;
  /** Latency of every answer, ms or `[min, max]`. @defaultValue 0 */
  latencyMs?: Latency | undefined;
}

/** Options of `addKey()` on an {@link AsterilSimulator}. */
export interface AsterilKeyOptions {
  /** The id of the user the key acts as. @defaultValue the main key's user */
  user?: number | undefined;
}

/**
 * A running Asteril CRM simulator. `url` is the cabinet origin (`http://127.0.0.1:PORT`), with
 * the API under `/api/v3`; after `rotateKey()` the old key answers 401 `Unauthenticated.`.
 */
export type AsterilSimulator = VendorSimulator<AsterilState, AsterilKeyOptions>;

/**
 * Starts a stateful simulator of the Asteril CRM API v3 on loopback. Its API is the contract
 * the project's fact sheet assumes — every part of it UNCERTAIN, as no public reference exists:
 * Bearer keys acting as a user (writes need an administrator), JSON bodies, `{ message,
 * errors }` error bodies, `page`/`per_page` lists, exact phone matching, `external_id`
 * idempotency for calls and tasks, and 5 requests per second per key with 429 + `Retry-After`.
 *
 * @example
 * ```ts
 * const crm = await startAsterilSimulator();
 * crm.state.addClient({ phone: '+38 (067) 123-45-67' }); // stored exactly as typed
 * const url = new URL('/api/v3/clients', crm.url);
 * url.searchParams.set('phone', '380671234567');
 * const answer = await fetch(url, { headers: { authorization: `Bearer ${crm.apiKey}` } });
 * // (await answer.json()).data is [] — phones match only exactly as stored
 * await crm.close();
 * ```
 */
export async function startAsterilSimulator(
  options: AsterilSimulatorOptions = {},
): Promise<AsterilSimulator> {
  const rateLimit = checkOptions(options);
  const state = new AsterilState({
    users: options.users ?? defaultUsers,
    clientFields: options.clientFields ?? defaultClientFields,
  });
  const mainUser = checkUser(state, options.apiKeyUser ?? 1, 'apiKeyUser');
  const keys = new KeyRing(options.apiKey ?? randomApiKey(), mainUser, state.keyUsers);
  const server = await startSimulatorServer({
    routes: asterilRoutes.map((route) => guardRoute(route, state)),
    notFound,
    failureBody,
    failureHeaders,
    latencyMs: options.latencyMs,
    rateLimit: {
      key: bearerKeyOf,
      buckets: [{ name: 'api', limit: rateLimit }],
      reply: () => {
        state.throttled += 1;
        return tooManyAttempts();
      },
    },
  });
  return vendorSimulator({
    server,
    state,
    keys,
    grantOf: (grant: AsterilKeyOptions | undefined) =>
      checkUser(state, grant?.user ?? mainUser, 'user'),
  });
}

function checkOptions(options: AsterilSimulatorOptions): number {
  const rateLimit = options.rateLimit ?? 5;
  if (!Number.isInteger(rateLimit) || rateLimit < 1) {
    throw new TypeError('Asteril simulator: `rateLimit` must be an integer >= 1');
  }
  if (options.apiKey === '') throw new TypeError('Asteril simulator: `apiKey` cannot be empty');
  return rateLimit;
}

function checkUser(state: AsterilState, id: number, option: string): number {
  if (state.users.some((user) => user.id === id)) return id;
  throw new TypeError(`Asteril simulator: \`${option}\` ${id} is not a user; add it first`);
}
