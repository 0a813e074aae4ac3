import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { failureOf } from '../__fixtures__/failure-of.js';
import { AuthError } from '../errors/auth-error.js';
import { ConfigError } from '../errors/config-error.js';
import { NotFoundError } from '../errors/not-found-error.js';
import { PermissionError } from '../errors/permission-error.js';
import { ValidationError } from '../errors/validation-error.js';
import { VendorError } from '../errors/vendor-error.js';
import { createHttpClient } from './create-http-client.js';
import type { HttpClientOptions } from './types.js';

const base = 'https://demo.retailcrm.ru';
const noRetry = { retries: 0 };

function client(options: Partial<HttpClientOptions> = {}) {
  return createHttpClient({ baseUrl: `${base}/api/v5/`, retry: noRetry, ...options });
}

describe('createHttpClient: options', () => {
  it('rejects invalid options at construction, naming each field', () => {
    const attempt = () =>
      createHttpClient({
        baseUrl: 'ftp://nope',
        timeoutMs: -1,
        retry: { retries: 99 },
      } as HttpClientOptions);
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/baseUrl: must be an http\(s\) URL/);
    expect(attempt).toThrow(/timeoutMs/);
    expect(attempt).toThrow(/retry\.retries/);
  });

  it('never echoes an option value in its error, so a misplaced key cannot leak', () => {
    const secret = 'sk-live-canary-123456';
    expect(() => createHttpClient({ baseUrl: secret })).toThrow(ConfigError);
    try {
      createHttpClient({ baseUrl: secret });
    } catch (error) {
      expect(String((error as Error).message)).not.toContain(secret);
    }
  });
});

describe('createHttpClient: request shapes', () => {
  it('sends a form-urlencoded body with the entity as one JSON field, and the key in a header', async () => {
    const customer = { externalId: 'c-1', phones: [{ number: '380671234567' }] };
    const scope = nock(base, { reqheaders: { 'x-api-key': 'key-1' } })
      .post('/api/v5/customers/create', (body) => {
        expect(body).toEqual({ site: 'shop', customer: JSON.stringify(customer) });
        return true;
      })
      .matchHeader('content-type', /^application\/x-www-form-urlencoded/)
      .reply(201, { success: true, id: 7 });
    const http = client({ auth: { type: 'header', name: 'X-API-KEY', value: 'key-1' } });
    const response = await http.request({
      method: 'POST',
      path: '/customers/create',
      form: { site: 'shop', customer: JSON.stringify(customer) },
    });
    expect(response).toMatchObject({ status: 201, data: { success: true, id: 7 } });
    scope.done();
  });

  it('encodes nested query parameters with brackets, and booleans as 1/0', async () => {
    const expected = 'limit=100&page=2&filter[ids][]=1&filter[ids][]=2&filter[isContact]=0';
    const scope = nock(base)
      .get((uri) => decodeURIComponent(uri) === `/api/v5/customers?${expected}`)
      .reply(200, { success: true, customers: [] });
    await client().request({
      path: '/customers',
      query: { limit: 100, page: 2, filter: { ids: [1, 2], isContact: false, name: undefined } },
    });
    scope.done();
  });

  it('sends a JSON body with its content type', async () => {
    const scope = nock(base)
      .post('/api/v5/tickets', { subject: 'Hello', tags: ['a'] })
      .matchHeader('content-type', 'application/json')
      .reply(200, {});
    await client().request({
      method: 'POST',
      path: 'tickets',
      json: { subject: 'Hello', tags: ['a'] },
    });
    scope.done();
  });

  it('supports bearer, query, basic and hook authentication', async () => {
    const scope = nock(base)
      .get('/api/v5/a')
      .matchHeader('authorization', 'Bearer tok')
      .reply(200, {})
      .get('/api/v5/b')
      .query({ apiKey: 'qk' })
      .reply(200, {})
      .get('/api/v5/c')
      .matchHeader('authorization', `Basic ${Buffer.from('user:pw').toString('base64')}`)
      .reply(200, {})
      .get('/api/v5/d')
      .matchHeader('x-signed', 'yes')
      .reply(200, {});
    await client({ auth: { type: 'bearer', token: 'tok' } }).request({ path: '/a' });
    await client({ auth: { type: 'query', name: 'apiKey', value: 'qk' } }).request({ path: '/b' });
    await client({ auth: { type: 'basic', username: 'user', password: 'pw' } }).request({
      path: '/c',
    });
    await client({ auth: ({ headers }) => void headers.set('x-signed', 'yes') }).request({
      path: '/d',
    });
    scope.done();
  });

  it('validates a response with the request schema', async () => {
    nock(base)
      .get('/api/v5/users/1')
      .reply(200, { success: true, user: { id: 1, email: 'a@b.c' } });
    const schema = z.object({ user: z.object({ id: z.number(), email: z.string() }) });
    const { data } = await client().request({ path: '/users/1', schema });
    expect(data.user.email).toBe('a@b.c');
  });

  it('rejects a malformed vendor response with INVALID_RESPONSE and the issue paths', async () => {
    nock(base)
      .get('/api/v5/users/1')
      .reply(200, { success: true, user: { id: 'one' } });
    const schema = z.object({ user: z.object({ id: z.number(), email: z.string() }) });
    const error = await failureOf(client().request({ path: '/users/1', schema }));
    expect(ValidationError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'INVALID_RESPONSE', retryable: false });
    expect((error as ValidationError).issues.map((issue) => issue.path)).toEqual([
      'user.id',
      'user.email',
    ]);
  });
});

describe('createHttpClient: classification', () => {
  const cases = [
    [401, { errorMsg: 'Wrong "apiKey" value.' }, AuthError, 'AUTH_FAILED'],
    [403, { errorMsg: 'Access denied' }, PermissionError, 'PERMISSION_DENIED'],
    [404, { errorMsg: 'Not found' }, NotFoundError, 'NOT_FOUND'],
    [
      400,
      { errorMsg: 'Errors in the entity format', errors: { phone: 'bad' } },
      VendorError,
      'VENDOR_ERROR',
    ],
    [
      422,
      { message: 'Invalid', errors: ['a is required', 'b is required'] },
      VendorError,
      'VENDOR_ERROR',
    ],
  ] as const;

  it.each(cases)('%i → %s', async (status, body, errorClass, code) => {
    nock(base).get('/api/v5/x').reply(status, body);
    const error = await client({ connectorId: 'crm-1' })
      .request({ path: '/x' })
      .catch((caught: unknown) => caught);
    expect(errorClass.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      code,
      retryable: false,
      connectorId: 'crm-1',
      request: { method: 'GET', url: `${base}/api/v5/x`, status },
    });
    expect((error as VendorError).message).toContain(`GET ${base}/api/v5/x → ${status}`);
  });

  it('keeps the vendor message, from errorMsg and an errors object or array', async () => {
    nock(base)
      .get('/api/v5/a')
      .reply(400, {
        success: false,
        errorMsg: 'Errors in the entity format',
        errors: { phone: 'bad' },
      })
      .get('/api/v5/b')
      .reply(400, { success: false, errorMsg: 'Errors', errors: ['first', 'second'] })
      .get('/api/v5/c')
      .reply(502, 'Bad Gateway', { 'content-type': 'text/plain' });
    const http = client();
    const messages = await Promise.all(
      ['/a', '/b', '/c'].map((path) =>
        http.request({ path }).catch((error: VendorError) => error.request?.vendorMessage),
      ),
    );
    expect(messages).toEqual([
      'Errors in the entity format — phone: bad',
      'Errors — first; second',
      'Bad Gateway',
    ]);
  });

  it('marks 408, 425 and 5xx retryable, other 4xx not', async () => {
    for (const status of [408, 425, 500, 501, 502, 503, 504, 599]) {
      nock(base).post('/api/v5/x').reply(status, {});
      const error = await failureOf(client().request({ method: 'POST', path: '/x' }));
      expect(error.retryable, String(status)).toBe(true);
    }
    nock(base).post('/api/v5/x').reply(409, {});
    const conflict = await failureOf(client().request({ method: 'POST', path: '/x' }));
    expect(conflict.retryable).toBe(false);
  });

  it('lets a connector read a failure inside a 200 and a throttle signal of its own', async () => {
    nock(base).get('/api/v5/a').reply(200, { success: false, errorMsg: 'Access denied' });
    const http = client({
      interpretResponse: ({ body }) =>
        (body as { success?: boolean }).success === false ? { failure: 'permission' } : undefined,
    });
    await expect(http.request({ path: '/a' })).rejects.toBeInstanceOf(PermissionError);
  });
});
