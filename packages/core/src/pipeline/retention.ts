import type { Logger } from '../log.js';
import type { Envelope, ReplayStore } from '../replay/replay-store.js';
import type { DropReason } from './types.js';

/**
 * The start of the replay retention window: the first instant, in `timeZone`, of the calendar
 * day `days − 1` days before the day `now` falls on — with the default 3 days, today and the
 * two previous calendar days, as the vendor seeds describe it. Where a day does not begin at
 * 00:00 (daylight saving starting at midnight, as in America/Santiago or America/Havana, starts
 * the day at 01:00), the window starts when that day really begins.
 *
 * @param now - epoch ms
 * @param timeZone - an IANA time zone, e.g. `Europe/Kyiv`
 * @param days - how many calendar days the window spans, today included
 * @returns epoch ms of the window's first moment
 */
export function retentionStart(now: number, timeZone: string, days: number): number {
  const [year, month, day] = calendarDate(now, timeZone);
  const target = Date.UTC(year, month - 1, day - (days - 1));
  const dateOf = (at: number) => {
    const [y, m, d] = calendarDate(at, timeZone);
    return Date.UTC(y, m - 1, d);
  };
  // An estimate from the zone's offset, then the exact first instant: step back from three
  // hours after it until the date changes, and search that quarter hour to the millisecond.
  const estimate = target - zoneOffset(target, timeZone);
  const step = 15 * 60_000;
  let inside = estimate + 3 * 3_600_000;
  while (dateOf(inside - step) >= target) inside -= step;
  let outside = inside - step;
  while (inside - outside > 1) {
    const middle = Math.floor((outside + inside) / 2);
    if (dateOf(middle) >= target) inside = middle;
    else outside = middle;
  }
  return inside;
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** One formatter per zone: building them is what costs. */
function format(timeZone: string, kind: 'date' | 'time'): Intl.DateTimeFormat {
  const cacheKey = `${kind}:${timeZone}`;
  let formatter = formats.get(cacheKey);
  if (!formatter) {
    formatter =
      kind === 'date'
        ? new Intl.DateTimeFormat('en-CA', {
            timeZone,
            year: 'numeric',
            month: '2-digit',
            day: '2-digit',
          })
        : new Intl.DateTimeFormat('en-US', {
            timeZone,
            hourCycle: 'h23',
            year: 'numeric',
            month: 'numeric',
            day: 'numeric',
            hour: 'numeric',
            minute: 'numeric',
            second: 'numeric',
          });
    formats.set(cacheKey, formatter);
  }
  return formatter;
}

function calendarDate(at: number, timeZone: string): [number, number, number] {
  const text = format(timeZone, 'date').format(at);
  const [year = 0, month = 1, day = 1] = text.split('-').map(Number);
  return [year, month, day];
}

/** The zone's offset from UTC at `at`, in ms (positive east of Greenwich). */
function zoneOffset(at: number, timeZone: string): number {
  const parts = format(timeZone, 'time').formatToParts(at);
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

/** What {@link applyRetention} needs. */
export interface RetentionContext {
  readonly store: ReplayStore;
  readonly connectorId: string;
  /** Keep the window (true) or drop everything buffered (false). */
  readonly replay: boolean;
  /** The window's first moment (epoch ms). */
  readonly windowStart: number;
  /**
   * Only envelopes stored up to this seq are considered: what is published after the
   * activation was asked for is never dropped by it.
   */
  readonly upToSeq: number;
  readonly now: () => number;
  readonly logger: Logger;
  readonly dropped: (envelope: Envelope, reason: DropReason) => void;
}

/**
 * On re-activation: drops the connector's buffered envelopes (stored up to `upToSeq`) older than
 * the window — all of them when replay is off — each with a warning log line and a `dropped`
 * callback; never silently.
 */
export async function applyRetention(context: RetentionContext): Promise<void> {
  const { store, connectorId, replay, logger } = context;
  const before = replay ? context.windowStart : Number.POSITIVE_INFINITY;
  const reason: DropReason = replay ? 'outside-retention' : 'replay-disabled';
  for (;;) {
    const found = await store.olderThan(connectorId, before, 500);
    const old = found.filter((envelope) => envelope.seq <= context.upToSeq);
    if (old.length === 0) break;
    const settled = new Set(
      await store.settle(
        old.map((envelope) => envelope.id),
        'dropped',
        context.now(),
      ),
    );
    for (const envelope of old) {
      if (!settled.has(envelope.id)) continue; // settled meanwhile: reported by whoever did
      logger.warn(
        { envelopeId: envelope.id, occurredAt: envelope.occurredAt, reason },
        'envelope dropped',
      );
      context.dropped(envelope, reason);
    }
    if (old.length < found.length) break; // the rest came after the activation
  }
}
