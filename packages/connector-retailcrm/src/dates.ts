const formatters = new Map<string, Intl.DateTimeFormat>();

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

function partsOf(date: Date, timeZone: string): Record<string, string> {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  const parts: Record<string, string> = {};
  for (const { type, value } of formatter.formatToParts(date)) parts[type] = value;
  return parts;
}
