/**
 * Formats a moment as many vendors write date-times: `YYYY-MM-DD HH:MM:SS` on the wall clock of
 * `timeZone`, with no zone suffix (slice it to 16 characters for `YYYY-MM-DD HH:MM`).
 *
 * @example
 * ```ts
 * formatWallClock('2024-05-01T07:00:00Z', 'Europe/Warsaw'); // '2024-05-01 09:00:00'
 * ```
 */
export function formatWallClock(moment: string | number | Date, timeZone: string): string {
  const parts = partsOf(new Date(moment), timeZone);
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}

/**
 * Reads a wall-clock date-time (`YYYY-MM-DD HH:MM`, seconds optional) written in `timeZone` as
 * ISO 8601 with that zone's offset then, e.g. `2024-05-01T10:00:00+03:00`; `undefined` when the
 * text is not one.
 */
export function parseWallClock(text: string, timeZone: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day, hour, minute, second = '00'] = match.slice(1);
  const wall = Date.UTC(
    Number(year),
    Number(month) - 1,
    Number(day),
    Number(hour),
    Number(minute),
    Number(second),
  );
  // The zone's offset at the wall time, corrected once for a DST change in between.
  const guess = offsetAt(wall, timeZone);
  const offset = offsetAt(wall - guess, timeZone);
  return `${year}-${month}-${day}T${hour}:${minute}:${second}${formatOffset(offset)}`;
}

/** How far the zone's wall clock is ahead of UTC at a moment, in ms. */
function offsetAt(moment: number, timeZone: string): number {
  const parts = partsOf(new Date(moment), timeZone);
  const wall = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return wall - Math.floor(moment / 1000) * 1000;
}

function formatOffset(offsetMs: number): string {
  const minutes = Math.round(Math.abs(offsetMs) / 60_000);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${offsetMs < 0 ? '-' : '+'}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

function partsOf(date: Date, timeZone: string): Record<string, string> {
  const formatter = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  const parts: Record<string, string> = {};
  for (const { type, value } of formatter.formatToParts(date)) parts[type] = value;
  return parts;
}
