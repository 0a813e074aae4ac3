import { describe, expect, it } from 'vitest';
import { retentionStart } from './retention.js';

describe('retentionStart', () => {
  it('is midnight of the day two days back, in the zone', () => {
    // 2026-11-23 10:00 in Kyiv (UTC+2 in winter) → window from 2026-11-21 00:00 Kyiv = 11-20 22:00Z
    const now = Date.parse('2026-11-23T08:00:00Z');
    expect(new Date(retentionStart(now, 'Europe/Kyiv', 3)).toISOString()).toBe(
      '2026-11-20T22:00:00.000Z',
    );
    expect(new Date(retentionStart(now, 'UTC', 3)).toISOString()).toBe('2026-11-21T00:00:00.000Z');
    expect(new Date(retentionStart(now, 'UTC', 1)).toISOString()).toBe('2026-11-23T00:00:00.000Z');
  });

  it("uses the zone's calendar day, not UTC's, near midnight", () => {
    // 2026-11-23 23:30Z is already 2026-11-24 01:30 in Kyiv
    const now = Date.parse('2026-11-23T23:30:00Z');
    expect(new Date(retentionStart(now, 'Europe/Kyiv', 3)).toISOString()).toBe(
      '2026-11-21T22:00:00.000Z',
    );
  });

  it('settles across a daylight-saving change', () => {
    // Kyiv moves to UTC+3 on 2026-03-29; window from 2026-03-28 00:00 (UTC+2) = 03-27 22:00Z
    const now = Date.parse('2026-03-30T12:00:00Z');
    expect(new Date(retentionStart(now, 'Europe/Kyiv', 3)).toISOString()).toBe(
      '2026-03-27T22:00:00.000Z',
    );
  });
});
