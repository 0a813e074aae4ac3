import { z } from 'zod';
import { ConfigError } from '../errors/config-error.js';
import {
  LocalRateLimiter,
  type RateLimitWindow,
  rateLimitWindowSchema,
} from './local-rate-limiter.js';

/** Options of {@link MultiWindowRateLimiter}. */
export interface MultiWindowRateLimiterOptions {
  /**
   * The vendor's windows, e.g. 5 per second, 50 per minute, 500 per hour and 5,000 per day; a
   * request starts only when every one has room. The shortest is paced and starts full, as a
   * {@link LocalRateLimiter}'s window does; the others start empty unless `startFull`.
   */
  windows: readonly RateLimitWindow[];
  /** Requests in flight at once. @defaultValue the shortest window's `limit` */
  concurrency?: number | undefined;
  /**
   * How far below each ceiling to stay, as a fraction of its interval (a window's own
   * `safetyMargin` wins). @defaultValue 0.015
   */
  safetyMargin?: number | undefined;
}

const optionsSchema = z.strictObject({
  windows: z.array(rateLimitWindowSchema).min(1),
  concurrency: z.number().int().positive().optional(),
  safetyMargin: z.number().min(0).max(0.5).optional(),
});

/**
 * A {@link LocalRateLimiter} of one bucket counted against several windows at once, for
 * vendors that cap requests per second, per minute, per hour and per day together: a request
 * starts only when every window has room. The shortest window keeps the first-window safety of
 * a lone window (it starts full, so a restarted process spreads its first starts instead of
 * bursting); the longer ones count this process's requests (`startFull` to change that).
 * `pause(ms)` stops every start for `ms` (a `Retry-After`, or the HTTP client's
 * `retry.throttleDelayMs` backoff when the vendor sends none).
 *
 * A bucket of a {@link LocalRateLimiter} takes the same `windows`, for per-route buckets.
 *
 * @example
 * ```ts
 * // Teyca: 5/s, 50/min, 500/h and 5,000/day
 * const limiter = new MultiWindowRateLimiter({
 *   windows: [
 *     { limit: 5, intervalMs: 1000 },
 *     { limit: 50, intervalMs: 60_000 },
 *     { limit: 500, intervalMs: 3_600_000 },
 *     { limit: 5000, intervalMs: 86_400_000 },
 *   ],
 * });
 * await limiter.schedule(() => fetch(url));
 * ```
 */
export class MultiWindowRateLimiter extends LocalRateLimiter {
  /**
   * @param options - the windows, and optionally the concurrency and safety margin
   * @throws {@link index!ConfigError} when there is no window or a limit is not positive
   */
  constructor(options: MultiWindowRateLimiterOptions) {
    const parsed = optionsSchema.safeParse(options);
    if (!parsed.success)
      throw ConfigError.fromIssues('MultiWindowRateLimiter', parsed.error.issues);
    const [shortest, ...others] = [...options.windows].sort((a, b) => a.intervalMs - b.intervalMs);
    const first = shortest as RateLimitWindow;
    super({
      limit: first.limit,
      intervalMs: first.intervalMs,
      safetyMargin: first.safetyMargin ?? options.safetyMargin,
      concurrency: options.concurrency,
      windows: others.map((window) => ({
        ...window,
        safetyMargin: window.safetyMargin ?? options.safetyMargin,
      })),
    });
  }
}

/** Whether `limits` is a {@link MultiWindowRateLimiterOptions} (windows, no `limit` or `buckets`). */
export function isMultiWindowOptions(limits: object): limits is MultiWindowRateLimiterOptions {
  return 'windows' in limits && !('limit' in limits) && !('buckets' in limits);
}
