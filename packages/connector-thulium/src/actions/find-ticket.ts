import type { ActionDefinition, HelpdeskTicketRef } from '@crossline/core/sdk';
import { formatWallClock } from '@crossline/core/sdk';
import { z } from 'zod';
import type { ThuliumApi } from '../api.js';
import { resolveId } from '../lib/dictionaries.js';
import type { ThuliumConfig } from '../options.js';

const inputSchema = z.object({
  /** The origin's conversation id. */
  conversationId: z.string().min(1),
  /** Created at or after, ISO. */
  since: z.iso.datetime({ offset: true }),
});

/** How far before `since` the list starts (clock skew between the host and the account). */
const skewMs = 5 * 60_000;

/**
 * `tickets.findByConversation`: lists the queue's tickets changed since `since` (less 5 minutes;
 * `GET /tickets?ticket_queue_id=…&date_from=…`, page by page), reads each and answers the
 * oldest whose conversation field (`ticketFields.conversationId`) holds the id — or `null`, also
 * when that field is off (`null`: the id is then only in a comment, which cannot be searched).
 */
export const findTicket = {
  input: inputSchema,
  output: z.object({ id: z.string() }).nullable(),
  permissions: ['GET /tickets', 'GET /tickets/:id'],
  async run({ conversationId, since }, context) {
    const { client, config, signal } = context;
    const field = config.ticketFields.conversationId;
    if (field === null) return null;
    const queueId = await resolveId(context, 'queue', signal);
    const dateFrom = formatWallClock(Date.parse(since) - skewMs, config.timeZone);
    const candidates: string[] = [];
    for (let offset = 0; ; offset += config.poll.pageSize) {
      const query = { queueId, dateFrom, limit: config.poll.pageSize, offset };
      const page = await client.listTickets(query, signal);
      candidates.push(...page.map((ticket) => ticket.ticket_id));
      if (page.length < config.poll.pageSize) break;
    }
    const found: string[] = [];
    for (const ticketId of new Set(candidates)) {
      const ticket = await client.getTicket(ticketId, signal);
      if (ticket.custom_fields?.[field] === conversationId) found.push(ticketId);
    }
    const oldest = found.sort((a, b) => Number(a) - Number(b) || a.localeCompare(b))[0];
    return oldest === undefined ? null : { id: oldest };
  },
} satisfies ActionDefinition<
  ThuliumConfig,
  ThuliumApi,
  z.output<typeof inputSchema>,
  HelpdeskTicketRef | null
>;
