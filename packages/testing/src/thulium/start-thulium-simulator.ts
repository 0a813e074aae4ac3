import type { Latency } from '../kit/faults.js';
import { KeyRing, randomApiKey } from '../kit/key-ring.js';
import { startSimulatorServer } from '../kit/start-simulator-server.js';
import { type VendorSimulator, vendorSimulator } from '../kit/vendor-simulator.js';
import type { ThuliumAgent, ThuliumCustomField, ThuliumDictionaryEntry } from './model.js';
import { failureBody, notFound, tooManyRequests } from './replies.js';
import { guardRoute, loginOf } from './route.js';
import { accountRoutes } from './routes/account.js';
import { customerRoutes } from './routes/customers.js';
import { responseRoutes } from './routes/responses.js';
import { ticketRoutes } from './routes/tickets.js';
import { ThuliumState } from './state.js';

/** Options of {@link startThuliumSimulator}. */
export interface ThuliumSimulatorOptions {
  /** The API user's login. @defaultValue 'api_empik' */
  user?: string | undefined;
  /** The API user's password. @defaultValue a random 32-character one */
  password?: string | undefined;
  /** Customer custom fields. @defaultValue text `Empik ID`, number `Loyalty points` */
  customFields?: readonly ThuliumCustomField[] | undefined;
  /** Ticket queues. @defaultValue 7 `EmpikPlace`, 8 `E-mail` */
  queues?: readonly ThuliumDictionaryEntry[] | undefined;
  /** Ticket categories. @defaultValue 3 `Marketplace`, 4 `Complaints` */
  categories?: readonly ThuliumDictionaryEntry[] | undefined;
  /** Agents. @defaultValue `anna` and `empik_bot` */
  agents?: readonly ThuliumAgent[] | undefined;
  /** The account's time zone. @defaultValue 'Europe/Warsaw' */
  timeZone?: string | undefined;
  /** The body field of `POST /tickets/:id/comment`. @defaultValue 'comment' */
  commentField?: string | undefined;
  /** Requests per second per API user (Thulium documents none). @defaultValue 10 */
  rateLimit?: number | undefined;
  /** Latency of every answer. @defaultValue 0 */
  latencyMs?: Latency | undefined;
}

/** Options of `addKey()`: another password, for this login. */
export interface ThuliumKeyOptions {
  /** The API user the password belongs to. @defaultValue the main user */
  user?: string | undefined;
}

/**
 * A running Thulium simulator: `url` is the account origin, the API under `/api`; `apiKey` is
 * the API user's password and `rotateKey()` replaces it (the old one answers 401).
 */
export type ThuliumSimulator = VendorSimulator<ThuliumState, ThuliumKeyOptions> & {
  /** The API user's login. */
  readonly user: string;
  /** The API user's password now (the connector's `password` option): `apiKey` by its name. */
  readonly password: string;
};

const defaults = {
  customFields: [
    { name: 'Empik ID', type: 'text' },
    { name: 'Loyalty points', type: 'number' },
  ],
  queues: [
    { id: 7, name: 'EmpikPlace' },
    { id: 8, name: 'E-mail' },
  ],
  categories: [
    { id: 3, name: 'Marketplace' },
    { id: 4, name: 'Complaints' },
  ],
  agents: [
    { login: 'anna', name: 'Anna', surname: 'Nowak', active: true },
    { login: 'empik_bot', name: 'Empik', surname: 'Bot', active: true },
  ],
} as const satisfies Partial<ThuliumSimulatorOptions>;

/**
 * Starts a stateful simulator of the Thulium REST API on loopback, as the fact sheet describes
 * it: HTTP Basic of an API user, JSON bodies, `{ request_id, errors }` error bodies, customers
 * with typed custom fields searched by `custom_fields[Name]=value`, tickets with `MAIL`,
 * `REPLY` and `COMMENT` messages, `customer_response` (HTML by default), `agent_response`
 * (answers `[]`), comments, temporary files living 24 h, queues, categories, agents, `limit` ≤
 * 100 on tickets and ≤ 1000 on customers, and a rate limit per user answered with 429.
 *
 * @example
 * ```ts
 * const thulium = await startThuliumSimulator();
 * const ticket = thulium.state.addTicket({ ticket_queue_id: 7 });
 * thulium.state.reply(ticket.ticket_id, 'anna', '<p>Your parcel left today.</p>');
 * const auth = Buffer.from(`${thulium.user}:${thulium.apiKey}`).toString('base64');
 * await fetch(`${thulium.url}/api/tickets/${ticket.ticket_id}`, {
 *   headers: { authorization: `Basic ${auth}` },
 * });
 * await thulium.close();
 * ```
 */
export async function startThuliumSimulator(
  options: ThuliumSimulatorOptions = {},
): Promise<ThuliumSimulator> {
  const user = options.user ?? 'api_empik';
  const rateLimit = options.rateLimit ?? 10;
  if (!Number.isInteger(rateLimit) || rateLimit < 1) {
    throw new TypeError('Thulium simulator: `rateLimit` must be an integer >= 1');
  }
  const state = new ThuliumState({
    customFields: options.customFields ?? defaults.customFields,
    queues: options.queues ?? defaults.queues,
    categories: options.categories ?? defaults.categories,
    agents: options.agents ?? defaults.agents,
    timeZone: options.timeZone ?? 'Europe/Warsaw',
  });
  const keys = new KeyRing(options.password ?? randomApiKey(), user, state.passwords);
  const commentField = options.commentField ?? 'comment';
  const routes = [...customerRoutes, ...ticketRoutes, ...responseRoutes, ...accountRoutes];
  const server = await startSimulatorServer({
    routes: routes.map((route) => guardRoute(route, state, commentField)),
    notFound: () => notFound(),
    failureBody,
    latencyMs: options.latencyMs,
    rateLimit: {
      key: (request) => loginOf(request, state),
      buckets: [{ name: 'api', limit: rateLimit }],
      reply: () => {
        state.throttled += 1;
        return tooManyRequests();
      },
    },
  });
  const simulator = vendorSimulator({
    server,
    state,
    keys,
    grantOf: (grant: ThuliumKeyOptions | undefined) => grant?.user ?? user,
  });
  return Object.defineProperties(Object.assign(simulator, { user }), {
    password: { get: () => simulator.apiKey, enumerable: true },
  }) as ThuliumSimulator;
}
