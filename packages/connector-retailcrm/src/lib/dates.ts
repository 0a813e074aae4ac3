import { formatWallClock, parseWallClock } from '@crossline/core/sdk';

/**
 * Formats a moment as retailCRM writes date-times: `Y-m-d H:i:s` in the account's time zone,
 * with no zone suffix (the zone being the account's is UNCERTAIN; it is an option).
 */
export function formatDateTime(moment: string | number | Date, timeZone: string): string {
  return formatWallClock(moment, timeZone);
}

/** A task's `datetime`: `Y-m-d H:i`, no seconds. */
export function formatTaskDateTime(moment: string | number | Date, timeZone: string): string {
  return formatDateTime(moment, timeZone).slice(0, 16);
}

/**
 * Reads a retailCRM date-time (`Y-m-d H:i:s`, or `Y-m-d H:i` for tasks) written in the
 * account's time zone as ISO 8601 with that zone's offset then, e.g.
 * `2024-05-01T10:00:00+03:00`; `undefined` when it is not one.
 */
export function parseDateTime(text: string, timeZone: string): string | undefined {
  return parseWallClock(text, timeZone);
}
