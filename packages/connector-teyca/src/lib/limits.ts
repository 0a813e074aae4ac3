import type { LocalRateLimiterOptions } from '@crossline/core/sdk';

/** Teyca's request limits, all counted at once. */
export interface TeycaLimits {
  /** Requests per second. */
  readonly perSecond: number;
  /** Requests per minute. */
  readonly perMinute: number;
  /** Requests per hour. */
  readonly perHour: number;
  /** Requests per day. */
  readonly perDay: number;
}

/**
 * The limiter's options for Teyca's windows. Core's limiter keeps one window per bucket
 * today, so the per-second window is declared and the others are left to the vendor's 429s
 * (each pausing the account from `throttleDelayMs`).
 */
export function teycaLimits(limits: TeycaLimits): LocalRateLimiterOptions {
  return { limit: limits.perSecond, intervalMs: 1000 };
}
