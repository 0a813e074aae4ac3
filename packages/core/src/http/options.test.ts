// Issue 9: createHttpClient accepted `http://` for any host; every option of createHttpClient
// and createVendorHttpClient is validated, with a ConfigError naming the field.
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors/config-error.js';
import { createHttpClient } from './create-http-client.js';
import type { HttpClientOptions } from './types.js';
import { createVendorHttpClient, type VendorHttpClientOptions } from './vendor-http-client.js';

const base = 'https://api.vendor.test';
const canary = 'CANARY-opt-1a2b3c4d5e';

function refusal(attempt: () => unknown): ConfigError {
  try {
    attempt();
  } catch (error) {
    if (ConfigError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('createHttpClient: plain http', () => {
  it.each(['http://api.vendor.test', 'http://10.0.0.5:8080/api', 'http://127.0.0.1.example.com'])(
    'refuses %s (not loopback)',
    (baseUrl) => {
      const error = refusal(() => createHttpClient({ baseUrl }));
      expect(error.issues.map((issue) => issue.path)).toEqual(['baseUrl']);
      expect(error.message).toMatch(/must use https/);
    },
  );

  it.each(['http://127.0.0.1:8080', 'http://localhost:3000/api', 'http://[::1]:9000'])(
    'allows loopback %s',
    (baseUrl) => {
      expect(() => createHttpClient({ baseUrl })).not.toThrow();
    },
  );
});

describe('createHttpClient: every option validated, naming the field', () => {
  const cases: Array<[string, Partial<Record<keyof HttpClientOptions, unknown>>, string]> = [
    ['timeoutMs NaN', { timeoutMs: Number.NaN }, 'timeoutMs'],
    ['timeoutMs negative', { timeoutMs: -5 }, 'timeoutMs'],
    ['timeoutMs a string', { timeoutMs: '300' }, 'timeoutMs'],
    ['retry.retries NaN', { retry: { retries: Number.NaN } }, 'retry.retries'],
    ['retry.baseDelayMs negative', { retry: { baseDelayMs: -1000 } }, 'retry.baseDelayMs'],
    ['retry.maxDelayMs a string', { retry: { maxDelayMs: 'abc' } }, 'retry.maxDelayMs'],
    [
      'retry.throttleDelayMs Infinity',
      { retry: { throttleDelayMs: Infinity } },
      'retry.throttleDelayMs',
    ],
    [
      'retry.maxRetryAfterMs NaN',
      { retry: { maxRetryAfterMs: Number.NaN } },
      'retry.maxRetryAfterMs',
    ],
    ['retry with an unknown key', { retry: { retires: 3 } }, 'retry'],
    ['connectorId empty', { connectorId: '' }, 'connectorId'],
    ['headers with a non-string value', { headers: { 'X-A': 1 } }, 'headers.X-A'],
    ['headers with a line break', { headers: { 'X-A': 'a\nb' } }, 'headers.X-A'],
    ['secrets not an array', { secrets: canary }, 'secrets'],
    ['logger without methods', { logger: {} }, 'logger'],
    ['logPersonalData a string', { logPersonalData: 'yes' }, 'logPersonalData'],
    ['fetch not a function', { fetch: 'fetch' }, 'fetch'],
    ['rateLimiter without pause', { rateLimiter: { schedule: () => {} } }, 'rateLimiter'],
    ['interpretResponse not a function', { interpretResponse: 1 }, 'interpretResponse'],
  ];

  it.each(cases)('%s', (_name, patch, field) => {
    const error = refusal(() =>
      createHttpClient({ baseUrl: base, ...patch } as unknown as HttpClientOptions),
    );
    expect(error.message).toContain(`${field}:`);
    expect(error.message).not.toContain(canary);
  });

  it('refuses an unknown option (a typo), naming it', () => {
    const error = refusal(() =>
      createHttpClient({ baseUrl: base, timeout: 5000 } as unknown as HttpClientOptions),
    );
    expect(error.message).toContain('timeout');
  });

  it('refuses options that are not an object', () => {
    expect(() => createHttpClient(null as unknown as HttpClientOptions)).toThrow(ConfigError);
  });
});

describe('createVendorHttpClient: every option validated, naming the field', () => {
  const valid: VendorHttpClientOptions = {
    vendor: 'test-vendor',
    account: 'https://shop.vendor.test',
    credential: canary,
    limits: { limit: 10 },
    baseUrl: base,
  };
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['vendor empty', { vendor: '' }, 'vendor'],
    ['account a number', { account: 42 }, 'account'],
    ['credential with a line break inside', { credential: `${canary}\nx` }, 'credential'],
    ['credential missing', { credential: undefined }, 'credential'],
    ['limits null', { limits: null }, 'limits'],
    ['baseUrl plain http to a remote host', { baseUrl: 'http://api.vendor.test' }, 'baseUrl'],
    ['timeoutMs NaN', { timeoutMs: Number.NaN }, 'timeoutMs'],
  ];

  it.each(cases)('%s', (_name, patch, field) => {
    const error = refusal(() =>
      createVendorHttpClient({ ...valid, ...patch } as unknown as VendorHttpClientOptions),
    );
    expect(error.message).toContain(`${field}:`);
    expect(error.message).not.toContain(canary);
  });
});
