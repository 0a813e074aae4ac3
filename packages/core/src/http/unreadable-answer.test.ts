// Issue 9: a 200 that is a glitch — `{"success":false}` without a message, JSON cut short, an
// empty body where data was expected — is retried where safe, and the error says what the
// vendor actually returned.
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { failureOf } from '../__fixtures__/failure-of.js';
import { ValidationError } from '../errors/validation-error.js';
import { VendorError } from '../errors/vendor-error.js';
import { createHttpClient } from './create-http-client.js';
import type { HttpClientOptions, ResponseVerdict } from './types.js';

const base = 'https://api.vendor.test';
const canary = 'CANARY-a9b8c7d6e5f4';
const json = { 'content-type': 'application/json' };
const schema = z.object({ success: z.literal(true), id: z.number() });

/** retailCRM-style: `success: false` is a failure, `errorMsg` its message. */
const interpretResponse = ({ body }: { body: unknown }): ResponseVerdict | undefined => {
  const record = body as { success?: unknown; errorMsg?: unknown } | undefined;
  if (typeof record !== 'object' || record === null || record.success !== false) return undefined;
  return typeof record.errorMsg === 'string'
    ? { failure: 'vendor', message: record.errorMsg }
    : { failure: 'vendor' };
};

function client(options: Partial<HttpClientOptions> = {}) {
  return createHttpClient({
    baseUrl: base,
    auth: { type: 'header', name: 'X-API-KEY', value: canary },
    retry: { retries: 2, baseDelayMs: 1 },
    interpretResponse,
    ...options,
  });
}

describe('a 200 that is a glitch', () => {
  it('{"success":false} without a message is retried, then fails retryable with the answer', async () => {
    const scope = nock(base).get('/x').times(3).reply(200, '{"success":false}', json);
    const error = await failureOf(client().request({ path: '/x' }));
    scope.done();
    expect(VendorError.isInstance(error)).toBe(true);
    expect(error.retryable).toBe(true);
    expect(error.message).toContain('→ 200');
    expect(error.message).toContain('application/json');
    expect(error.message).toContain('{"success":false}');
    expect(error.request?.answer).toBe('application/json, 17 bytes: {"success":false}');
  });

  it('{"success":false} without a message succeeds when a retry gets the real answer', async () => {
    nock(base).get('/x').reply(200, '{"success":false}', json);
    nock(base).get('/x').reply(200, { success: true, id: 3 });
    await expect(client().request({ path: '/x', schema })).resolves.toMatchObject({
      data: { id: 3 },
    });
  });

  it('{"success":false} with a message is a refusal: not retried', async () => {
    const scope = nock(base).get('/x').reply(200, { success: false, errorMsg: 'Not allowed' });
    const error = await failureOf(client().request({ path: '/x' }));
    scope.done();
    expect(error).toMatchObject({ code: 'VENDOR_ERROR', retryable: false });
  });

  it('truncated JSON is retried, then fails retryable, showing the first bytes redacted', async () => {
    const body = `{"success":true,"key":"${canary}","items":[${'1,'.repeat(300)}`;
    const scope = nock(base).get('/x').times(3).reply(200, body, json);
    const error = await failureOf(client().request({ path: '/x', schema }));
    scope.done();
    expect(ValidationError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'INVALID_RESPONSE', retryable: true });
    expect(error.message).toMatch(/could not be read as JSON/);
    expect(error.message).toContain('application/json');
    expect(error.message).toContain('{"success":true,"key":"[REDACTED]"');
    expect(error.message).not.toContain(canary);
    // ~200 characters of the body, not all 600+.
    expect(error.request?.answer?.length).toBeLessThan(260);
  });

  it('truncated JSON fails even without a schema (the content type says JSON)', async () => {
    nock(base).get('/x').times(3).reply(200, '{"id":', json);
    const error = await failureOf(client().request({ path: '/x' }));
    expect(error).toMatchObject({ code: 'INVALID_RESPONSE', retryable: true });
  });

  it('an empty 200 where data was expected is retried, then fails retryable', async () => {
    const scope = nock(base).get('/x').times(3).reply(200, '', json);
    const error = await failureOf(client().request({ path: '/x', schema }));
    scope.done();
    expect(error).toMatchObject({ code: 'INVALID_RESPONSE', retryable: true });
    expect(error.message).toContain('empty');
  });

  it('a readable answer that does not match the schema is permanent, and says what came', async () => {
    const scope = nock(base).get('/x').reply(200, { success: true, id: 'seven' });
    const error = await failureOf(client().request({ path: '/x', schema }));
    scope.done();
    expect(error).toMatchObject({ code: 'INVALID_RESPONSE', retryable: false });
    expect(error.message).toContain('"id":"seven"');
  });

  it('a POST that may not be repeated is not retried, but its error stays retryable', async () => {
    const scope = nock(base).post('/calls').reply(200, '{"success":tr', json);
    const error = await failureOf(client().request({ method: 'POST', path: '/calls', schema }));
    scope.done();
    expect(error).toMatchObject({ code: 'INVALID_RESPONSE', retryable: true });
  });

  it('a POST marked idempotent is retried', async () => {
    nock(base).post('/calls').reply(200, '', json);
    nock(base).post('/calls').reply(200, { success: true, id: 1 });
    const response = await client().request({
      method: 'POST',
      path: '/calls',
      schema,
      idempotent: true,
    });
    expect(response.data.id).toBe(1);
  });
});
