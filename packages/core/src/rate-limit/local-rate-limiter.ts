import { EventEmitter } from 'eventemitter3';
import { z } from 'zod';
import { ConfigError } from '../errors/config-error.js';
import { Bucket } from './bucket.js';
import type { PauseOptions, RateLimiter, ScheduleOptions } from './rate-limiter.js';

/**
 * One more window a bucket keeps beside its own `limit` per `intervalMs`, for vendors that
 * count several at once (5 per second and 500 per hour…): a request starts only when every
 * window of its bucket has room.
 */
export interface RateLimitWindow {
  /** Requests allowed per interval. */
  limit: number;
  /** The interval, in milliseconds. */
  intervalMs: number;
  /**
   * How far below the ceiling to stay, as a fraction of the interval.
   * @defaultValue the bucket's `safetyMargin`
   */
  safetyMargin?: number | undefined;
  /**
   * Whether the window starts full, as the bucket's own window does: the previous process
   * (before a restart) is assumed to have used the whole budget, spread as the pacing spreads
   * it (a tenth of the window at a time). Off, the window counts only this process's requests —
   * waiting out an hour's or a day's budget after every restart would cost more than the rare
   * throttled answer a quick restart may earn.
   * @defaultValue false
   */
  startFull?: boolean | undefined;
}

/** One rate-limit bucket: the routes it serves and how fast they may be called. */
export interface RateLimitBucket {
  /** Name for logs and stats, e.g. `telephony`. */
  name: string;
  /**
   * The routes this bucket serves: a path prefix, a pattern, or a predicate. Exactly one
   * bucket has no `match`: the default, serving every route no other bucket matches.
   */
  match?: string | RegExp | ((route: string) => boolean) | undefined;
  /** Requests allowed per interval. */
  limit: number;
  /** The interval, in milliseconds. @defaultValue 1000 */
  intervalMs?: number | undefined;
  /** Requests in flight at once. @defaultValue the bucket's `limit` */
  concurrency?: number | undefined;
  /**
   * How far below the ceiling to stay, as a fraction: the window this side keeps is this much
   * longer than the vendor's, for what the round trips cannot show (clock granularity, a
   * request that reached the vendor faster than the fastest round trip suggests).
   * @defaultValue 0.015
   */
  safetyMargin?: number | undefined;
  /**
   * More windows the same requests count against (e.g. 50 per minute and 500 per hour beside
   * 5 per second); a request starts only when every one has room. @defaultValue none
   */
  windows?: readonly RateLimitWindow[] | undefined;
}

/** Several buckets, each serving the routes it matches. */
export interface RateLimitBuckets {
  /** The buckets; exactly one has no `match` (the default). */
  buckets: readonly RateLimitBucket[];
}

/** Options of {@link LocalRateLimiter}: either one bucket's limits, or a list of buckets. */
export type LocalRateLimiterOptions = RateLimitBuckets | Omit<RateLimitBucket, 'name' | 'match'>;

/** Events a {@link LocalRateLimiter} emits. */
export interface LocalRateLimiterEvents {
  /** A bucket was paused (the vendor said wait): its name, the pause and when it ends. */
  paused: (state: { bucket: string; ms: number; until: number }) => void;
}

/** A snapshot of one bucket, from {@link LocalRateLimiter.stats}. */
export interface BucketStats {
  /** Tasks waiting for their turn. */
  readonly waiting: number;
  /** Tasks running now. */
  readonly running: number;
  /** When the current pause ends (epoch ms), or 0 when not paused. */
  readonly pausedUntil: number;
}

const positive = z.number().positive().finite();
const safetyMarginSchema = z.number().min(0).max(0.5);
/** The schema of one {@link RateLimitWindow}. */
export const rateLimitWindowSchema = z.strictObject({
  limit: positive,
  intervalMs: positive,
  safetyMargin: safetyMarginSchema.optional(),
  startFull: z.boolean().optional(),
});
const bucketSchema = z.object({
  name: z.string().min(1),
  match: z.union([z.string().min(1), z.instanceof(RegExp), z.function()]).optional(),
  limit: positive,
  intervalMs: positive.optional(),
  concurrency: z.number().int().positive().optional(),
  safetyMargin: safetyMarginSchema.optional(),
  windows: z.array(rateLimitWindowSchema).optional(),
});
const optionsSchema = z.union([
  z.object({ buckets: z.array(bucketSchema).min(1) }),
  bucketSchema.omit({ name: true, match: true }),
]);

/**
 * The in-process {@link RateLimiter}: per-route buckets, each with a request rate (a sliding
 * window, starts spread over ten sub-windows per interval, 1.5 % under the ceiling by default)
 * and a concurrency cap. A pause stops the whole bucket — every request of the account on
 * those routes — not only the request that was throttled.
 *
 * The vendor counts arrivals, not starts: a request whose round trip took longer than the
 * fastest one (a cold process's first, the first after a reconnect) keeps its place in the
 * window that much longer, so requests slowed on the way never bunch up with later ones in
 * the vendor's window. A new bucket assumes the previous process (before a restart) used the
 * whole budget of the last window, paced as this one paces it: its first start waits one
 * sub-window (a tenth of the interval) and the first window's starts are spread like any other.
 *
 * @example
 * ```ts
 * // retailCRM: 10 requests/s in general, 40 requests/s for /telephony/*
 * const limiter = new LocalRateLimiter({
 *   buckets: [
 *     { name: 'telephony', match: '/telephony/', limit: 40 },
 *     { name: 'default', limit: 10 },
 *   ],
 * });
 * await limiter.schedule(() => fetch(url), { route: '/telephony/call/event' });
 * ```
 */
export class LocalRateLimiter extends EventEmitter<LocalRateLimiterEvents> implements RateLimiter {
  readonly #buckets: readonly Bucket[];
  readonly #fallback: Bucket;

  /**
   * @param options - one bucket's limits, or the list of buckets
   * @throws {@link index!ConfigError} when a limit is not positive or there is not exactly one
   *   default bucket
   */
  constructor(options: LocalRateLimiterOptions) {
    super();
    const parsed = optionsSchema.safeParse(options);
    if (!parsed.success) throw ConfigError.fromIssues('LocalRateLimiter', parsed.error.issues);
    const definitions = 'buckets' in options ? options.buckets : [{ ...options, name: 'default' }];
    const defaults = definitions.filter((bucket) => bucket.match === undefined);
    if (defaults.length !== 1) {
      throw new ConfigError(
        `LocalRateLimiter needs exactly one bucket without \`match\` (the default), got ${defaults.length}`,
        { issues: [{ path: 'buckets', message: 'exactly one default bucket required' }] },
      );
    }
    this.#buckets = definitions.map((definition) => new Bucket(definition));
    this.#fallback = this.#buckets.find(
      (bucket) => bucket.definition.match === undefined,
    ) as Bucket;
  }

  /** {@inheritDoc RateLimiter.schedule} */
  schedule<T>(task: () => Promise<T>, options: ScheduleOptions = {}): Promise<T> {
    const bucket = this.#bucketFor(options.route);
    return bucket.add(task, options.priority ?? 0, options.signal);
  }

  /** {@inheritDoc RateLimiter.pause} */
  pause(ms: number, options: PauseOptions = {}): void {
    if (!(ms > 0)) return;
    const now = Date.now();
    const buckets = options.route === undefined ? this.#buckets : [this.#bucketFor(options.route)];
    for (const bucket of buckets) {
      if (bucket.pause(ms, now)) {
        this.emit('paused', { bucket: bucket.definition.name, ms, until: bucket.pausedUntil });
      }
    }
  }

  /** The name of the bucket that serves `route`. */
  bucketName(route?: string): string {
    return this.#bucketFor(route).definition.name;
  }

  /** A snapshot of every bucket: waiting, running, paused until. */
  stats(): Record<string, BucketStats> {
    const result: Record<string, BucketStats> = {};
    for (const bucket of this.#buckets) {
      result[bucket.definition.name] = {
        waiting: bucket.waiting,
        running: bucket.running,
        pausedUntil: bucket.pausedUntil,
      };
    }
    return result;
  }

  /** Resolves when no task waits or runs in any bucket. */
  async onIdle(): Promise<void> {
    await Promise.all(this.#buckets.map((bucket) => bucket.onIdle()));
  }

  /** Ends every pause and drops the timers, so the limiter keeps no process alive. */
  close(): void {
    for (const bucket of this.#buckets) bucket.resume();
  }

  #bucketFor(route: string | undefined): Bucket {
    if (route === undefined) return this.#fallback;
    for (const bucket of this.#buckets) {
      const { match } = bucket.definition;
      if (match === undefined) continue;
      if (typeof match === 'string' ? route.startsWith(match) : matches(match, route))
        return bucket;
    }
    return this.#fallback;
  }
}

function matches(match: RegExp | ((route: string) => boolean), route: string): boolean {
  return match instanceof RegExp ? match.test(route) : match(route);
}
