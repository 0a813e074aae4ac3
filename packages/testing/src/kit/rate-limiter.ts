import { matchesPath, type PathMatcher } from './path-matcher.js';

/** A named rate-limit bucket: the paths it covers and how many requests it admits. */
export interface RateLimitRule {
  /** Name for counters and the throttled answer, e.g. `telephony`. */
  readonly name: string;
  /**
   * The paths this bucket covers. Rules are tried in order and the first that matches wins; a
   * rule without `match` covers every path (put it last).
   */
  readonly match?: PathMatcher | undefined;
  /** Requests admitted per key within one window. */
  readonly limit: number;
  /** The sliding window, in milliseconds. @defaultValue 1000 */
  readonly windowMs?: number | undefined;
  /**
   * More windows the same requests count against (e.g. per minute, per hour, per day beside
   * per second); a request is admitted only when every window has room. @defaultValue none
   */
  readonly windows?: readonly RateLimitWindowRule[] | undefined;
}

/** One more window of a {@link RateLimitRule}. */
export interface RateLimitWindowRule {
  /** Requests admitted per key within the window. */
  readonly limit: number;
  /** The sliding window, in milliseconds. */
  readonly windowMs: number;
}

/** The verdict on one request: its bucket and whether it was admitted. */
export interface RateLimitVerdict {
  /** The bucket the request counted against. */
  readonly bucket: string;
  /** Whether the request is within the limit. */
  readonly admitted: boolean;
  /** For a refused request: the window that refused it, in milliseconds. */
  readonly windowMs?: number | undefined;
  /** For a refused request: milliseconds until that window has room again. */
  readonly retryAfterMs?: number | undefined;
}

/**
 * Per-key sliding-window limiter, judged at arrival: a request is admitted when fewer than
 * `limit` admitted requests of the same key and bucket arrived within the last window. Refused
 * requests do not use up the window.
 */
export class SlidingWindowRateLimiter {
  readonly #rules: readonly RateLimitRule[];
  readonly #admitted = new Map<string, number[]>();
  readonly #throttled = new Map<string, number>();

  /** @param rules - the buckets, tried in order */
  constructor(rules: readonly RateLimitRule[]) {
    for (const rule of rules) {
      for (const { limit, windowMs } of windowsOf(rule)) {
        if (!(limit > 0 && windowMs > 0)) {
          throw new RangeError(`Rate limit "${rule.name}" must be positive`);
        }
      }
    }
    this.#rules = rules;
  }

  /** Judges a request of `key` to `path` that arrived at `at`; undefined when no bucket covers it. */
  admit(key: string, path: string, at: number): RateLimitVerdict | undefined {
    const rule = this.#rules.find((candidate) => matchesPath(candidate.match ?? '/', path));
    if (rule === undefined) return undefined;
    const slot = `${rule.name}\u0000${key}`;
    const windows = windowsOf(rule);
    const longest = Math.max(...windows.map((window) => window.windowMs));
    const times = (this.#admitted.get(slot) ?? []).filter((time) => time > at - longest);
    this.#admitted.set(slot, times);
    for (const { limit, windowMs } of windows) {
      const inWindow = times.filter((time) => time > at - windowMs);
      if (inWindow.length < limit) continue;
      this.#throttled.set(rule.name, (this.#throttled.get(rule.name) ?? 0) + 1);
      const frees = (inWindow[inWindow.length - limit] as number) + windowMs;
      return { bucket: rule.name, admitted: false, windowMs, retryAfterMs: frees - at };
    }
    times.push(at);
    return { bucket: rule.name, admitted: true };
  }

  /** Requests refused so far, in one bucket or (without `bucket`) in all. */
  throttled(bucket?: string): number {
    if (bucket !== undefined) return this.#throttled.get(bucket) ?? 0;
    let total = 0;
    for (const count of this.#throttled.values()) total += count;
    return total;
  }

  /** Forgets every window and counter. */
  reset(): void {
    this.#admitted.clear();
    this.#throttled.clear();
  }
}

function windowsOf(rule: RateLimitRule): readonly RateLimitWindowRule[] {
  return [{ limit: rule.limit, windowMs: rule.windowMs ?? 1000 }, ...(rule.windows ?? [])];
}
