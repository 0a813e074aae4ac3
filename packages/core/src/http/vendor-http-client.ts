import { z } from 'zod';
import {
  LocalRateLimiter,
  type LocalRateLimiterOptions,
} from '../rate-limit/local-rate-limiter.js';
import {
  isMultiWindowOptions,
  MultiWindowRateLimiter,
  type MultiWindowRateLimiterOptions,
} from '../rate-limit/multi-window-limiter.js';
import { RateLimiterRegistry } from '../rate-limit/rate-limiter-registry.js';
import { createHttpClient } from './create-http-client.js';
import { validateOptions } from './options.js';
import { secretSchema } from './secrets.js';
import type { HttpClient, HttpClientOptions } from './types.js';

/** Every vendor client's budgets in this process: one per (vendor, account, key). */
const sharedLimiters = new RateLimiterRegistry();

const identitySchema = z.looseObject({
  vendor: z.string().min(1),
  account: z.string().min(1),
  credential: secretSchema(),
  limits: z.record(z.string(), z.unknown()),
});

/** Options of {@link createVendorHttpClient}. */
export interface VendorHttpClientOptions extends Omit<HttpClientOptions, 'rateLimiter'> {
  /** The vendor, e.g. `retailcrm`: part of the budget's identity. */
  vendor: string;
  /** The account (portal, cabinet origin): part of the budget's identity. */
  account: string;
  /**
   * The credential the vendor counts requests by (hashed at once, never kept). Outer
   * whitespace is trimmed, as from `auth`.
   */
  credential: string;
  /**
   * The vendor's limits, used when this key's budget is first created: one bucket's limits, a
   * list of buckets (either may add `windows`), or just `windows` — several at once, e.g.
   * `{ windows: [{ limit: 5, intervalMs: 1000 }, { limit: 500, intervalMs: 3_600_000 }] }`
   * (a {@link MultiWindowRateLimiter}).
   */
  limits: LocalRateLimiterOptions | MultiWindowRateLimiterOptions;
}

/**
 * A connector's HTTP client whose requests share one rate-limit budget with every other client
 * of the same vendor account and key in the process — the vendor counts per key, whichever
 * connector instance or pipeline sends. The first client of a key sets its limits; later ones
 * share them. Every option is validated at once ({@link index!ConfigError} naming the field).
 *
 * @example
 * ```ts
 * createVendorHttpClient({
 *   vendor: 'retailcrm', account: origin, credential: apiKey,
 *   limits: { buckets: [{ name: 'telephony', match: '/v5/telephony/', limit: 40 }, { name: 'general', limit: 10 }] },
 *   baseUrl: `${origin}/api`, auth: { type: 'header', name: 'X-API-KEY', value: apiKey },
 * });
 * ```
 */
export function createVendorHttpClient(options: VendorHttpClientOptions): HttpClient {
  validateOptions(identitySchema, options, 'createVendorHttpClient');
  const { vendor, account, credential, limits, ...http } = options;
  const rateLimiter = sharedLimiters.get({ vendor, account, credential: credential.trim() }, () =>
    isMultiWindowOptions(limits)
      ? new MultiWindowRateLimiter(limits)
      : new LocalRateLimiter(limits),
  );
  return createHttpClient({ ...http, rateLimiter });
}
