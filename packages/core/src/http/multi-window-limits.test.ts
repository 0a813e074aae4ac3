import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RateLimitError } from '../errors/rate-limit-error.js';
import { retryDefaults, throttlePause } from './retry-policy.js';
import type { ThrottleState } from './types.js';
import { createVendorHttpClient } from './vendor-http-client.js';

let account = 0;

/** A vendor client on a fake `fetch` answering `answer(n)` for the n-th request (from 1). */
function vendor(
  limits: Parameters<typeof createVendorHttpClient>[0]['limits'],
  answer: (n: number) => Response,
) {
  const arrivals: number[] = [];
  const throttles: ThrottleState[] = [];
  account += 1;
  const http = createVendorHttpClient({
    vendor: 'windows-test',
    account: `https://a${account}.vendor.test`,
    credential: 'key-0123456789',
    limits,
    baseUrl: 'https://api.vendor.test',
    retry: { retries: 3, throttleDelayMs: 60_000 },
    random: () => 0,
    onThrottled: (state) => throttles.push(state),
    fetch: async () => {
      arrivals.push(Date.now());
      return answer(arrivals.length);
    },
  });
  return { http, arrivals, throttles };
}

const ok = () =>
  new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
const tooMany = () => new Response('Too many requests', { status: 429 });

describe('createVendorHttpClient with several windows', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0, toFake: ['setTimeout', 'clearTimeout', 'Date', 'performance'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('limits: { windows } builds a limiter that keeps every window', async () => {
    const { http, arrivals } = vendor(
      {
        windows: [
          { limit: 2, intervalMs: 1000 },
          { limit: 3, intervalMs: 60_000 },
        ],
      },
      ok,
    );
    const all = Promise.all(Array.from({ length: 5 }, () => http.request({ path: '/x' })));
    await vi.advanceTimersByTimeAsync(30_000);
    expect(arrivals).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(35_000);
    await all;
    expect(arrivals).toHaveLength(5);
    expect(arrivals[3]).toBeGreaterThanOrEqual(60_000);
  });

  it('a bucket of limits: { buckets } takes extra windows', async () => {
    const { http, arrivals } = vendor(
      { buckets: [{ name: 'all', limit: 5, windows: [{ limit: 2, intervalMs: 60_000 }] }] },
      ok,
    );
    void http.request({ path: '/x' });
    void http.request({ path: '/x' });
    void http.request({ path: '/x' }).catch(() => {});
    await vi.advanceTimersByTimeAsync(10_000);
    expect(arrivals).toHaveLength(2);
  });

  it('a 429 without Retry-After pauses exponentially from retry.throttleDelayMs = 60 s (not capped at maxDelayMs)', async () => {
    const { http, arrivals, throttles } = vendor(
      {
        windows: [
          { limit: 5, intervalMs: 1000 },
          { limit: 50, intervalMs: 60_000 },
        ],
      },
      (n) => (n <= 3 ? tooMany() : ok()),
    );
    const done = http.request({ path: '/x' });
    await vi.advanceTimersByTimeAsync(60_000 + 120_000 + 240_000 + 5000);
    await done;
    expect(throttles.map((state) => state.pauseMs)).toEqual([60_000, 120_000, 240_000]);
    const gaps = arrivals.slice(1).map((at, index) => at - (arrivals[index] as number));
    expect(gaps[0]).toBeGreaterThanOrEqual(60_000);
    expect(gaps[1]).toBeGreaterThanOrEqual(120_000);
    expect(gaps[2]).toBeGreaterThanOrEqual(240_000);
  });

  it('the exponential throttle pause stops at maxThrottlePauseMs', () => {
    const error = new RateLimitError('throttled', {});
    const options = { ...retryDefaults, throttleDelayMs: 60_000 };
    expect([1, 2, 3, 4, 5].map((attempt) => throttlePause(error, attempt, options))).toEqual([
      60_000, 120_000, 240_000, 300_000, 300_000,
    ]);
  });
});
