/**
 * Formats a moment as retailCRM writes date-times: `Y-m-d H:i:s` in the account's time zone,
 * with no zone suffix (the zone being the account's is UNCERTAIN; it is an option).
 */
export function formatDateTime(moment: string | number | Date, timeZone: string): string {
  const parts = partsOf(new Date(moment), timeZone);
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
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
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text);
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
