import {
  CrosslineError,
  type CrosslineErrorOptions,
  hasMarker,
  markError,
} from './crossline-error.js';

const marker = 'crossline.error.RateLimitError';

/** Options of a {@link RateLimitError}. */
export interface RateLimitErrorOptions extends CrosslineErrorOptions {
  /** How long the vendor asked to wait, in milliseconds, when it said. */
  retryAfterMs?: number | undefined;
}

/**
 * The vendor throttled the request (HTTP 429, or its own signal such as a 503 with
 * "Rate limit exceeded"). Always retryable; the whole rate-limit bucket of the account is
 * paused, not only the failing request — for at most the HTTP client's
 * `retry.maxThrottlePauseMs`. When the vendor asked for a longer wait than the client waits in
 * place, the request fails at once and `retryAfterMs` carries the vendor's full ask, so the
 * caller (the Hub's worker) can schedule the next attempt no earlier than that.
 */
export class RateLimitError extends CrosslineError {
  /**
   * How long the vendor asked to wait, in milliseconds, when it said — its full ask, even where
   * the client paused the bucket for less. `undefined` when it sent no usable `Retry-After`
   * (none, zero, or a date in the past).
   */
  readonly retryAfterMs: number | undefined;

  /**
   * @param message - what was throttled
   * @param options - the wait the vendor asked for, connector id, cause and request summary
   */
  constructor(message: string, options: RateLimitErrorOptions = {}) {
    super('RATE_LIMITED', message, { ...options, retryable: true });
    this.retryAfterMs = options.retryAfterMs;
    // A literal, not `new.target.name`: bundlers rename classes (`_RateLimitError`).
    this.name = 'RateLimitError';
    markError(this, marker);
  }

  /** Whether `value` is a {@link RateLimitError} from any copy of the package. */
  static override isInstance(value: unknown): value is RateLimitError {
    return hasMarker(value, marker);
  }
}
