import { afterEach, describe, expect, it, vi } from 'vitest';
import { delay } from '../util/delay.js';
import { LocalRateLimiter } from './local-rate-limiter.js';

afterEach(() => {
  vi.useRealTimers();
});

// Node's timers fire a millisecond before Date.now() reaches their time now and then (they count
// from the loop's cached time). Here the clock is set back behind the timers to make that happen.
describe('timers that fire before the clock gets there', () => {
  it('a paused bucket starts nothing before the pause is over by the clock', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: 1_000_000 });
    const limiter = new LocalRateLimiter({ limit: 1_000_000 });
    const first = limiter.schedule(async () => {}); // the first window's pacing: behind us
    await vi.advanceTimersByTimeAsync(2_000);
    await first;
    let until = 0;
    limiter.once('paused', (state) => {
      until = state.until;
    });
    limiter.pause(40);
    let startedAt: number | undefined;
    const task = limiter.schedule(async () => {
      startedAt = Date.now();
    });
    await vi.advanceTimersByTimeAsync(0);
    vi.setSystemTime(Date.now() - 5); // the pause's timer will fire 5 ms before `until`
    await vi.advanceTimersByTimeAsync(40);
    expect(Date.now()).toBe(until - 5);
    expect(startedAt).toBeUndefined();
    await vi.advanceTimersByTimeAsync(5);
    await task;
    expect(startedAt).toBe(until);
    limiter.close();
  });

  it('delay(), the wait before a retry, resolves only once the clock has moved on', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: 1_000_000 });
    let done = false;
    const waited = delay(1_000).then(() => {
      done = true;
    });
    vi.setSystemTime(Date.now() - 3); // its timer will fire 3 ms before the clock gets there
    await vi.advanceTimersByTimeAsync(1_000);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(3);
    await waited;
    expect(Date.now()).toBe(1_000_997 + 3);
  });
});
