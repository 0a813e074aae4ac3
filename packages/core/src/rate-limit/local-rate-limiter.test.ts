import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConfigError } from '../errors/config-error.js';
import { LocalRateLimiter } from './local-rate-limiter.js';
import { RateLimiterRegistry } from './rate-limiter-registry.js';

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

describe('LocalRateLimiter', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0, toFake: ['setTimeout', 'clearTimeout', 'Date', 'performance'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const record = (limiter: LocalRateLimiter, route: string | undefined, starts: number[]) =>
    limiter.schedule(
      async () => {
        starts.push(Date.now());
      },
      { route },
    );

  it('rejects invalid limits at construction, naming the option', () => {
    expect(() => new LocalRateLimiter({ limit: 0 })).toThrow(ConfigError);
    expect(() => new LocalRateLimiter({ limit: 10, concurrency: 0 })).toThrow(/concurrency/);
    expect(
      () =>
        new LocalRateLimiter({
          buckets: [
            { name: 'a', limit: 1 },
            { name: 'b', limit: 1 },
          ],
        }),
    ).toThrow(/exactly one bucket without `match`/);
    expect(() => new LocalRateLimiter({ buckets: [{ name: 'a', match: '/a', limit: 1 }] })).toThrow(
      ConfigError,
    );
  });

  it('never starts more than the limit in any window, spacing starts evenly', async () => {
    const limiter = new LocalRateLimiter({ limit: 10 });
    const starts: number[] = [];
    const done = Promise.all(Array.from({ length: 35 }, () => record(limiter, undefined, starts)));
    await vi.advanceTimersByTimeAsync(4000);
    await done;
    expect(starts).toHaveLength(35);
    expect(maxInWindow(starts, 1000)).toBeLessThanOrEqual(10);
    expect(maxInWindow(starts, 100)).toBe(1);
    // The first start one sub-window after construction (the previous window counts as full),
    // then one every 101.5 ms: 1.5 % under the ceiling, no drift from timer rounding.
    expect(Math.min(...starts)).toBeGreaterThan(100);
    expect(Math.max(...starts)).toBeLessThanOrEqual(35 * 101.5 + 1);
  });

  it('routes to per-route buckets with their own limits (retailCRM: 10 rps, 40 rps telephony)', async () => {
    const limiter = new LocalRateLimiter({
      buckets: [
        { name: 'telephony', match: '/telephony/', limit: 40 },
        { name: 'default', limit: 10 },
      ],
    });
    const telephony: number[] = [];
    const general: number[] = [];
    for (let index = 0; index < 80; index += 1)
      void record(limiter, '/telephony/call/event', telephony);
    for (let index = 0; index < 20; index += 1) void record(limiter, '/customers/create', general);
    // A second's worth, starting a sub-window after construction.
    await vi.advanceTimersByTimeAsync(1100);
    expect(telephony).toHaveLength(40);
    expect(general).toHaveLength(10);
    expect(limiter.bucketName('/telephony/calls/upload')).toBe('telephony');
    expect(limiter.bucketName('/customers')).toBe('default');
    expect(limiter.bucketName()).toBe('default');
    await vi.advanceTimersByTimeAsync(2000);
    await limiter.onIdle();
  });

  it('a pause stops the whole bucket, not only the throttled route; other buckets go on', async () => {
    const limiter = new LocalRateLimiter({
      buckets: [
        { name: 'telephony', match: '/telephony/', limit: 40 },
        { name: 'default', limit: 100 },
      ],
    });
    const paused = vi.fn();
    limiter.on('paused', paused);
    limiter.pause(2000, { route: '/customers/create' });
    const general: number[] = [];
    const telephony: number[] = [];
    void record(limiter, '/orders', general);
    void record(limiter, '/customers/edit', general);
    void record(limiter, '/telephony/call/event', telephony);
    await vi.advanceTimersByTimeAsync(1999);
    expect(general).toEqual([]);
    expect(telephony).toHaveLength(1);
    expect(limiter.stats().default).toMatchObject({ waiting: 2, pausedUntil: 2000 });
    await vi.advanceTimersByTimeAsync(100);
    expect(general).toHaveLength(2);
    expect(Math.min(...general)).toBeGreaterThanOrEqual(2000);
    expect(paused).toHaveBeenCalledWith({ bucket: 'default', ms: 2000, until: 2000 });
  });

  it('a longer pause extends a shorter one; a shorter one never cuts it short', async () => {
    const limiter = new LocalRateLimiter({ limit: 100 });
    const starts: number[] = [];
    limiter.pause(1000);
    limiter.pause(300);
    void record(limiter, undefined, starts);
    await vi.advanceTimersByTimeAsync(999);
    expect(starts).toEqual([]);
    limiter.pause(1500); // at t=999: now paused until 2499
    await vi.advanceTimersByTimeAsync(1499);
    expect(starts).toEqual([]);
    await vi.advanceTimersByTimeAsync(2);
    expect(starts).toEqual([2499]);
  });

  it('caps concurrency', async () => {
    const limiter = new LocalRateLimiter({ limit: 1000, concurrency: 2 });
    let running = 0;
    let most = 0;
    const task = () =>
      limiter.schedule(async () => {
        running += 1;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 50));
        running -= 1;
      });
    const all = Promise.all(Array.from({ length: 6 }, task));
    await vi.advanceTimersByTimeAsync(500);
    await all;
    expect(most).toBe(2);
  });

  it('starts higher-priority tasks first', async () => {
    const limiter = new LocalRateLimiter({ limit: 10 });
    const order: string[] = [];
    const add = (name: string, priority: number) =>
      limiter.schedule(async () => void order.push(name), { priority });
    const all = Promise.all([add('first', 0), add('low', 0), add('high', 5), add('last', 0)]);
    await vi.advanceTimersByTimeAsync(500);
    await all;
    expect(order).toEqual(['high', 'first', 'low', 'last']);
  });

  it('an aborted signal removes a waiting task and rejects with the reason', async () => {
    const limiter = new LocalRateLimiter({ limit: 1 });
    const controller = new AbortController();
    const ran = vi.fn(async () => {});
    void limiter.schedule(async () => {});
    const waiting = limiter.schedule(ran, { signal: controller.signal });
    controller.abort(new Error('host shutting down'));
    await expect(waiting).rejects.toThrow('host shutting down');
    await vi.advanceTimersByTimeAsync(2000);
    expect(ran).not.toHaveBeenCalled();
  });
});

describe('RateLimiterRegistry', () => {
  it('shares one limiter per credentials', () => {
    const registry = new RateLimiterRegistry();
    const create = vi.fn(() => new LocalRateLimiter({ limit: 10 }));
    const identity = {
      vendor: 'retailcrm',
      account: 'https://a.retailcrm.ru',
      credential: 'key-1',
    };
    const first = registry.get(identity, create);
    expect(registry.get({ ...identity }, create)).toBe(first);
    expect(registry.get({ ...identity, credential: 'key-2' }, create)).not.toBe(first);
    expect(registry.get({ ...identity, account: 'https://b.retailcrm.ru' }, create)).not.toBe(
      first,
    );
    expect(create).toHaveBeenCalledTimes(3);
    expect(registry.size).toBe(3);
    expect(registry.delete(identity)).toBe(true);
    expect(registry.get(identity, create)).not.toBe(first);
  });
});
