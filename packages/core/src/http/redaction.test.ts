import { Writable } from 'node:stream';
import nock from 'nock';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { failureOf } from '../__fixtures__/failure-of.js';
import { SecretRedactor } from '../util/redact.js';
import { createHttpClient } from './create-http-client.js';
import type { HttpAuth } from './types.js';

const canary = 'CANARY-k3y-9f8e7d6c5b4a';
const base = 'https://crm.vendor.test';

/** A real pino logger at debug level that keeps every line it writes. */
function capturingLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: pino({ level: 'debug' }, stream), lines };
}

describe('secrets never reach a log line or an error', () => {
  const auths: Array<[string, HttpAuth, string[]]> = [
    ['header', { type: 'header', name: 'X-API-KEY', value: canary }, []],
    ['bearer', { type: 'bearer', token: canary }, []],
    ['query', { type: 'query', name: 'apiKey', value: canary }, []],
    ['basic', { type: 'basic', username: 'admin', password: canary }, []],
    ['hook', ({ headers }) => void headers.set('X-Token', canary), [canary]],
  ];

  it.each(auths)(
    'with %s auth, across success, vendor errors that echo the key, retries and timeouts',
    async (_name, auth, secrets) => {
      const { logger, lines } = capturingLogger();
      const errors: unknown[] = [];
      nock(base)
        .get(/\/ok/)
        .reply(200, { success: true })
        .get(/\/denied/)
        .reply(401, { errorMsg: `Wrong "apiKey" value: ${canary}` })
        .post(/\/throttled/)
        .reply(
          429,
          { message: `key ${encodeURIComponent(canary)} is throttled` },
          { 'Retry-After': '0' },
        )
        .post(/\/throttled/)
        .reply(500, { errors: { apiKey: [canary] } })
        .get(/\/bad-json/)
        .reply(400, `<html>invalid key ${canary}</html>`, { 'content-type': 'text/html' });
      const http = createHttpClient({
        baseUrl: `${base}/api/v5`,
        auth,
        secrets,
        logger,
        retry: { retries: 1, baseDelayMs: 1, throttleDelayMs: 1 },
        connectorId: 'crm-1',
      });
      await http.request({ path: '/ok', query: { token: canary, page: 1 } });
      for (const request of [
        { path: '/denied' },
        { method: 'POST' as const, path: '/throttled', form: { apiKey: canary } },
        { path: '/bad-json' },
      ]) {
        await http.request(request).catch((error: unknown) => errors.push(error));
      }
      expect(errors).toHaveLength(3);
      expect(lines.length).toBeGreaterThan(3);
      const everything = [
        ...lines,
        ...errors.map((error) => {
          const { message, stack, request } = error as Error & { request?: unknown };
          return `${message}\n${stack}\n${JSON.stringify(request)}`;
        }),
      ].join('\n');
      expect(everything).not.toContain(canary);
      expect(everything).not.toContain(encodeURIComponent(canary));
      expect(everything).not.toContain(Buffer.from(`admin:${canary}`).toString('base64'));
      expect(everything).toContain('[REDACTED]');
    },
  );

  it('redacts a token that sits in the URL path', async () => {
    const { logger, lines } = capturingLogger();
    nock(base).get(`/v1/${canary}/passes`).reply(403, { message: 'forbidden' });
    const http = createHttpClient({
      baseUrl: `${base}/v1/${canary}`,
      secrets: [canary],
      logger,
      retry: { retries: 0 },
    });
    const error = await failureOf(http.request({ path: '/passes' }));
    expect(`${error.message} ${JSON.stringify(error)}`).not.toContain(canary);
    expect(error.message).toContain(`${base}/v1/[REDACTED]/passes`);
    expect(lines.join('\n')).not.toContain(canary);
  });
});

describe('SecretRedactor', () => {
  const redactor = new SecretRedactor([canary, '']);

  it('redacts secret-named query parameters and user info, leaving the rest', () => {
    expect(redactor.url('https://u:p@x.test/a?api_key=zzz&page=2&access_token=t&limit=5')).toBe(
      'https://[REDACTED]:[REDACTED]@x.test/a?api_key=[REDACTED]&page=2&access_token=[REDACTED]&limit=5',
    );
  });

  it('scrubs known secret values wherever they appear, plain or URL-encoded', () => {
    const secret = 'pa ss/wörd+1';
    const scrubber = new SecretRedactor([secret]);
    expect(scrubber.text(`a ${secret} b ${encodeURIComponent(secret)} c`)).toBe(
      'a [REDACTED] b [REDACTED] c',
    );
  });

  it('leaves values too short to tell from ordinary words', () => {
    expect(new SecretRedactor(['X']).text('Xavier')).toBe('Xavier');
  });
});

describe('a token in the URL path', () => {
  it('is redacted from the route a throttle hook is told', async () => {
    const token = 'PATH-t0ken-0123456789abcdef';
    nock(base).get(`/v1/${token}/passes`).reply(429, 'slow down');
    const throttled: unknown[] = [];
    const http = createHttpClient({
      baseUrl: base,
      secrets: [token],
      retry: { retries: 0 },
      rateLimiter: { schedule: (task) => task(), pause: () => {} },
      onThrottled: (state) => throttled.push(state),
    });
    await failureOf(http.request({ path: `/v1/${token}/passes` }));
    expect(throttled).toHaveLength(1);
    expect(JSON.stringify(throttled)).not.toContain(token);
    expect(throttled[0]).toMatchObject({ route: '/v1/[REDACTED]/passes' });
  });
});
