import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConfigError } from '../errors/config-error.js';
import { LocalRateLimiter, type RateLimitWindow } from './local-rate-limiter.js';
import { MultiWindowRateLimiter } from './multi-window-limiter.js';

/** The most starts found in any half-open window of `windowMs`. */
function maxInWindow(starts: readonly number[], windowMs: number): number {
  const sorted = [...starts].sort((a, b) => a - b);
  let most = 0;
  let first = 0;
  for (let last = 0; last < sorted.length; last += 1) {
    while ((sorted[last] as number) - (sorted[first] as number) >= windowMs) first += 1;
    most = Math.max(most, last - first + 1);
  }
  return most;
}

const teycaWindows: RateLimitWindow[] = [
  { limit: 5, intervalMs: 1000 },
  { limit: 50, intervalMs: 60_000 },
  { limit: 500, intervalMs: 3_600_000 },
  { limit: 5000, intervalMs: 86_400_000 },
];

/** Keeps `limiter` busy with `count` tasks of `taskMs` each, recording every start. */
function flood(limiter: MultiWindowRateLimiter, count: number, taskMs: number, starts: number[]) {
  const task = () =>
    new Promise<void>((resolve) => {
      starts.push(Date.now());
      setTimeout(resolve, taskMs);
    });
  return Promise.all(Array.from({ length: count }, () => limiter.schedule(task)));
}

function expectWithin(starts: readonly number[], windows: readonly RateLimitWindow[]): void {
  for (const { limit, intervalMs } of windows) {
    expect(maxInWindow(starts, intervalMs), `${limit} per ${intervalMs} ms`).toBeLessThanOrEqual(
      limit,
    );
  }
}

describe('MultiWindowRateLimiter', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0, toFake: ['setTimeout', 'clearTimeout', 'Date', 'performance'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('rejects a missing, empty or non-positive window list, naming the option', () => {
    expect(() => new MultiWindowRateLimiter({ windows: [] })).toThrow(ConfigError);
    expect(() => new MultiWindowRateLimiter({ windows: [{ limit: 0, intervalMs: 1000 }] })).toThrow(
      /windows/,
    );
    expect(() => new MultiWindowRateLimiter({ windows: [{ limit: 5, intervalMs: -1 }] })).toThrow(
      ConfigError,
    );
    expect(
      () =>
        new MultiWindowRateLimiter({ windows: [{ limit: 5, intervalMs: 1000 }], concurrency: 0 }),
    ).toThrow(/concurrency/);
  });

  it('a 10-minute run never exceeds any of the four windows and fills the binding (hourly) one to >= 0.95', async () => {
    const limiter = new MultiWindowRateLimiter({ windows: teycaWindows });
    const starts: number[] = [];
    const done = flood(limiter, 700, 40, starts);
    await vi.advanceTimersByTimeAsync(600_000);
    expectWithin(starts, teycaWindows);
    // 50/min over ten minutes meets 500/h: the hour is the binding window at the end of the run.
    expect(starts.length).toBeGreaterThanOrEqual(0.95 * 500);
    expect(starts.length).toBeLessThanOrEqual(500);
    expect(maxInWindow(starts, 60_000)).toBeGreaterThanOrEqual(0.95 * 50);
    limiter.close();
    void done;
  });

  it('a daily cap binds a fast run: >= 0.95 of 5,000 in the day, never more, nothing after it', async () => {
    const windows = [
      { limit: 10, intervalMs: 1000 },
      { limit: 5000, intervalMs: 86_400_000 },
    ];
    const limiter = new MultiWindowRateLimiter({ windows });
    const starts: number[] = [];
    void flood(limiter, 6000, 20, starts);
    await vi.advanceTimersByTimeAsync(3_600_000);
    expectWithin(starts, windows);
    expect(starts.length).toBeGreaterThanOrEqual(0.95 * 5000);
    const atCap = starts.length;
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(starts.length).toBe(atCap);
    limiter.close();
  });

  it('keeps the first-window safety of LocalRateLimiter: the shortest window starts full, the longer ones empty', async () => {
    const limiter = new MultiWindowRateLimiter({
      windows: [
        { limit: 500, intervalMs: 3_600_000 },
        { limit: 5, intervalMs: 1000 },
      ],
    });
    const single = new LocalRateLimiter({ limit: 5 });
    const starts: number[] = [];
    const singleStarts: number[] = [];
    void flood(limiter, 10, 1, starts);
    void single.schedule(async () => void singleStarts.push(Date.now()));
    await vi.advanceTimersByTimeAsync(3000);
    // The first start waits one pacing step, as with a lone 5/s window — not an hour.
    expect(starts[0]).toBe(singleStarts[0]);
    expect(starts[0]).toBeGreaterThan(0);
    expect(starts).toHaveLength(10);
    expect(maxInWindow(starts, 1000)).toBeLessThanOrEqual(5);
    limiter.close();
  });

  it('a window asked to start full waits for its budget after a restart', async () => {
    const limiter = new MultiWindowRateLimiter({
      windows: [
        { limit: 5, intervalMs: 1000 },
        { limit: 20, intervalMs: 60_000, startFull: true },
      ],
    });
    const starts: number[] = [];
    void flood(limiter, 3, 1, starts);
    await vi.advanceTimersByTimeAsync(5000);
    expect(starts).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(starts.length).toBeGreaterThan(0);
    limiter.close();
  });

  it('pause(ms) (a Retry-After) stops every start for that long, whatever the windows allow', async () => {
    const limiter = new MultiWindowRateLimiter({ windows: teycaWindows });
    const paused: number[] = [];
    limiter.on('paused', ({ ms }) => paused.push(ms));
    const starts: number[] = [];
    void flood(limiter, 3, 1, starts);
    await vi.advanceTimersByTimeAsync(1000);
    expect(starts).toHaveLength(3);
    limiter.pause(60_000);
    void flood(limiter, 2, 1, starts);
    await vi.advanceTimersByTimeAsync(59_999);
    expect(starts).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(2000);
    expect(starts).toHaveLength(5);
    expect(paused).toEqual([60_000]);
    limiter.close();
  });

  it('LocalRateLimiter buckets take extra windows too (a per-route bucket with an hourly cap)', async () => {
    const limiter = new LocalRateLimiter({
      buckets: [
        { name: 'send', match: '/send/', limit: 5, windows: [{ limit: 8, intervalMs: 3_600_000 }] },
        { name: 'default', limit: 5 },
      ],
    });
    const sends: number[] = [];
    const others: number[] = [];
    const task = (list: number[]) => async () => void list.push(Date.now());
    for (let index = 0; index < 12; index += 1) {
      void limiter.schedule(task(sends), { route: '/send/sms' });
      void limiter.schedule(task(others), { route: '/passes' });
    }
    await vi.advanceTimersByTimeAsync(10_000);
    expect(sends).toHaveLength(8);
    expect(others).toHaveLength(12);
    limiter.close();
  });
});
