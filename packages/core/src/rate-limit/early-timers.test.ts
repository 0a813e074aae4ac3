import { afterEach, describe, expect, it, vi } from 'vitest';
import { delay } from '../util/delay.js';
import { LocalRateLimiter } from './local-rate-limiter.js';

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

/**
 * Node's timers fire a millisecond before their time now and then (they count from the loop's
 * cached time). Here the monotonic clock is moved by hand, behind the fake timers.
 */
function handMovedMonotonicClock() {
  const clock = { now: 0 };
  vi.spyOn(performance, 'now').mockImplementation(() => clock.now);
  return clock;
}

describe('timers that fire before their time', () => {
  it('a paused bucket starts nothing before the pause is over', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: 1_000_000 });
    const limiter = new LocalRateLimiter({ limit: 1_000_000 });
    const first = limiter.schedule(async () => {}); // the first window's pacing: behind us
    await vi.advanceTimersByTimeAsync(2_000);
    await first;
    const clock = handMovedMonotonicClock();
    limiter.pause(40);
    let started = false;
    const task = limiter.schedule(async () => {
      started = true;
    });
    await vi.advanceTimersByTimeAsync(40); // the pause's timer fires: 0 ms have passed
    expect(started).toBe(false);
    clock.now = 40;
    await vi.advanceTimersByTimeAsync(2_000);
    await task;
    expect(started).toBe(true);
    limiter.close();
  });

  it('delay(), the wait before a retry, resolves only once its time has passed', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const clock = handMovedMonotonicClock();
    let done = false;
    const waited = delay(1_000).then(() => {
      done = true;
    });
    await vi.advanceTimersByTimeAsync(1_000); // its timer fires: 0 ms have passed
    expect(done).toBe(false);
    clock.now = 999;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(done).toBe(false);
    clock.now = 1_000;
    await vi.advanceTimersByTimeAsync(1_000);
    await waited;
    expect(done).toBe(true);
  });
});
