import { describe, expect, it } from 'vitest';
import { formatWallClock, parseWallClock } from './wall-clock.js';

describe('wall-clock date-times', () => {
  it('formats a moment on the zone’s wall clock, summer and winter', () => {
    expect(formatWallClock('2024-05-01T07:00:00Z', 'Europe/Warsaw')).toBe('2024-05-01 09:00:00');
    expect(formatWallClock('2024-01-01T07:00:05Z', 'Europe/Warsaw')).toBe('2024-01-01 08:00:05');
  });

  it('reads one with or without seconds, with the zone’s offset then', () => {
    expect(parseWallClock('2024-05-01 09:00', 'Europe/Warsaw')).toBe('2024-05-01T09:00:00+02:00');
    expect(parseWallClock('2024-01-01 08:00:05', 'Europe/Warsaw')).toBe(
      '2024-01-01T08:00:05+01:00',
    );
    expect(parseWallClock('yesterday', 'Europe/Warsaw')).toBeUndefined();
  });
});
