// Issue 9: a huge Retry-After must not freeze the account's bucket; a Retry-After of zero or
// in the past must not turn retries into a burst.
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { failureOf } from '../__fixtures__/failure-of.js';
import { ConfigError } from '../errors/config-error.js';
import { RateLimitError } from '../errors/rate-limit-error.js';
import type { RateLimiter } from '../rate-limit/rate-limiter.js';
import { createHttpClient } from './create-http-client.js';
import type { HttpClientOptions, RetryState } from './types.js';

const base = 'https://api.vendor.test';

/** A limiter that runs every task at once and records the pauses it is asked for. */
function recordingLimiter() {
  const pauses: number[] = [];
  const limiter: RateLimiter = {
    schedule: (task) => task(),
    pause: (ms) => void pauses.push(ms),
  };
  return { limiter, pauses };
}

function client(options: Partial<HttpClientOptions> = {}) {
  const retries: RetryState[] = [];
  const http = createHttpClient({
    baseUrl: base,
    random: () => 0.5,
    onRetry: (state) => retries.push(state),
    ...options,
  });
  return { http, retries };
}

describe('Retry-After beyond the cap', () => {
  it('pauses the bucket only up to 5 minutes, does not retry, and carries the full ask', async () => {
    const scope = nock(base).get('/x').reply(429, {}, { 'Retry-After': '99999999' });
    const { limiter, pauses } = recordingLimiter();
    const { http, retries } = client({ rateLimiter: limiter });
    const error = await failureOf(http.request({ path: '/x' }));
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect(error.retryable).toBe(true);
    expect((error as RateLimitError).retryAfterMs).toBe(99_999_999_000);
    expect(pauses).toEqual([300_000]);
    expect(retries).toEqual([]);
    scope.done();
  });

  it('takes the cap from retry.maxThrottlePauseMs', async () => {
    nock(base).get('/x').reply(429, {}, { 'Retry-After': '7200' });
    const { limiter, pauses } = recordingLimiter();
    const { http } = client({ rateLimiter: limiter, retry: { maxThrottlePauseMs: 60_000 } });
    const error = await failureOf<RateLimitError>(http.request({ path: '/x' }));
    expect(error.retryAfterMs).toBe(7_200_000);
    expect(pauses).toEqual([60_000]);
  });

  it('does not retry in place past the cap even when maxRetryAfterMs would allow it', async () => {
    nock(base).get('/x').reply(429, {}, { 'Retry-After': '90' });
    const { limiter, pauses } = recordingLimiter();
    const { http, retries } = client({
      rateLimiter: limiter,
      retry: { maxThrottlePauseMs: 30_000, maxRetryAfterMs: 120_000 },
    });
    const error = await failureOf<RateLimitError>(http.request({ path: '/x' }));
    expect(error.retryAfterMs).toBe(90_000);
    expect(pauses).toEqual([30_000]);
    expect(retries).toEqual([]);
  });

  it.each([
    ['NaN', Number.NaN],
    ['negative', -1],
    ['a string', '300000'],
  ])('refuses maxThrottlePauseMs that is %s, naming the field', (_name, value) => {
    const attempt = () =>
      createHttpClient({ baseUrl: base, retry: { maxThrottlePauseMs: value as number } });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/retry\.maxThrottlePauseMs/);
  });
});

describe('Retry-After of zero or in the past', () => {
  const past = new Date(Date.now() - 60_000).toUTCString();

  it.each([
    ['a date in the past', past],
    ['zero', '0'],
  ])('on a 429, %s falls back to the doubling throttle backoff', async (_name, retryAfter) => {
    nock(base).get('/x').times(4).reply(429, {}, { 'Retry-After': retryAfter });
    nock(base).get('/x').reply(200, { ok: true });
    const { http, retries } = client({ retry: { throttleDelayMs: 5 } });
    await expect(http.request({ path: '/x' })).resolves.toMatchObject({ data: { ok: true } });
    expect(retries.map((state) => state.delayMs)).toEqual([5, 10, 20, 40]);
    expect(retries.every((state) => state.error.request?.retryAfterMs === undefined)).toBe(true);
  });

  it('on a 503, a date in the past falls back to full-jitter exponential backoff', async () => {
    nock(base).get('/x').times(3).reply(503, {}, { 'Retry-After': past });
    nock(base).get('/x').reply(200, { ok: true });
    const { http, retries } = client({ retry: { baseDelayMs: 8 } });
    await http.request({ path: '/x' });
    // random() = 0.5: half of 8 · 2^(attempt−1).
    expect(retries.map((state) => state.delayMs)).toEqual([4, 8, 16]);
  });
});
