/**
 * An ISO 8601 date-time with a UTC offset: `2024-05-01T10:15:00Z`, `2024-05-01T13:15:00+03:00`,
 * seconds and fractions optional. A date alone, a space for `T` or a missing offset do not pass.
 */
const isoDateTime =
  /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):?[0-5]\d)$/;

/** Whether `value` is an ISO 8601 date-time with an offset, on a real calendar day. */
export function isIsoDateTime(value: string): boolean {
  const day = isoDateTime.exec(value)?.[1];
  if (day === undefined) return false;
  const midnight = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(midnight.getTime()) && midnight.toISOString().startsWith(day);
}
