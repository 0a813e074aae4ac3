import { atMonotonic } from '../util/monotonic-timer.js';
import type { RateLimitBucket, RateLimitWindow } from './local-rate-limiter.js';
import { RateWindow, type SentRequest } from './rate-window.js';

/** The longest delay a Node.js timer can hold (about 24.8 days). */
const maxTimerMs = 2_147_483_647;

interface Waiting {
  readonly priority: number;
  /** Starts the task. */
  readonly run: () => void;
}

/**
 * One rate-limit bucket: the tasks waiting for their turn (highest priority first, then in
 * order), the ones running, a pause, and the {@link RateWindow}s deciding when the next starts
 * (its own, then any `windows` more: a task starts when every one has room).
 */
export class Bucket {
  pausedUntil = 0;
  readonly #windows: readonly RateWindow[];
  readonly #concurrency: number;
  readonly #waiting: Waiting[] = [];
  #running = 0;
  #cancelPause: (() => void) | undefined;
  #startTimer: NodeJS.Timeout | undefined;
  #idle: Array<() => void> = [];

  constructor(readonly definition: RateLimitBucket) {
    const { limit } = definition;
    const now = Date.now();
    const safetyMargin = definition.safetyMargin ?? 0.015;
    const own: RateLimitWindow = {
      limit,
      intervalMs: definition.intervalMs ?? 1000,
      startFull: true,
    };
    this.#windows = [own, ...(definition.windows ?? [])].map(
      (window) =>
        new RateWindow({
          limit: window.limit,
          intervalMs: window.intervalMs,
          safetyMargin: window.safetyMargin ?? safetyMargin,
          // A window starting full is paced, so its assumed budget spreads like a real one;
          // one starting empty is a plain sliding window.
          batch: window.startFull ? batchSize(window.limit) : Math.ceil(window.limit),
          now,
          prefilled: window.startFull ?? false,
        }),
    );
    this.#concurrency = definition.concurrency ?? Math.max(1, Math.ceil(limit));
  }

  /** Tasks waiting for their turn. */
  get waiting(): number {
    return this.#waiting.length;
  }

  /** Tasks running now. */
  get running(): number {
    return this.#running;
  }

  /** Runs `task` when the bucket allows; aborting `signal` while it waits rejects with the reason. */
  add<T>(task: () => Promise<T>, priority: number, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => {
        const index = this.#waiting.indexOf(entry);
        if (index >= 0) this.#waiting.splice(index, 1);
        reject(signal?.reason);
        this.#drain();
      };
      const entry: Waiting = {
        priority,
        run: () => {
          signal?.removeEventListener('abort', onAbort);
          this.#run(task).then(resolve, reject);
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#enqueue(entry);
      this.#drain();
    });
  }

  /** Stops starting tasks for `requested` ms; false when an equal or longer pause is on. */
  pause(requested: number, now: number): boolean {
    const ms = Math.min(requested, maxTimerMs);
    const until = now + ms;
    if (until <= this.pausedUntil) return false;
    this.pausedUntil = until;
    this.#cancelPause?.();
    // By the monotonic clock: a request started early would beat its Retry-After.
    this.#cancelPause = atMonotonic(performance.now() + ms, () => this.resume());
    return true;
  }

  /** Ends the pause, if any, and starts what may start. */
  resume(): void {
    this.#cancelPause?.();
    this.#cancelPause = undefined;
    this.pausedUntil = 0;
    this.#drain();
  }

  /** Resolves when no task waits or runs. */
  onIdle(): Promise<void> {
    if (this.#waiting.length === 0 && this.#running === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }

  async #run<T>(task: () => Promise<T>): Promise<T> {
    const started = Date.now();
    const sent: SentRequest[] = this.#windows.map((window) => window.start(started));
    this.#running += 1;
    try {
      return await task();
    } finally {
      const ended = Date.now();
      for (const [index, window] of this.#windows.entries()) {
        window.settle(sent[index] as SentRequest, ended);
      }
      this.#running -= 1;
      this.#drain();
    }
  }

  #enqueue(entry: Waiting): void {
    // After the last entry of the same or a higher priority: FIFO within a priority.
    let index = this.#waiting.length;
    while (index > 0 && (this.#waiting[index - 1] as Waiting).priority < entry.priority) index -= 1;
    this.#waiting.splice(index, 0, entry);
  }

  /** Starts every waiting task the window, the concurrency and the pause allow now. */
  #drain(): void {
    clearTimeout(this.#startTimer);
    this.#startTimer = undefined;
    while (this.#waiting.length > 0 && this.#running < this.#concurrency && !this.pausedUntil) {
      const now = Date.now();
      const wait = Math.max(...this.#windows.map((window) => window.wait(now)));
      if (wait > 0) {
        // Infinity: every place in the window is held by a request in flight; its end drains.
        if (wait !== Number.POSITIVE_INFINITY) {
          this.#startTimer = setTimeout(() => this.#drain(), Math.max(1, wait));
        }
        return;
      }
      (this.#waiting.shift() as Waiting).run();
    }
    if (this.#waiting.length === 0 && this.#running === 0) {
      for (const resolve of this.#idle.splice(0)) resolve();
    }
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
