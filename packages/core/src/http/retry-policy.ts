import { CrosslineError } from '../errors/crossline-error.js';
import { RateLimitError } from '../errors/rate-limit-error.js';
import { TransportError } from '../errors/transport-error.js';
import { fullJitterDelay } from '../util/backoff.js';
import type { HttpMethod, RetryOptions } from './types.js';

/** Retry options with every default applied. */
export type ResolvedRetryOptions = { [K in keyof RetryOptions]-?: NonNullable<RetryOptions[K]> };

/** The defaults of {@link RetryOptions}. */
export const retryDefaults: ResolvedRetryOptions = {
  retries: 4,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  throttleDelayMs: 1000,
  maxRetryAfterMs: 120_000,
  maxThrottlePauseMs: 300_000,
};

const safeMethods = new Set<HttpMethod>(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

/**
 * Whether a failed attempt may be sent again. A throttled request, and one that never reached
 * the vendor, were not processed, so any method may be resent. Anything else must be both
 * retryable and safe to repeat: an idempotent method, or a request the caller marked so.
 */
export function mayRetry(error: unknown, method: HttpMethod, idempotent?: boolean): boolean {
  if (!CrosslineError.isInstance(error) || !error.retryable) return false;
  if (RateLimitError.isInstance(error)) return true;
  if (TransportError.isInstance(error) && !error.mayHaveReachedVendor) return true;
  return idempotent ?? safeMethods.has(method);
}

/**
 * How long a throttled account's bucket pauses: the vendor's `Retry-After` when it sent one,
 * but never longer than `maxThrottlePauseMs` (a `Retry-After: 99999999` must not freeze the
 * account for days); otherwise `throttleDelayMs · 2^(attempt−1)`, capped likewise at
 * `maxThrottlePauseMs` (not at `maxDelayMs`, the cap of ordinary backoff: a vendor that asks
 * for 60 s, 120 s, 240 s… gets them) — no jitter, since the pause is shared by every request
 * of the bucket.
 */
export function throttlePause(
  error: RateLimitError,
  attempt: number,
  options: ResolvedRetryOptions,
): number {
  if (error.retryAfterMs !== undefined) {
    return Math.min(error.retryAfterMs, options.maxThrottlePauseMs);
  }
  return Math.min(options.maxThrottlePauseMs, options.throttleDelayMs * 2 ** (attempt - 1));
}

/**
 * How long to wait before the next attempt: the vendor's `Retry-After` when it sent a
 * positive one (a date in the past, `0` or a negative value count as none);
 * after a throttled answer without one, the bucket's {@link throttlePause}; otherwise
 * full-jitter exponential backoff — a uniform draw from 0 to
 * `min(maxDelayMs, baseDelayMs · 2^(attempt−1))`.
 *
 * @returns the delay in milliseconds, or `undefined` when the vendor asked for a longer wait
 *   than `maxRetryAfterMs` — or, when throttled, than the bucket's `maxThrottlePauseMs` — so
 *   the request should fail now and be retried much later
 */
export function retryDelay(
  error: CrosslineError,
  attempt: number,
  options: ResolvedRetryOptions,
  random: () => number,
): number | undefined {
  const retryAfterMs = error.request?.retryAfterMs;
  if (retryAfterMs !== undefined && retryAfterMs > 0) {
    const throttled = RateLimitError.isInstance(error);
    const longest = throttled
      ? Math.min(options.maxRetryAfterMs, options.maxThrottlePauseMs)
      : options.maxRetryAfterMs;
    return retryAfterMs > longest ? undefined : retryAfterMs;
  }
  if (RateLimitError.isInstance(error)) return throttlePause(error, attempt, options);
  return fullJitterDelay(attempt, options.baseDelayMs, options.maxDelayMs, random);
}
