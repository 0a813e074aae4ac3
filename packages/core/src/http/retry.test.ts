import nock from 'nock';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { failureOf } from '../__fixtures__/failure-of.js';
import { RateLimitError } from '../errors/rate-limit-error.js';
import { TransportError } from '../errors/transport-error.js';
import { VendorError } from '../errors/vendor-error.js';
import { LocalRateLimiter } from '../rate-limit/local-rate-limiter.js';
import { createHttpClient } from './create-http-client.js';
import type { HttpClientOptions, RetryState, ThrottleState } from './types.js';

const base = 'https://api.vendor.test';

function client(options: Partial<HttpClientOptions> = {}) {
  const retries: RetryState[] = [];
  const throttles: ThrottleState[] = [];
  const http = createHttpClient({
    baseUrl: base,
    random: () => 0.5,
    onRetry: (state) => retries.push(state),
    onThrottled: (state) => throttles.push(state),
    ...options,
  });
  return { http, retries, throttles };
}

/** Lets pending promise chains and fake timers run until `ms` of fake time has passed. */
const advance = (ms: number) => vi.advanceTimersByTimeAsync(ms);

describe('retries', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('retries a GET on 5xx with full-jitter exponential backoff', async () => {
    const scope = nock(base)
      .get('/x')
      .reply(500)
      .get('/x')
      .reply(503)
      .get('/x')
      .reply(200, { ok: true });
    const { http, retries } = client();
    await expect(http.request({ path: '/x' })).resolves.toMatchObject({ data: { ok: true } });
    // random() = 0.5: half of min(30 s, 500 ms · 2^(attempt−1))
    expect(retries.map((retry) => [retry.attempt, retry.delayMs])).toEqual([
      [1, 250],
      [2, 500],
    ]);
    scope.done();
  });

  it('gives up after the configured retries with the last error', async () => {
    nock(base).get('/x').times(3).reply(502, 'bad gateway');
    const { http, retries } = client({ retry: { retries: 2, baseDelayMs: 1 } });
    const error = await failureOf(http.request({ path: '/x' }));
    expect(VendorError.isInstance(error)).toBe(true);
    expect((error as VendorError).request?.status).toBe(502);
    expect(retries).toHaveLength(2);
  });

  it('does not retry a POST the vendor received and failed on (500)', async () => {
    const scope = nock(base).post('/calls/upload').once().reply(500, { errorMsg: 'boom' });
    const { http, retries } = client();
    const error = await failureOf(
      http.request({ method: 'POST', path: '/calls/upload', form: { calls: '[]' } }),
    );
    expect(VendorError.isInstance(error)).toBe(true);
    expect(retries).toEqual([]);
    scope.done(); // exactly one request reached the server
  });

  it('retries a POST the caller marks idempotent', async () => {
    const scope = nock(base).post('/calls/upload').reply(500).post('/calls/upload').reply(200, {});
    const { http, retries } = client();
    await http.request({ method: 'POST', path: '/calls/upload', idempotent: true });
    expect(retries).toHaveLength(1);
    scope.done();
  });

  it('retries a throttled POST: a 429 means the vendor did not process it', async () => {
    const scope = nock(base).post('/x').reply(429).post('/x').reply(201, { id: 1 });
    const { http, retries } = client({ retry: { throttleDelayMs: 5 } });
    await http.request({ method: 'POST', path: '/x' });
    expect(retries[0]?.error).toBeInstanceOf(RateLimitError);
    scope.done();
  });

  it('honours Retry-After in seconds: no second attempt before it has passed', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date', 'performance'] });
    let requests = 0;
    nock(base)
      .post('/x')
      .reply(() => {
        requests += 1;
        return [429, { errorMsg: 'slow down' }, { 'Retry-After': '3' }];
      })
      .post('/x')
      .reply(() => {
        requests += 1;
        return [200, { ok: true }];
      });
    let waiting: () => void = () => {};
    const retried = new Promise<void>((resolve) => {
      waiting = resolve;
    });
    const { http, retries } = client({
      onRetry: (state) => {
        retries.push(state);
        waiting();
      },
    });
    const pending = http.request({ method: 'POST', path: '/x' });
    await retried; // the 429 arrived; the wait has begun
    await advance(2999);
    expect(requests).toBe(1);
    await advance(1);
    await expect(pending).resolves.toMatchObject({ data: { ok: true } });
    expect(requests).toBe(2);
    expect(retries.map((retry) => retry.delayMs)).toEqual([3000]);
  });

  it("honours Retry-After as an HTTP date, measured on the server's clock", async () => {
    const serverNow = new Date('2026-11-23T09:00:00Z');
    const retryAt = new Date(serverNow.getTime() + 2000);
    nock(base)
      .get('/x')
      .reply(503, 'maintenance', {
        'Retry-After': retryAt.toUTCString(),
        Date: serverNow.toUTCString(),
      })
      .get('/x')
      .reply(200, {});
    const { http, retries } = client({ retry: { maxDelayMs: 1 } });
    await expect(http.request({ path: '/x' })).resolves.toMatchObject({ status: 200 });
    // the jittered backoff would have been ≤ 1 ms: the 2 s came from the header
    expect(retries.map((retry) => retry.delayMs)).toEqual([2000]);
  });

  it('fails at once with a retryable RateLimitError when Retry-After exceeds maxRetryAfterMs', async () => {
    nock(base).get('/x').reply(429, {}, { 'Retry-After': '3600' });
    const { http, retries } = client();
    const error = await failureOf(http.request({ path: '/x' }));
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ retryable: true, retryAfterMs: 3_600_000 });
    expect(retries).toEqual([]);
  });

  it('a throttled answer pauses the whole bucket of the account, not only the failing request', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date', 'performance'] });
    const arrivals: Array<[string, number]> = [];
    const started = Date.now();
    const log = (path: string) => arrivals.push([path, Date.now() - started]);
    nock(base)
      .post('/customers/create')
      .reply(() => {
        log('create#1');
        return [503, { success: false, errorMsg: 'Rate limit exceeded' }];
      })
      .post('/customers/create')
      .reply(() => {
        log('create#2');
        return [201, {}];
      })
      .get('/customers')
      .reply(() => {
        log('list');
        return [200, {}];
      })
      .post('/telephony/call/event')
      .reply(() => {
        log('telephony');
        return [200, {}];
      });
    const limiter = new LocalRateLimiter({
      buckets: [
        { name: 'telephony', match: '/telephony/', limit: 40 },
        { name: 'default', limit: 10 },
      ],
    });
    const { http, throttles } = client({
      rateLimiter: limiter,
      retry: { throttleDelayMs: 1000 },
      random: () => 0,
      interpretResponse: ({ status, body }) =>
        status === 503 && (body as { errorMsg?: string }).errorMsg === 'Rate limit exceeded'
          ? { throttled: true }
          : undefined,
    });
    const create = http.request({ method: 'POST', path: '/customers/create', form: { a: 1 } });
    await advance(50); // the create was throttled; the bucket is paused for 1 s
    const list = http.request({ path: '/customers' });
    const telephony = http.request({ method: 'POST', path: '/telephony/call/event' });
    await advance(900);
    expect(arrivals.map(([path]) => path)).toEqual(['create#1', 'telephony']);
    await advance(1200);
    await Promise.all([create, list, telephony]);
    const at = Object.fromEntries(arrivals);
    expect(at['create#2']).toBeGreaterThanOrEqual(1000);
    expect(at.list).toBeGreaterThanOrEqual(1000);
    // the retry goes ahead of the request that had not been tried yet
    expect(arrivals.map(([path]) => path).indexOf('create#2')).toBeLessThan(
      arrivals.map(([path]) => path).indexOf('list'),
    );
    expect(throttles).toEqual([
      expect.objectContaining({ route: '/customers/create', pauseMs: 1000 }),
    ]);
  });

  it('pauses the bucket ahead of time when the vendor says the budget is spent', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date', 'performance'] });
    const arrivals: number[] = [];
    const started = Date.now();
    nock(base)
      .get('/a')
      .reply(() => {
        arrivals.push(Date.now() - started);
        return [200, {}, { 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '2' }];
      })
      .get('/b')
      .reply(() => {
        arrivals.push(Date.now() - started);
        return [200, {}];
      });
    const { http } = client({ rateLimiter: new LocalRateLimiter({ limit: 100 }) });
    const first = http.request({ path: '/a' });
    await advance(200); // a new bucket's first start waits one sub-window (~100 ms)
    await first;
    const second = http.request({ path: '/b' });
    await advance(2100);
    await second;
    expect(arrivals[1]).toBeGreaterThanOrEqual(2000);
  });

  it('an abort during the wait before a retry stops at once with the abort reason', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    nock(base).get('/x').reply(503);
    const controller = new AbortController();
    const { http } = client({ retry: { baseDelayMs: 10_000 } });
    const pending = http
      .request({ path: '/x', signal: controller.signal })
      .catch((caught: unknown) => caught);
    await advance(10);
    controller.abort(new Error('stopping'));
    expect(await pending).toMatchObject({ message: 'stopping' });
  });

  it('resends a POST whose connection was refused (it never reached the vendor), not one reset mid-way', async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    const failing = (cause: Error) => {
      let calls = 0;
      const fetch: typeof globalThis.fetch = async (input, init) => {
        calls += 1;
        if (calls === 1) throw new TypeError('fetch failed', { cause });
        return globalThis.fetch(input, init);
      };
      return fetch;
    };
    nock(base).post('/x').reply(201, {});
    const first = client({ fetch: failing(refused) });
    await expect(first.http.request({ method: 'POST', path: '/x' })).resolves.toMatchObject({
      status: 201,
    });
    expect(first.retries).toHaveLength(1);

    const second = client({ fetch: failing(reset) });
    const error = await failureOf(second.http.request({ method: 'POST', path: '/x' }));
    expect(TransportError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'TRANSPORT_ERROR', mayHaveReachedVendor: true });
    expect(second.retries).toEqual([]);
  });
});
