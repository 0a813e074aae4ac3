// Regressions: each test pins a problem found in review, so it cannot come back.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { failureOf } from '../__fixtures__/failure-of.js';
import { ConfigError } from '../errors/config-error.js';
import { RateLimitError } from '../errors/rate-limit-error.js';
import { TransportError } from '../errors/transport-error.js';
import { ValidationError } from '../errors/validation-error.js';
import { VendorError } from '../errors/vendor-error.js';
import { LocalRateLimiter } from '../rate-limit/local-rate-limiter.js';
import { createHttpClient } from './create-http-client.js';
import { routeOf } from './encode.js';

const canary = 'CANARY-q-9f8e7d6c5b4a';
const base = 'https://api.vendor.test';

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
});

/** Everything a host could print of an error: message, stack, fields, and its cause chain. */
const everythingOf = (error: unknown) => `${inspect(error, { depth: 8 })} ${JSON.stringify(error)}`;

describe('regressions', () => {
  it("a network error's cause never carries a query-auth key or the request's headers", async () => {
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    const http = createHttpClient({
      baseUrl: base,
      auth: { type: 'query', name: 'apiKey', value: canary },
      headers: { 'x-trace': 'ok' },
      fetch: async () => {
        throw new TypeError('fetch failed', { cause: reset });
      },
      retry: { retries: 0 },
    });
    const error = await failureOf(http.request({ method: 'POST', path: '/x' }));
    expect(TransportError.isInstance(error)).toBe(true);
    expect((error.cause as { code?: string }).code).toBe('ECONNRESET');
    expect(everythingOf(error)).not.toContain(canary);
  });

  it("a timeout's cause never carries a bearer token or a query key", async () => {
    server = createServer(() => {}); // never answers
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    for (const auth of [
      { type: 'bearer', token: canary },
      { type: 'query', name: 'token', value: canary },
    ] as const) {
      const http = createHttpClient({ baseUrl: url, auth, timeoutMs: 30, retry: { retries: 0 } });
      const error = await failureOf(http.request({ path: '/slow' }));
      expect(error.code).toBe('TIMEOUT');
      expect(everythingOf(error)).not.toContain(canary);
    }
  });

  it('refuses an absolute request path, which would send the credentials to another host', async () => {
    const http = createHttpClient({
      baseUrl: base,
      auth: { type: 'header', name: 'X-API-KEY', value: canary },
    });
    for (const path of ['https://evil.test/steal', '//evil.test/steal']) {
      expect(ValidationError.isInstance(await failureOf(http.request({ path })))).toBe(true);
    }
  });

  it('refuses credentials inside baseUrl at construction, without echoing them', () => {
    const attempt = () => createHttpClient({ baseUrl: `https://svc:${canary}@api.vendor.test` });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/must not contain credentials/);
    expect(() => attempt()).not.toThrow(new RegExp(canary));
  });

  it('pauses the bucket on a throttled answer even when the request is not retried', async () => {
    nock(base).get('/a').reply(429, {}, { 'Retry-After': '3600' }).get('/b').reply(429, {});
    const limiter = new LocalRateLimiter({ limit: 10 });
    const long = createHttpClient({ baseUrl: base, rateLimiter: limiter });
    expect(RateLimitError.isInstance(await failureOf(long.request({ path: '/a' })))).toBe(true);
    // Paused, but only up to maxThrottlePauseMs (5 minutes), not the vendor's full hour.
    expect(limiter.stats().default?.pausedUntil).toBeGreaterThan(Date.now() + 290_000);
    expect(limiter.stats().default?.pausedUntil).toBeLessThanOrEqual(Date.now() + 300_000);
    limiter.close();
    const none = createHttpClient({ baseUrl: base, rateLimiter: limiter, retry: { retries: 0 } });
    await failureOf(none.request({ path: '/b' }));
    expect(limiter.stats().default?.pausedUntil).toBeGreaterThan(Date.now());
    limiter.close();
  });

  it('routes a path written without a leading slash to its bucket', async () => {
    expect(routeOf('telephony/call/event?x=1')).toBe('/telephony/call/event');
    expect(routeOf('//telephony/calls')).toBe('/telephony/calls');
    nock(base).post('/telephony/call/event').reply(429, {});
    const limiter = new LocalRateLimiter({
      buckets: [
        { name: 'telephony', match: '/telephony/', limit: 40 },
        { name: 'default', limit: 10 },
      ],
    });
    const http = createHttpClient({ baseUrl: base, rateLimiter: limiter, retry: { retries: 0 } });
    await failureOf(http.request({ method: 'POST', path: 'telephony/call/event' }));
    expect(limiter.stats().telephony?.pausedUntil).toBeGreaterThan(0);
    expect(limiter.stats().default?.pausedUntil).toBe(0);
    limiter.close();
  });

  it('does not retry a GET the caller marks not idempotent', async () => {
    nock(base).get('/report').once().reply(500);
    const http = createHttpClient({ baseUrl: base });
    const error = await failureOf(http.request({ path: '/report', idempotent: false }));
    expect(VendorError.isInstance(error)).toBe(true);
  });

  it('a hook that throws never replaces the real error or stops the retries', async () => {
    nock(base).get('/x').reply(503).get('/x').reply(200, { ok: true });
    const http = createHttpClient({
      baseUrl: base,
      retry: { baseDelayMs: 1 },
      onRetry: () => {
        throw new Error('hook bug');
      },
    });
    await expect(http.request({ path: '/x' })).resolves.toMatchObject({ data: { ok: true } });
  });

  it('treats the user name of basic auth as a secret (API key as user name)', async () => {
    nock(base)
      .get('/x')
      .reply(401, { message: `unknown key ${canary}` });
    const http = createHttpClient({
      baseUrl: base,
      auth: { type: 'basic', username: canary, password: 'X' },
      retry: { retries: 0 },
    });
    const error = await failureOf(http.request({ path: '/x' }));
    expect(error.message).toContain('unknown key [REDACTED]');
    expect(everythingOf(error)).not.toContain(canary);
  });

  it('redacts a vendor message before cutting it, so no secret is left half-visible', async () => {
    nock(base)
      .get('/x')
      .reply(400, { message: `${'x'.repeat(490)} ${canary}` });
    const http = createHttpClient({ baseUrl: base, auth: { type: 'bearer', token: canary } });
    const error = await failureOf(http.request({ path: '/x' }));
    expect(everythingOf(error)).not.toContain(canary.slice(0, 9));
  });
});
