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
}

/** The verdict on one request: its bucket and whether it was admitted. */
export interface RateLimitVerdict {
  /** The bucket the request counted against. */
  readonly bucket: string;
  /** Whether the request is within the limit. */
  readonly admitted: boolean;
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
      if (!(rule.limit > 0)) throw new RangeError(`Rate limit "${rule.name}" must be positive`);
    }
    this.#rules = rules;
  }

  /** Judges a request of `key` to `path` that arrived at `at`; undefined when no bucket covers it. */
  admit(key: string, path: string, at: number): RateLimitVerdict | undefined {
    const rule = this.#rules.find((candidate) => matchesPath(candidate.match ?? '/', path));
    if (rule === undefined) return undefined;
    const slot = `${rule.name}\u0000${key}`;
    const windowStart = at - (rule.windowMs ?? 1000);
    const times = (this.#admitted.get(slot) ?? []).filter((time) => time > windowStart);
    const admitted = times.length < rule.limit;
    if (admitted) times.push(at);
    else this.#throttled.set(rule.name, (this.#throttled.get(rule.name) ?? 0) + 1);
    this.#admitted.set(slot, times);
    return { bucket: rule.name, admitted };
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
