import { describe, expect, it } from 'vitest';
import { AuthError } from './auth-error.js';
import { ConfigError } from './config-error.js';
import { CrosslineError } from './crossline-error.js';
import { InvalidPhoneError } from './invalid-phone-error.js';
import { NotFoundError } from './not-found-error.js';
import { PermissionError } from './permission-error.js';
import { RateLimitError } from './rate-limit-error.js';
import { StorageError } from './storage-error.js';
import { TransportError } from './transport-error.js';
import { ValidationError } from './validation-error.js';
import { VendorError } from './vendor-error.js';

/** What a copy of the same class from a second installed copy of the package looks like. */
function foreignCopyOf(error: Error): object {
  const copy = Object.create(Error.prototype) as Record<string | symbol, unknown>;
  for (const symbol of Object.getOwnPropertySymbols(error)) {
    copy[symbol] = (error as unknown as Record<symbol, unknown>)[symbol];
  }
  return copy;
}

describe('crossline errors', () => {
  const cases = [
    [new AuthError('no'), AuthError, 'AUTH_FAILED', false],
    [
      new PermissionError('no', { missing: ['/api/users'] }),
      PermissionError,
      'PERMISSION_DENIED',
      false,
    ],
    [new RateLimitError('slow down', { retryAfterMs: 5000 }), RateLimitError, 'RATE_LIMITED', true],
    [new NotFoundError('gone'), NotFoundError, 'NOT_FOUND', false],
    [new ValidationError('bad'), ValidationError, 'VALIDATION_FAILED', false],
    [new VendorError('refused', { retryable: true }), VendorError, 'VENDOR_ERROR', true],
    [new TransportError('reset'), TransportError, 'TRANSPORT_ERROR', true],
    [new TransportError('slow', { timeout: true }), TransportError, 'TIMEOUT', true],
    [new ConfigError('bad option'), ConfigError, 'CONFIG_INVALID', false],
    [new InvalidPhoneError('abc', 'not-a-phone'), InvalidPhoneError, 'INVALID_PHONE', false],
    [new StorageError('full', { reason: 'disk-full' }), StorageError, 'STORAGE_FAILED', true],
    [new StorageError('damaged', { reason: 'corrupt' }), StorageError, 'STORAGE_FAILED', false],
  ] as const;

  it.each(cases)(
    '%s has its code, retryability and class',
    (error, errorClass, code, retryable) => {
      expect(error.code).toBe(code);
      expect(error.retryable).toBe(retryable);
      expect(error.name).toBe(errorClass.name);
      expect(error).toBeInstanceOf(errorClass);
      expect(error).toBeInstanceOf(CrosslineError);
      expect(error).toBeInstanceOf(Error);
      expect(errorClass.isInstance(error)).toBe(true);
      expect(CrosslineError.isInstance(error)).toBe(true);
    },
  );

  it('recognises an error from another copy of the package by its marker', () => {
    const foreign = foreignCopyOf(new AuthError('no'));
    expect(AuthError.isInstance(foreign)).toBe(true);
    expect(foreign instanceof AuthError).toBe(true);
    expect(CrosslineError.isInstance(foreign)).toBe(true);
    expect(VendorError.isInstance(foreign)).toBe(false);
  });

  it('does not confuse sibling classes or plain errors', () => {
    expect(AuthError.isInstance(new PermissionError('no'))).toBe(false);
    expect(new VendorError('x') instanceof AuthError).toBe(false);
    expect(CrosslineError.isInstance(new Error('plain'))).toBe(false);
    expect(CrosslineError.isInstance(null)).toBe(false);
    expect(CrosslineError.isInstance('AUTH_FAILED')).toBe(false);
  });

  it('keeps the cause, the connector id and the request summary', () => {
    const cause = new Error('socket hang up');
    const error = new TransportError('GET https://x.example/a: network error', {
      cause,
      connectorId: 'crm-1',
      request: { method: 'GET', url: 'https://x.example/a' },
    });
    expect(error.cause).toBe(cause);
    expect(error.connectorId).toBe('crm-1');
    expect(error.request).toEqual({ method: 'GET', url: 'https://x.example/a' });
    expect(error.mayHaveReachedVendor).toBe(true);
  });

  it('builds a config error from zod issues naming each field', () => {
    const error = ConfigError.fromIssues('createThing', [
      { path: ['retry', 'retries'], message: 'Too big' },
      { path: ['baseUrl'], message: 'must be an http(s) URL' },
    ]);
    expect(error.message).toBe(
      'Invalid options for createThing: retry.retries: Too big; baseUrl: must be an http(s) URL',
    );
    expect(error.issues.map((issue) => issue.path)).toEqual(['retry.retries', 'baseUrl']);
  });

  it('lists what a permission error lacks', () => {
    expect(new PermissionError('no', { missing: ['users', 'tasks'] }).missing).toEqual([
      'users',
      'tasks',
    ]);
    expect(new PermissionError('no').missing).toEqual([]);
  });
});
