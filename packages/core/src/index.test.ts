import { describe, expect, it } from 'vitest';
import * as core from './index.js';

describe('@crossline/core exports', () => {
  it('exposes the documented runtime API by name', () => {
    expect(Object.keys(core).sort()).toEqual([
      'AuthError',
      'ConfigError',
      'CrosslineError',
      'InvalidPhoneError',
      'LocalRateLimiter',
      'NotFoundError',
      'PermissionError',
      'RateLimitError',
      'RateLimiterRegistry',
      'TransportError',
      'ValidationError',
      'VendorError',
      'createHttpClient',
      'crosslineRedactPaths',
      'normalizePhone',
      'parseRateLimitHeaders',
      'parseRetryAfter',
      'phoneVariants',
      'silentLogger',
    ]);
  });
});
