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
 * paused, not only the failing request.
 */
export class RateLimitError extends CrosslineError {
  /** How long the vendor asked to wait, in milliseconds, when it said. */
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
