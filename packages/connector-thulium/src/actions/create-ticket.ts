import { messageSchema, ticketSchema } from '@crossline/core/model';
import type { ActionDefinition, HelpdeskTicketRef } from '@crossline/core/sdk';
import { z } from 'zod';
import type { ThuliumApi } from '../api.js';
import { resolveId } from '../lib/dictionaries.js';
import { ticketMapper } from '../mapping.js';
import type { ThuliumConfig } from '../options.js';
import { filesSchema } from './schemas.js';

const inputSchema = z.object({
  /** The canonical ticket. */
  ticket: ticketSchema,
  /** The CRM customer to bind. */
  customerId: z.string().min(1).optional(),
  /** The first message. */
  message: messageSchema,
  /** Temporary-file tokens. */
  files: filesSchema,
  /** An internal comment added with the ticket. */
  comment: z.string().min(1).optional(),
});

/** What `tickets.create` resolves with. */
const outputSchema = z.object({
  /** The new ticket's id. */
  id: z.string(),
});

/**
 * `tickets.create`: `POST /tickets` — the mailbox as `to`, the message PLAIN on the customer's
 * behalf, the configured source, tags, queue and category, the conversation id and order
 * number in ticket fields, links and unbound customer ids in the comment or fields. Not
 * repeated by the HTTP client (a POST): the pipeline records the ticket before it goes on.
 */
export const createTicket = {
  input: inputSchema,
  output: outputSchema,
  permissions: ['POST /tickets', 'GET /ticket_queues', 'GET /ticket_categories'],
  async run(input, context) {
    const { client, config, signal } = context;
    const queueId = await resolveId(context, 'queue', signal);
    const categoryId = await resolveId(context, 'category', signal);
    const body = ticketMapper.toVendor(input.ticket, {
      config,
      queueId,
      categoryId,
      message: input.message,
      customerId: input.customerId,
      files: input.files,
      comment: input.comment,
    });
    return { id: await client.createTicket(body, signal) };
  },
} satisfies ActionDefinition<
  ThuliumConfig,
  ThuliumApi,
  z.output<typeof inputSchema>,
  HelpdeskTicketRef
>;
