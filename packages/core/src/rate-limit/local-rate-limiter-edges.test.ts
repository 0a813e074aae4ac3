/**
 * The rate limiter at the edges of a process's life (issue 9, §2): the vendor counts arrivals
 * in a sliding window, a cold process's first requests reach it late, and a restarted process
 * does not know the window its predecessor used. Every schedule here runs on fake timers and is
 * judged as the vendor judges it: no window of its length may hold more than the limit.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { seededRandom } from '../__fixtures__/seeded-random.js';
import { LocalRateLimiter } from './local-rate-limiter.js';

/** The most times found in any half-open window of `windowMs` (the simulators' window). */
function maxInWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  let first = 0;
  for (let last = 0; last < sorted.length; last += 1) {
    while ((sorted[last] as number) - (sorted[first] as number) >= windowMs) first += 1;
    most = Math.max(most, last - first + 1);
  }
  return most;
}

/** How long one request takes on the way to the vendor and back. */
interface Trip {
  readonly forward: number;
  readonly back: number;
}

/** A vendor reached through `limiter`: records when each request arrives, answers after `back`. */
function vendor(limiter: LocalRateLimiter, trip: (index: number) => Trip, route?: string) {
  const starts: number[] = [];
  const arrivals: number[] = [];
  let sent = 0;
  const send = () =>
    limiter.schedule(
      async () => {
        const { forward, back } = trip(sent);
        sent += 1;
        starts.push(Date.now());
        await new Promise((resolve) => setTimeout(resolve, forward));
        arrivals.push(Date.now());
        await new Promise((resolve) => setTimeout(resolve, back));
      },
      { route },
    );
  return { starts, arrivals, send };
}

describe('LocalRateLimiter at the edges of a process', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0, toFake: ['setTimeout', 'clearTimeout', 'Date', 'performance'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('a cold start: the first requests reach the vendor late, yet no window holds 11 at 10 rps', async () => {
    const limiter = new LocalRateLimiter({ limit: 10 });
    // The first three load code and open a connection: 40 ms on the way instead of 1.
    const { arrivals, send } = vendor(limiter, (index) => ({
      forward: index < 3 ? 40 : 1,
      back: 1,
    }));
    const all = Promise.all(Array.from({ length: 40 }, send));
    await vi.advanceTimersByTimeAsync(10_000);
    await all;
    expect(arrivals).toHaveLength(40);
    expect(maxInWindow(arrivals, 1000)).toBeLessThanOrEqual(10);
  });

  it('a cold start of the telephony bucket: no window holds 41 at 40 rps', async () => {
    const limiter = new LocalRateLimiter({
      buckets: [
        { name: 'telephony', match: '/telephony/', limit: 40 },
        { name: 'default', limit: 10 },
      ],
    });
    // The first batch (4 at once) opens four connections: 30 ms on the way.
    const { arrivals, send } = vendor(
      limiter,
      (index) => ({ forward: index < 4 ? 30 : 2, back: 2 }),
      '/telephony/call/event',
    );
    const all = Promise.all(Array.from({ length: 160 }, send));
    await vi.advanceTimersByTimeAsync(10_000);
    await all;
    expect(arrivals).toHaveLength(160);
    expect(maxInWindow(arrivals, 1000)).toBeLessThanOrEqual(40);
  });

  it('after an idle spell the first requests reconnect and arrive late: still never over', async () => {
    const limiter = new LocalRateLimiter({ limit: 10 });
    let slow = new Set([0, 1]);
    const { arrivals, send } = vendor(limiter, (index) => ({
      forward: slow.has(index) ? 60 : 1,
      back: 1,
    }));
    const first = Promise.all(Array.from({ length: 20 }, send));
    await vi.advanceTimersByTimeAsync(5_000);
    await first;
    slow = new Set([20, 21, 22]); // the connection was closed while idle
    await vi.advanceTimersByTimeAsync(10_000);
    const second = Promise.all(Array.from({ length: 30 }, send));
    await vi.advanceTimersByTimeAsync(10_000);
    await second;
    expect(arrivals).toHaveLength(50);
    expect(maxInWindow(arrivals, 1000)).toBeLessThanOrEqual(10);
  });

  it('jitter on the way (1–40 ms) and back (1–10 ms), seeded: no window holds 51 at 50 rps', async () => {
    const random = seededRandom(9);
    const limiter = new LocalRateLimiter({ limit: 50 });
    const { arrivals, send } = vendor(limiter, () => ({
      forward: 1 + Math.floor(random() * 40),
      back: 1 + Math.floor(random() * 10),
    }));
    const all = Promise.all(Array.from({ length: 400 }, send));
    await vi.advanceTimersByTimeAsync(12_000);
    await all;
    expect(arrivals).toHaveLength(400);
    expect(maxInWindow(arrivals, 1000)).toBeLessThanOrEqual(50);
  });

  it('a restart: the predecessor used the full budget up to the restart; no window holds 11', async () => {
    // The previous process sent 10 requests in its last second, evenly at the ceiling, the
    // last one at the very moment this process starts (t = 5000).
    const predecessor = Array.from({ length: 10 }, (_, index) => 5000 - index * 100);
    vi.setSystemTime(5000);
    const limiter = new LocalRateLimiter({ limit: 10 });
    const { arrivals, send } = vendor(limiter, () => ({ forward: 1, back: 1 }));
    const all = Promise.all(Array.from({ length: 30 }, send));
    await vi.advanceTimersByTimeAsync(5_000);
    await all;
    expect(maxInWindow([...predecessor, ...arrivals], 1000)).toBeLessThanOrEqual(10);
  });

  it('a restart right after a crossline predecessor ran flat out: no window holds 11', async () => {
    const before = new LocalRateLimiter({ limit: 10 });
    const earlier: number[] = [];
    let alive = true;
    for (let index = 0; index < 100; index += 1) {
      void before.schedule(async () => {
        if (!alive) return; // a killed process sends nothing more
        await new Promise((resolve) => setTimeout(resolve, 2));
        earlier.push(Date.now()); // what was on the way still arrives
        await new Promise((resolve) => setTimeout(resolve, 2));
      });
    }
    await vi.advanceTimersByTimeAsync(3_000);
    alive = false; // SIGKILL at t = 3000, and a new process starts at once
    const limiter = new LocalRateLimiter({ limit: 10 });
    const { arrivals, send } = vendor(limiter, () => ({ forward: 2, back: 2 }));
    const all = Promise.all(Array.from({ length: 30 }, send));
    await vi.advanceTimersByTimeAsync(5_000);
    await all;
    before.close();
    expect(earlier.length).toBeGreaterThanOrEqual(25);
    expect(maxInWindow([...earlier, ...arrivals], 1000)).toBeLessThanOrEqual(10);
  });

  it('the steady state keeps the ceiling pace whatever the round trip (100 requests at 10 rps, 80 ms each)', async () => {
    const limiter = new LocalRateLimiter({ limit: 10 });
    const { starts, arrivals, send } = vendor(limiter, () => ({ forward: 40, back: 40 }));
    const all = Promise.all(Array.from({ length: 100 }, send));
    await vi.advanceTimersByTimeAsync(12_000);
    await all;
    expect(maxInWindow(arrivals, 1000)).toBeLessThanOrEqual(10);
    // 1.5 % under the ceiling, the first start one sub-window after construction: ~10.15 s,
    // not the 10.8 s of holding every slot for its whole round trip.
    expect(Math.max(...starts)).toBeLessThan(10_300);
  });
});
