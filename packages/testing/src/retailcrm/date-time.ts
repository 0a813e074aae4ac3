/** Date-time formats the vendor uses: `Y-m-d H:i:s` (most fields) and `Y-m-d H:i` (task due). */
export type DateTimeFormat = 'Y-m-d H:i:s' | 'Y-m-d H:i' | 'Y-m-d';

const patterns: Record<DateTimeFormat, RegExp> = {
  'Y-m-d H:i:s': /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/,
  'Y-m-d H:i': /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/,
  'Y-m-d': /^(\d{4})-(\d{2})-(\d{2})$/,
};

/** Whether `value` is a real calendar date-time written exactly in `format`. */
export function isDateTime(value: string, format: DateTimeFormat): boolean {
  const parts = patterns[format].exec(value)?.slice(1).map(Number);
  if (parts === undefined) return false;
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = parts;
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  return (
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    hour < 24 &&
    minute < 60 &&
    second < 60
  );
}

/** `time` written as `Y-m-d H:i:s`, in UTC (the simulated account's timezone). */
export function formatDateTime(time: number = Date.now()): string {
  return new Date(time).toISOString().slice(0, 19).replace('T', ' ');
}
