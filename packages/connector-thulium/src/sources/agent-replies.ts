import type {
  AgentReply,
  ConnectorContext,
  SourceDefinition,
  SourceItem,
} from '@crossline/core/sdk';
import { formatWallClock } from '@crossline/core/sdk';
import type { ThuliumApi } from '../api.js';
import { resolveId } from '../lib/dictionaries.js';
import { replyMapper } from '../mapping.js';
import type { ThuliumConfig } from '../options.js';
import type { ThuliumMessage } from '../wire.js';

type Context = ConnectorContext<ThuliumConfig, ThuliumApi>;

/**
 * Agent replies of the configured queue: every poll lists the tickets changed since the cursor
 * less `poll.overlapMs` (`GET /tickets?ticket_queue_id=…&date_from=…`, page by page), reads
 * each (`GET /tickets/:id`) and yields its `REPLY` messages written since then, oldest first —
 * never a `COMMENT` or `MAIL`, never a reply by `agentLogin` or holding `ownReplyMarker` (the
 * connector's own). The item id is the reply's id, so a reply read again is stored once; the
 * cursor (an ISO moment) moves with the replies and, after the last, to when the poll began.
 */
export const agentRepliesSource: SourceDefinition<ThuliumConfig, ThuliumApi, AgentReply> = {
  async *read(cursor, context) {
    const { config } = context;
    const readAt = Date.now();
    const previous = cursor === undefined ? undefined : Date.parse(cursor);
    const from =
      (Number.isFinite(previous) ? (previous as number) : readAt) - config.poll.overlapMs;
    const since =
      config.poll.since === undefined ? from : Math.max(from, Date.parse(config.poll.since));
    const replies = await readReplies(context, from, new Date(readAt).toISOString());
    const fresh = replies.filter((reply) => Date.parse(reply.sentAt) >= since);
    let position = Number.isFinite(previous) ? (previous as number) : since;
    for (const [index, reply] of fresh.entries()) {
      const last = index === fresh.length - 1;
      position = Math.min(readAt, Math.max(position, last ? readAt : Date.parse(reply.sentAt)));
      const item: SourceItem<AgentReply> = {
        id: reply.id,
        occurredAt: Date.parse(reply.sentAt),
        event: reply,
        cursor: new Date(position).toISOString(),
      };
      yield item;
    }
  },
};

/** Every agent reply in the queue's tickets changed since `from`, oldest first. */
async function readReplies(context: Context, from: number, readAt: string): Promise<AgentReply[]> {
  const { client, config } = context;
  const queueId = await resolveId(context, 'queue');
  const dateFrom = formatWallClock(from, config.timeZone);
  const ticketIds = new Set<string>();
  for (let offset = 0; ; offset += config.poll.pageSize) {
    const query = { queueId, dateFrom, limit: config.poll.pageSize, offset };
    const page = await client.listTickets(query);
    for (const ticket of page) ticketIds.add(ticket.ticket_id);
    if (page.length < config.poll.pageSize) break;
  }
  const replies: AgentReply[] = [];
  for (const ticketId of ticketIds) {
    const ticket = await client.getTicket(ticketId);
    const field = config.ticketFields.conversationId;
    const linked = field === null ? undefined : ticket.custom_fields?.[field];
    const conversationId = typeof linked === 'string' && linked !== '' ? linked : undefined;
    for (const message of ticket.messages) {
      if (!isAgentReply(message, config)) continue;
      const reply = { ticketId, conversationId, timeZone: config.timeZone, readAt };
      replies.push(replyMapper.fromVendor(message, reply));
    }
  }
  return replies.sort(
    (a, b) => Date.parse(a.sentAt) - Date.parse(b.sentAt) || a.id.localeCompare(b.id),
  );
}

/** A reply to the customer written by an agent, not by the connector. */
function isAgentReply(message: ThuliumMessage, config: ThuliumConfig): boolean {
  if (message.type !== 'REPLY') return false;
  if (message.user_login === config.agentLogin) return false;
  return config.ownReplyMarker === undefined || !message.body.includes(config.ownReplyMarker);
}
