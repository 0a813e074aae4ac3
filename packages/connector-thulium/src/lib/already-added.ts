import type { Message } from '@crossline/core/model';
import { parseWallClock } from '@crossline/core/sdk';
import type { ThuliumApi } from '../api.js';
import type { ThuliumConfig } from '../options.js';
import type { ThuliumMessage } from '../wire.js';

/** Which of a ticket's message types a call adds: the customer's, an agent's, a comment. */
export type AddedAs = 'customer' | 'REPLY' | 'COMMENT';

/** How far before the message's time a copy of it counts (clocks and minute precision). */
const clockSkewMs = 5 * 60_000;

/** What {@link alreadyAdded} looks for. */
export interface AddedMessage {
  /** The ticket. */
  readonly ticketId: string;
  /** The canonical message being added. */
  readonly message: Message;
  /** The body exactly as the call would send it. */
  readonly body: string;
  /** The type the call adds. */
  readonly as: AddedAs;
  /** When the event happened (epoch ms): a copy is not older than this or the message. */
  readonly occurredAt: number;
}

/**
 * Whether an earlier attempt added this message already (`GET /tickets/:id`): a message of the
 * same type with the same text (tags, entities and whitespace aside: Thulium may store a PLAIN
 * body as HTML — UNCERTAIN), dated from the message's time on (less 5 minutes). Thulium answers
 * a new message with no id, so the text and the time are all there is to know it by.
 */
export async function alreadyAdded(
  client: ThuliumApi,
  config: ThuliumConfig,
  added: AddedMessage,
  signal?: AbortSignal,
): Promise<boolean> {
  const ticket = await client.getTicket(added.ticketId, signal);
  const text = comparable(added.body);
  const from = Math.min(Date.parse(added.message.sentAt), added.occurredAt) - clockSkewMs;
  return ticket.messages.some(
    (message) =>
      sameType(message, added.as) &&
      comparable(message.body) === text &&
      notBefore(message, from, config.timeZone),
  );
}

function sameType(message: ThuliumMessage, as: AddedAs): boolean {
  // A customer's message is `MAIL`, or whatever new type is neither a reply nor a comment.
  if (as === 'customer') return message.type !== 'REPLY' && message.type !== 'COMMENT';
  return message.type === as;
}

/** A message without a readable time counts: the text alone then says it is there. */
function notBefore(message: ThuliumMessage, from: number, timeZone: string): boolean {
  const at = message.created_at && parseWallClock(message.created_at, timeZone);
  return !at || Date.parse(at) >= from;
}

const entities: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

/** The text as compared: tags dropped, a few entities read, whitespace runs as one space. */
function comparable(body: string): string {
  return body
    .replace(/<br\s*\/?>|<\/p>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#\d+|#x[\da-f]+|[a-z]+);/gi, (entity, name: string) => {
      if (name.startsWith('#')) {
        const code =
          name[1] === 'x' || name[1] === 'X'
            ? Number.parseInt(name.slice(2), 16)
            : Number(name.slice(1));
        return Number.isInteger(code) && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
      }
      return entities[name.toLowerCase()] ?? entity;
    })
    .replace(/\s+/g, ' ')
    .trim();
}
