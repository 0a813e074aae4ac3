import { describe, expect, it } from 'vitest';
import { parseRateLimitHeaders, parseRetryAfter } from './headers.js';

const now = Date.parse('2026-11-23T10:00:00Z');

describe('parseRetryAfter', () => {
  it('reads delay-seconds', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('1.5', now)).toBe(1500);
  });

  it('reads an HTTP date against the local clock', () => {
    expect(parseRetryAfter('Mon, 23 Nov 2026 10:00:30 GMT', now)).toBe(30_000);
  });

  it("reads an HTTP date against the server's Date header when given", () => {
    const serverDate = 'Mon, 23 Nov 2026 09:59:00 GMT'; // server clock one minute behind
    expect(parseRetryAfter('Mon, 23 Nov 2026 09:59:45 GMT', now, serverDate)).toBe(45_000);
  });

  it('never returns a negative wait, and ignores what it cannot read', () => {
    expect(parseRetryAfter('Mon, 23 Nov 2026 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
  });
});

describe('parseRateLimitHeaders', () => {
  it('reads the IETF structured RateLimit header', () => {
    const headers = new Headers({
      RateLimit: '"default";r=0;t=30',
      'RateLimit-Policy': '"default";q=100;w=60',
    });
    expect(parseRateLimitHeaders(headers, now)).toEqual({ remaining: 0, resetMs: 30_000 });
  });

  it('reads the draft-06 combined header', () => {
    const headers = new Headers({ RateLimit: 'limit=100, remaining=7, reset=5' });
    expect(parseRateLimitHeaders(headers, now)).toEqual({
      limit: 100,
      remaining: 7,
      resetMs: 5000,
    });
  });

  it('reads RateLimit-* headers', () => {
    const headers = new Headers({
      'RateLimit-Limit': '10',
      'RateLimit-Remaining': '0',
      'RateLimit-Reset': '2',
    });
    expect(parseRateLimitHeaders(headers, now)).toEqual({ limit: 10, remaining: 0, resetMs: 2000 });
  });

  it('reads X-RateLimit-* with reset as delta seconds, epoch seconds or epoch milliseconds', () => {
    const delta = new Headers({ 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '3' });
    expect(parseRateLimitHeaders(delta, now)).toEqual({ remaining: 0, resetMs: 3000 });
    const epochSeconds = new Headers({ 'X-RateLimit-Reset': String(now / 1000 + 10) });
    expect(parseRateLimitHeaders(epochSeconds, now)).toEqual({ resetMs: 10_000 });
    const epochMs = new Headers({ 'X-RateLimit-Reset': String(now + 2500) });
    expect(parseRateLimitHeaders(epochMs, now)).toEqual({ resetMs: 2500 });
  });

  it('returns undefined when the response has no rate-limit headers', () => {
    expect(
      parseRateLimitHeaders(new Headers({ 'content-type': 'application/json' }), now),
    ).toBeUndefined();
    expect(
      parseRateLimitHeaders(new Headers({ 'X-RateLimit-Remaining': 'lots' }), now),
    ).toBeUndefined();
  });
});
