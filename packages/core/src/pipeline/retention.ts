/**
 * The start of the replay retention window: midnight, in `timeZone`, of the day
 * `days − 1` days before the day `now` falls on — with the default 3 days, today and the two
 * previous calendar days, as the vendor seeds describe it.
 *
 * @param now - epoch ms
 * @param timeZone - an IANA time zone, e.g. `Europe/Kyiv`
 * @param days - how many calendar days the window spans, today included
 * @returns epoch ms of the window's first moment
 */
export function retentionStart(now: number, timeZone: string, days: number): number {
  const [year, month, day] = calendarDate(now, timeZone);
  const localMidnight = Date.UTC(year, month - 1, day - (days - 1));
  // The zone's offset at that midnight, measured twice to settle across a DST change.
  let start = localMidnight - zoneOffset(localMidnight, timeZone);
  start = localMidnight - zoneOffset(start, timeZone);
  return start;
}

function calendarDate(at: number, timeZone: string): [number, number, number] {
  const text = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
  const [year = 0, month = 1, day = 1] = text.split('-').map(Number);
  return [year, month, day];
}

/** The zone's offset from UTC at `at`, in ms (positive east of Greenwich). */
function zoneOffset(at: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(at);
  const value = (type: string) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  const asUtc = Date.UTC(
    value('year'),
    value('month') - 1,
    value('day'),
    value('hour'),
    value('minute'),
    value('second'),
  );
  return asUtc - Math.floor(at / 1000) * 1000;
}
