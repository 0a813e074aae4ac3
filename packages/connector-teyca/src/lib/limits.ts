import type { MultiWindowRateLimiterOptions } from '@crossline/core/sdk';

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
 * Core's multi-window limiter for Teyca's four windows: a request starts only when every one
 * has room (shared by every connector instance of the same account and key in the process).
 */
export function teycaLimits(limits: TeycaLimits): MultiWindowRateLimiterOptions {
  return {
    windows: [
      { limit: limits.perSecond, intervalMs: 1000 },
      { limit: limits.perMinute, intervalMs: 60_000 },
      { limit: limits.perHour, intervalMs: 3_600_000 },
      { limit: limits.perDay, intervalMs: 86_400_000 },
    ],
  };
}
