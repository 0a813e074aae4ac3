/**
 * The `threads` source's cursor, stored by the Hub as JSON: when the integration was enabled,
 * the newest `date_updated` of the threads read to the end, and — while a poll stopped half-way
 * — the instant the next poll reads from again (so nothing of an unfinished thread is skipped).
 */
export interface ThreadsCursor {
  /** When the integration was enabled (epoch ms): nothing older is read. */
  readonly enabledAt: number;
  /** The newest `date_updated` of the threads read (epoch ms). */
  readonly since: number;
  /** Where the next poll starts when the last one stopped half-way (epoch ms). */
  readonly resumeFrom?: number | undefined;
}

/** The saved cursor, or undefined when there is none (or it is unreadable). */
export function readCursor(text: string | undefined): ThreadsCursor | undefined {
  if (text === undefined) return undefined;
  try {
    const { enabledAt, since, resumeFrom } = JSON.parse(text) as Partial<ThreadsCursor>;
    if (typeof enabledAt !== 'number' || typeof since !== 'number') return undefined;
    return typeof resumeFrom === 'number' ? { enabledAt, since, resumeFrom } : { enabledAt, since };
  } catch {
    return undefined;
  }
}

/** The cursor as stored. */
export function writeCursor(cursor: ThreadsCursor): string {
  return JSON.stringify(cursor);
}
