// Issue 9: a key with whitespace around it leaked (fetch trims the header, the vendor echoes
// the trimmed key, the redactor knew only the untrimmed one); a key with a line break inside
// escaped as a raw undici TypeError carrying it. Secrets are validated and trimmed at
// construction, every form is redacted, and everything leaving request() is a crossline error.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { failureOf } from '../__fixtures__/failure-of.js';
import { ConfigError } from '../errors/config-error.js';
import { CrosslineError } from '../errors/crossline-error.js';
import { createHttpClient } from './create-http-client.js';
import type { HttpAuth } from './types.js';

const canary = 'CANARY-s3cr3t-7f6e5d4c3b2a';
const base = 'https://api.vendor.test';
const everythingOf = (error: unknown) => `${inspect(error, { depth: 8 })} ${JSON.stringify(error)}`;

let server: Server | undefined;
afterEach(async () => {
  const current = server;
  server = undefined;
  if (!current) return;
  current.closeAllConnections();
  await new Promise((resolve) => current.close(resolve));
});

/** A vendor that refuses every request, echoing the credentials it received. */
async function echoingVendor(): Promise<{ url: string; received: string[] }> {
  const received: string[] = [];
  server = createServer((request, response) => {
    const sent = [
      request.headers['x-api-key'],
      request.headers.authorization,
      new URL(request.url ?? '/', 'http://x').searchParams.get('apiKey'),
    ].filter((value): value is string => typeof value === 'string');
    received.push(...sent);
    response
      .writeHead(400, { 'content-type': 'application/json' })
      .end(JSON.stringify({ message: `Unknown key ${sent.join(' ')} for ${request.url}` }));
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received };
}

describe('secrets with whitespace around them', () => {
  const padded = `  ${canary}\n`;
  const auths: Array<[string, HttpAuth]> = [
    ['header', { type: 'header', name: 'X-API-KEY', value: padded }],
    ['bearer', { type: 'bearer', token: padded }],
    ['query', { type: 'query', name: 'apiKey', value: padded }],
    ['basic', { type: 'basic', username: padded, password: 'x' }],
  ];

  it.each(auths)('%s: the trimmed key is sent and never appears in the error', async (_n, auth) => {
    const vendor = await echoingVendor();
    const http = createHttpClient({ baseUrl: vendor.url, auth, retry: { retries: 0 } });
    const error = await failureOf(http.request({ path: '/customers', query: { q: 1 } }));
    expect(error.code).toBe('VENDOR_ERROR');
    expect(vendor.received.join(' ')).toMatch(new RegExp(`${canary}|${btoa(`${canary}:x`)}`));
    expect(vendor.received.join(' ')).not.toContain(padded);
    expect(everythingOf(error)).not.toContain(canary);
    expect(everythingOf(error)).not.toContain(btoa(`${canary}:x`));
  });
});

describe('secrets refused at construction', () => {
  const cases: Array<[string, HttpAuth]> = [
    [
      'a line break inside a header key',
      { type: 'header', name: 'X-API-KEY', value: `${canary}\nX-Evil: 1` },
    ],
    ['a space inside a bearer token', { type: 'bearer', token: `${canary} more` }],
    [
      'a control character inside a query key',
      { type: 'query', name: 'k', value: `${canary}\u0000x` },
    ],
    ['a tab inside a basic user name', { type: 'basic', username: `${canary}\tx`, password: 'p' }],
    [
      'a non-ASCII letter in a header key',
      { type: 'header', name: 'X-API-KEY', value: `${canary}й` },
    ],
    ['an empty key after trimming', { type: 'header', name: 'X-API-KEY', value: ' \n ' }],
  ];

  it.each(cases)('%s is a ConfigError naming the field, never echoing it', (_name, auth) => {
    const attempt = () => createHttpClient({ baseUrl: base, auth });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/auth/);
    try {
      attempt();
    } catch (error) {
      expect(everythingOf(error)).not.toContain(canary);
    }
  });

  it('refuses a header name fetch would reject', () => {
    expect(() =>
      createHttpClient({
        baseUrl: base,
        auth: { type: 'header', name: 'X API KEY', value: canary },
      }),
    ).toThrow(/auth/);
  });
});

describe('every error that leaves request() is a redacted crossline error', () => {
  it('an auth hook that throws with the secret in its message', async () => {
    const http = createHttpClient({
      baseUrl: base,
      secrets: [canary],
      auth: () => {
        throw new Error(`could not sign with ${canary}`);
      },
    });
    const error = await failureOf(http.request({ path: '/x' }));
    expect(CrosslineError.isInstance(error)).toBe(true);
    expect(error.message).toContain('could not sign with [REDACTED]');
    expect(everythingOf(error)).not.toContain(canary);
  });

  it('a header value fetch refuses at request time (a raw TypeError today)', async () => {
    const http = createHttpClient({ baseUrl: base, secrets: [canary] });
    const error = await failureOf(
      http.request({ path: '/x', headers: { 'X-Token': `${canary}\r\nX-Evil: 1` } }),
    );
    expect(CrosslineError.isInstance(error)).toBe(true);
    expect(everythingOf(error)).not.toContain(canary);
  });

  it('an interpretResponse hook that throws', async () => {
    nock(base).get('/x').reply(200, { key: canary });
    const http = createHttpClient({
      baseUrl: base,
      auth: { type: 'bearer', token: canary },
      interpretResponse: ({ body }) => {
        throw new TypeError(`cannot read ${JSON.stringify(body)}`);
      },
    });
    const error = await failureOf(http.request({ path: '/x' }));
    expect(CrosslineError.isInstance(error)).toBe(true);
    expect(error.retryable).toBe(false);
    expect(everythingOf(error)).not.toContain(canary);
  });

  it('a crossline error thrown by a hook keeps its class but loses the secret', async () => {
    const http = createHttpClient({
      baseUrl: base,
      secrets: [canary],
      auth: () => {
        throw new ConfigError(`token ${canary} expired`);
      },
    });
    const error = await failureOf(http.request({ path: '/x' }));
    expect(ConfigError.isInstance(error)).toBe(true);
    expect(everythingOf(error)).not.toContain(canary);
  });

  it('redacts the URL-encoded form of a key in the path the vendor echoes', async () => {
    const odd = 'CANARY+key/with=signs';
    nock(base)
      .get(/.*/)
      .reply(404, { message: `no ${encodeURIComponent(odd)} here; also ${odd}` });
    const http = createHttpClient({ baseUrl: base, secrets: [odd], retry: { retries: 0 } });
    const error = await failureOf(http.request({ path: `/keys/${encodeURIComponent(odd)}` }));
    expect(everythingOf(error)).not.toContain(odd);
    expect(everythingOf(error)).not.toContain(encodeURIComponent(odd));
  });
});
