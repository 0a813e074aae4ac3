import { EventEmitter } from 'eventemitter3';
import PQueue from 'p-queue';
import { z } from 'zod';
import { ConfigError } from '../errors/config-error.js';
import type { PauseOptions, RateLimiter, ScheduleOptions } from './rate-limiter.js';

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
   * How far below the ceiling to stay, as a fraction: network jitter can bunch requests up on
   * the way, and the vendor counts arrivals, not starts. @defaultValue 0.015
   */
  safetyMargin?: number | undefined;
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
const bucketSchema = z.object({
  name: z.string().min(1),
  match: z.union([z.string().min(1), z.instanceof(RegExp), z.function()]).optional(),
  limit: positive,
  intervalMs: positive.optional(),
  concurrency: z.number().int().positive().optional(),
  safetyMargin: z.number().min(0).max(0.5).optional(),
});
const optionsSchema = z.union([
  z.object({ buckets: z.array(bucketSchema).min(1) }),
  bucketSchema.omit({ name: true, match: true }),
]);

/** The longest delay a Node.js timer can hold (about 24.8 days). */
const maxTimerMs = 2_147_483_647;

class Bucket {
  readonly queue: PQueue;
  pausedUntil = 0;
  #timer: NodeJS.Timeout | undefined;

  constructor(readonly definition: RateLimitBucket) {
    const { limit } = definition;
    const window = (definition.intervalMs ?? 1000) * (1 + (definition.safetyMargin ?? 0.015));
    const batch = batchSize(limit);
    // Starts spread over ten sub-windows per interval, on a sliding window (p-queue strict
    // mode): no window of `intervalMs` ever holds more than `limit` starts — not even where
    // fixed windows would let two bursts meet — and timer lateness is paid per sub-window,
    // not per request.
    this.queue = new PQueue({
      concurrency: definition.concurrency ?? Math.max(1, Math.ceil(limit)),
      intervalCap: batch,
      interval: (window * batch) / limit,
      strict: true,
    });
  }

  pause(requested: number, now: number): boolean {
    const ms = Math.min(requested, maxTimerMs);
    const until = now + ms;
    if (until <= this.pausedUntil) return false;
    this.pausedUntil = until;
    this.queue.pause();
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.resume(), ms);
    return true;
  }

  resume(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.pausedUntil = 0;
    this.queue.start();
  }
}

/**
 * The in-process {@link RateLimiter}: per-route buckets on p-queue, each with a request rate
 * (sliding window, starts spread over ten sub-windows per interval, 1.5 % under the ceiling by
 * default) and a concurrency cap. A pause stops the whole bucket —
 * every request of the account on those routes — not only the request that was throttled.
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
   * @throws {@link ConfigError} when a limit is not positive or there is not exactly one
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
    return bucket.queue.add(task, {
      priority: options.priority ?? 0,
      ...(options.signal ? { signal: options.signal } : {}),
    });
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
        waiting: bucket.queue.size,
        running: bucket.queue.pending,
        pausedUntil: bucket.pausedUntil,
      };
    }
    return result;
  }

  /** Resolves when no task waits or runs in any bucket. */
  async onIdle(): Promise<void> {
    await Promise.all(this.#buckets.map((bucket) => bucket.queue.onIdle()));
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

/** The largest divisor of `limit` up to a tenth of it: starts per sub-window. */
function batchSize(limit: number): number {
  if (!Number.isInteger(limit)) return 1;
  for (let size = Math.max(1, Math.floor(limit / 10)); size > 1; size -= 1) {
    if (limit % size === 0) return size;
  }
  return 1;
}

function matches(match: RegExp | ((route: string) => boolean), route: string): boolean {
  return match instanceof RegExp ? match.test(route) : match(route);
}
