import { matchesPath, type PathMatcher } from './path-matcher.js';

/** Options of `fail()`: make the next matching requests fail with `status`. */
export interface FailOptions {
  /** The HTTP status to answer, e.g. 500 or 503. */
  readonly status: number;
  /** How many matching requests fail. @defaultValue 1 */
  readonly times?: number | undefined;
  /** Only requests whose path this matches fail (a prefix, a pattern or a predicate). */
  readonly path?: PathMatcher | undefined;
  /** The body to answer with. @defaultValue the vendor's usual body for `status` */
  readonly body?: unknown;
}

/** Options of `drop()`: close the connection of the next matching requests without answering. */
export interface DropOptions {
  /** How many matching requests are dropped. @defaultValue 1 */
  readonly times?: number | undefined;
  /** Only requests whose path this matches are dropped. */
  readonly path?: PathMatcher | undefined;
  /**
   * Handle the request first, then drop the connection: a lost answer — the vendor did it, the
   * caller never learns. @defaultValue false (dropped unhandled)
   */
  readonly afterHandling?: boolean | undefined;
}

/** Added latency: a fixed number of milliseconds, or a `[min, max]` range picked at random. */
export type Latency = number | readonly [min: number, max: number];

/** What happens to a request instead of its normal answer. */
export type Fault =
  | { readonly kind: 'fail'; readonly status: number; readonly body: unknown }
  | { readonly kind: 'drop'; readonly afterHandling: boolean };

interface Pending {
  readonly fault: FailOptions | (DropOptions & { readonly drop: true });
  remaining: number;
}

/** Queued faults and latency, consumed by the requests they match, first queued first. */
export class FaultInjector {
  readonly #pending: Pending[] = [];
  #latency: Latency = 0;

  /** @param latency - the latency to start with */
  constructor(latency: Latency = 0) {
    this.setLatency(latency);
  }

  /** Queues a failure for the next `times` requests matching `path`. */
  fail(options: FailOptions): void {
    if (!Number.isInteger(options.status) || options.status < 100 || options.status > 599) {
      throw new RangeError(`fail(): status must be an HTTP status code, got ${options.status}`);
    }
    this.#pending.push({ fault: options, remaining: checkedTimes(options.times) });
  }

  /** Queues dropped connections for the next `times` requests matching `path`. */
  drop(options: DropOptions = {}): void {
    this.#pending.push({
      fault: { ...options, drop: true },
      remaining: checkedTimes(options.times),
    });
  }

  /** Sets the latency every answer gets from now on; `0` turns it off. */
  setLatency(latency: Latency): void {
    const [min, max] = typeof latency === 'number' ? [latency, latency] : latency;
    if (!(min >= 0 && max >= min)) throw new RangeError('Latency must be ms >= 0 or [min, max]');
    this.#latency = latency;
  }

  /** Forgets every queued fault (latency stays). */
  clear(): void {
    this.#pending.length = 0;
  }

  /** Takes the first queued fault matching `path`, or undefined when none does. */
  take(path: string): Fault | undefined {
    const index = this.#pending.findIndex(({ fault }) => matchesPath(fault.path ?? '/', path));
    const pending = this.#pending[index];
    if (pending === undefined) return undefined;
    pending.remaining -= 1;
    if (pending.remaining <= 0) this.#pending.splice(index, 1);
    const { fault } = pending;
    return 'drop' in fault
      ? { kind: 'drop', afterHandling: fault.afterHandling === true }
      : { kind: 'fail', status: fault.status, body: fault.body };
  }

  /** The latency for the next answer, in milliseconds. */
  nextLatency(): number {
    if (typeof this.#latency === 'number') return this.#latency;
    const [min, max] = this.#latency;
    return min + Math.random() * (max - min);
  }
}

function checkedTimes(times = 1): number {
  if (!Number.isInteger(times) || times < 1) throw new RangeError('times must be an integer >= 1');
  return times;
}
