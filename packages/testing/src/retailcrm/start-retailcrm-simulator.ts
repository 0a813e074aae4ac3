import type { Latency } from '../kit/faults.js';
import { KeyRing, randomApiKey } from '../kit/key-ring.js';
import { startSimulatorServer } from '../kit/start-simulator-server.js';
import { type VendorSimulator, vendorSimulator } from '../kit/vendor-simulator.js';
import { type KeyGrant, type RetailcrmKeyOptions, resolveGrant } from './key-ring.js';
import type { RetailcrmUserInput } from './model-people.js';
import type { RetailcrmQuirks } from './quirks.js';
import { failureBody, methodNotFound, rateLimitExceeded } from './replies.js';
import { apiKeyOf, guardRoute } from './route.js';
import { retailcrmCredentials, retailcrmRoutes, retailcrmScopes } from './routes/all-routes.js';
import { defaultUsers } from './seed.js';
import { RetailcrmState } from './state.js';

/** Options of {@link startRetailcrmSimulator}. */
export interface RetailcrmSimulatorOptions {
  /** The main API key. @defaultValue a random 32-character key */
  apiKey?: string | undefined;
  /**
   * Methods the main key may call, in the vendor's notation (`/api/customers/create`,
   * `/api/customers/{externalId}/edit`); see {@link retailcrmCredentials}.
   * @defaultValue all of them, or none when only `scopes` is given (a scope-based key)
   */
  credentials?: readonly string[] | undefined;
  /**
   * Scopes of the main key; each grants the methods of its resource (`customer_read`: every
   * GET of customers). @defaultValue {@link retailcrmScopes}, or none when only `credentials`
   * is given
   */
  scopes?: readonly string[] | undefined;
  /** How the account answers: `null` for absent fields, extra fields, unknown enum values. */
  quirks?: RetailcrmQuirks | undefined;
  /** Store (site) codes. @defaultValue `['main-shop']` */
  sites?: readonly string[] | undefined;
  /**
   * Seed users. @defaultValue two active managers (ids 7, 8), an inactive manager (9) and an
   * admin who is not a manager (1)
   */
  users?: readonly RetailcrmUserInput[] | undefined;
  /** Requests per second per key. @defaultValue `{ general: 10, telephony: 40 }` */
  rateLimits?:
    | {
        /** Requests per second per key to every method but telephony. @defaultValue 10 */
        general?: number | undefined;
        /** Requests per second per key to `/api/v5/telephony/*`. @defaultValue 40 */
        telephony?: number | undefined;
      }
    | undefined;
  /** Latency of every answer, ms or `[min, max]`. @defaultValue 0 */
  latencyMs?: Latency | undefined;
}

/** A running retailCRM simulator. */
export interface RetailcrmSimulator extends VendorSimulator<RetailcrmState, RetailcrmKeyOptions> {
  /** The portal origin, e.g. `http://127.0.0.1:52311`; the API is under `/api/v5`. */
  readonly url: string;
  /** Issues a new main key with the same permissions; the old key answers `Wrong "apiKey" value.` */
  rotateKey(): string;
}

/**
 * Starts a stateful retailCRM API v5 simulator on loopback: form-encoded POSTs with JSON entity
 * fields, the vendor's error bodies, per-key rate limits (10 rps, 40 rps for telephony) and
 * key permissions, as the fact sheet describes.
 *
 * @example
 * ```ts
 * const crm = await startRetailcrmSimulator();
 * crm.state.addCustomer({ firstName: 'Ivan', phones: [{ number: '+38 (067) 123-45-67' }] });
 * const response = await fetch(`${crm.url}/api/v5/customers?filter[name]=0671234567`, {
 *   headers: { 'X-API-KEY': crm.apiKey },
 * });
 * await crm.close();
 * ```
 */
export async function startRetailcrmSimulator(
  options: RetailcrmSimulatorOptions = {},
): Promise<RetailcrmSimulator> {
  const settings = checkOptions(options);
  const state = new RetailcrmState({ sites: settings.sites, users: options.users ?? defaultUsers });
  const defaults = { credentials: retailcrmCredentials, scopes: retailcrmScopes };
  const keys = new KeyRing<KeyGrant>(
    options.apiKey ?? randomApiKey(),
    resolveGrant({ credentials: options.credentials, scopes: options.scopes }, defaults),
  );
  const portal = { url: '' };
  const server = await startSimulatorServer({
    routes: retailcrmRoutes.map((route) => guardRoute(route, keys, state, portal, options.quirks)),
    notFound: methodNotFound,
    failureBody,
    latencyMs: options.latencyMs,
    rateLimit: {
      key: apiKeyOf,
      buckets: [
        { name: 'telephony', match: '/api/v5/telephony', limit: settings.telephony },
        { name: 'general', limit: settings.general },
      ],
      reply: () => {
        state.throttled += 1;
        return rateLimitExceeded();
      },
    },
  });
  portal.url = server.url;
  return vendorSimulator({
    server,
    state,
    keys,
    grantOf: (grant: RetailcrmKeyOptions | undefined) =>
      resolveGrant(checkGrant(grant ?? {}), defaults),
  });
}

function checkOptions(options: RetailcrmSimulatorOptions) {
  const sites = [...(options.sites ?? ['main-shop'])];
  if (sites.length === 0 || new Set(sites).size !== sites.length || sites.includes('')) {
    throw new TypeError('retailCRM simulator: `sites` must be distinct, non-empty store codes');
  }
  const general = options.rateLimits?.general ?? 10;
  const telephony = options.rateLimits?.telephony ?? 40;
  for (const [name, limit] of Object.entries({ general, telephony })) {
    if (!Number.isInteger(limit) || limit < 1) {
      throw new TypeError(`retailCRM simulator: \`rateLimits.${name}\` must be an integer >= 1`);
    }
  }
  if (options.apiKey === '') throw new TypeError('retailCRM simulator: `apiKey` cannot be empty');
  checkGrant(options);
  return { sites, general, telephony };
}

function checkGrant(grant: RetailcrmKeyOptions): RetailcrmKeyOptions {
  const known = { credentials: retailcrmCredentials, scopes: retailcrmScopes } as const;
  for (const form of ['credentials', 'scopes'] as const) {
    const unknown = (grant[form] ?? []).filter((name) => !known[form].includes(name));
    if (unknown.length > 0) {
      throw new TypeError(
        `retailCRM simulator: unknown \`${form}\` ${unknown.join(', ')}; known: ${known[form].join(', ')}`,
      );
    }
  }
  return grant;
}
