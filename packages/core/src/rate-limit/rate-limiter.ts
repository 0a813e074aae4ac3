/** Options of one {@link RateLimiter.schedule} call. */
export interface ScheduleOptions {
  /** Aborts the task while it still waits for its turn (the promise rejects with the reason). */
  signal?: AbortSignal | undefined;
  /** Higher runs first among waiting tasks of the same bucket. @defaultValue 0 */
  priority?: number | undefined;
  /**
   * The route the task calls (the request path, e.g. `/telephony/call/event`); picks the
   * bucket. Tasks without a route go to the default bucket.
   */
  route?: string | undefined;
}

/** Options of {@link RateLimiter.pause}. */
export interface PauseOptions {
  /** Pause only the bucket serving this route; every bucket when omitted. */
  route?: string | undefined;
}

/**
 * Decides when each call to a vendor may start. One limiter serves one set of credentials
 * and is shared by every call made with them; the HTTP client schedules every attempt
 * through it and pauses it when the vendor says to wait.
 *
 * Implementations: {@link LocalRateLimiter} (in process); a Redis-backed one for
 * hosts running several processes implements the same interface.
 */
export interface RateLimiter {
  /** Runs `task` when its bucket allows, and settles with the task's result. */
  schedule<T>(task: () => Promise<T>, options?: ScheduleOptions): Promise<T>;
  /**
   * Stops starting tasks in the bucket (or every bucket) for `ms` milliseconds, as when the
   * vendor answered 429 with `Retry-After`. Tasks already running go on; a longer pause
   * extends a shorter one, a shorter one never cuts a longer one short.
   */
  pause(ms: number, options?: PauseOptions): void;
}
