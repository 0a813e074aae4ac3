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

describe('retentionStart where a day does not begin at midnight', () => {
  const localDate = (at: number, timeZone: string) =>
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(at);

  it.each([
    ['America/Santiago', '2026-09-08T15:00:00Z', '2026-09-06'],
    ['America/Havana', '2026-03-10T15:00:00Z', '2026-03-08'],
  ])(
    '%s: the window opens when the DST day really begins (01:00), not an hour early',
    (zone, at, first) => {
      const start = retentionStart(Date.parse(at), zone, 3);
      expect(localDate(start, zone)).toBe(first);
      expect(localDate(start - 1, zone)).not.toBe(first); // 23:59:59.999 the day before: outside
    },
  );

  it('is the first instant of the local date, for every day of 2026 in zones with odd transitions', () => {
    for (const zone of [
      'America/Santiago',
      'America/Havana',
      'Europe/Kyiv',
      'America/New_York',
      'Australia/Lord_Howe',
      'Asia/Tehran',
      'UTC',
    ]) {
      for (let day = 0; day < 365; day += 1) {
        const now = Date.UTC(2026, 0, 1, 12) + day * 86_400_000;
        const start = retentionStart(now, zone, 3);
        expect(localDate(start - 1, zone) < localDate(start, zone)).toBe(true);
        // two calendar days back from today's local date
        const [y, m, d] = localDate(now, zone).split('-').map(Number) as [number, number, number];
        const twoBack = new Date(Date.UTC(y, m - 1, d - 2)).toISOString().slice(0, 10);
        expect(localDate(start, zone)).toBe(twoBack);
      }
    }
  });
});
