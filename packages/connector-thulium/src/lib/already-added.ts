import { formatWallClock, parseWallClock } from '@crossline/core/sdk';
import type { ThuliumApi } from '../api.js';
import type { ThuliumConfig } from '../options.js';
import type { ThuliumMessage } from '../wire.js';
import { htmlText } from './html-text.js';

/** Which of a ticket's message types a call adds: the customer's, an agent's, a comment. */
export type AddedAs = 'customer' | 'REPLY' | 'COMMENT';

/** How far before `since` a comment counts as this one (clocks differ). */
const clockSkewMs = 5 * 60_000;

/** What {@link alreadyAdded} looks for. */
export interface AddedMessage {
  /** The ticket. */
  readonly ticketId: string;
  /** The body exactly as the call sends it. */
  readonly body: string;
  /** The type the call adds. */
  readonly as: AddedAs;
  /**
   * A response's `date` as sent (`YYYY-MM-DD HH:MM`, account time): Thulium dates the message
   * with it, so a copy was created in that minute.
   */
  readonly date?: string | undefined;
  /** A comment (Thulium dates it itself): a copy is not older than this, epoch ms, less 5 min. */
  readonly since?: number | undefined;
}

/**
 * Whether an earlier attempt added this message already (`GET /tickets/:id`): a message of the
 * same type whose text — as sent, or read from the HTML Thulium may store it as (UNCERTAIN) —
 * is the same, whitespace aside, and whose `created_at` is the response's `date` (to the
 * minute) or, for a comment, not older than `since`. Thulium answers a new message with no id,
 * so text and time are all there is to know it by; a message without a readable time is not it.
 */
export async function alreadyAdded(
  client: ThuliumApi,
  config: ThuliumConfig,
  added: AddedMessage,
  signal?: AbortSignal,
): Promise<boolean> {
  const ticket = await client.getTicket(added.ticketId, signal);
  const text = collapse(added.body);
  return ticket.messages.some(
    (message) =>
      sameType(message, added.as) &&
      [message.body, message.comment].some((body) => body && sameText(body, text)) &&
      sameTime(message, added, config.timeZone),
  );
}

function sameType(message: ThuliumMessage, as: AddedAs): boolean {
  const type = message.type.toUpperCase();
  // A customer's message is `MAIL`, or whatever new type is neither a reply nor a comment.
  if (as === 'customer') return type !== 'REPLY' && type !== 'COMMENT';
  return type === as;
}

function sameText(body: string, text: string): boolean {
  return collapse(body) === text || collapse(htmlText(body)) === text;
}

function sameTime(message: ThuliumMessage, added: AddedMessage, timeZone: string): boolean {
  const at = message.created_at === undefined ? undefined : momentOf(message.created_at, timeZone);
  if (at === undefined) return false;
  if (added.date !== undefined) return formatWallClock(at, timeZone).slice(0, 16) === added.date;
  return added.since !== undefined && at >= added.since - clockSkewMs;
}

/** `created_at` as epoch ms: account wall time, or ISO 8601 with an offset. */
function momentOf(text: string, timeZone: string): number | undefined {
  const wall = parseWallClock(text, timeZone);
  const moment = Date.parse(wall ?? (/[zZ]|[+-]\d{2}:?\d{2}$/.test(text) ? text : ''));
  return Number.isFinite(moment) ? moment : undefined;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
