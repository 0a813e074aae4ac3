import { httpUrlSchema } from '@crossline/core/model';
import type { ActionDefinition } from '@crossline/core/sdk';
import { z } from 'zod';
import type { ThuliumApi } from '../api.js';
import type { ThuliumConfig } from '../options.js';
import { type ChangedTicket, changedTicketSchema, ticketIdSchema } from './schemas.js';

const inputSchema = z.object({
  /** The ticket. */
  ticketId: ticketIdSchema,
  /** The order number. */
  orderNumber: z.string().min(1).optional(),
  /** The link to the order. */
  orderUrl: httpUrlSchema.optional(),
  /** The link to the conversation. */
  conversationUrl: httpUrlSchema.optional(),
  /** The conversation's id at the origin. */
  conversationId: z.string().min(1).optional(),
});

const labels = {
  orderNumber: 'Order',
  orderUrl: 'Order link',
  conversationUrl: 'Conversation link',
  conversationId: 'Conversation',
} as const;

/**
 * `tickets.setFields`: `PUT /tickets/:id` `{ custom_fields }` with the values given, under the
 * `ticketFields` names (others stay unchanged); a value whose field is `null` in the options
 * goes into an internal comment instead.
 */
export const setTicketFields = {
  input: inputSchema,
  output: changedTicketSchema,
  permissions: ['PUT /tickets/:id', 'POST /tickets/:id/comment'],
  async run({ ticketId, ...values }, { client, config, signal }) {
    const fields: Record<string, string> = {};
    const notes: string[] = [];
    for (const key of Object.keys(labels) as (keyof typeof labels)[]) {
      const value = values[key];
      if (value === undefined) continue;
      const name = config.ticketFields[key];
      if (name === null) notes.push(`${labels[key]}: ${value}`);
      else fields[name] = value;
    }
    if (Object.keys(fields).length > 0) {
      await client.updateTicket(ticketId, { custom_fields: fields }, signal);
    }
    if (notes.length > 0) {
      await client.comment(ticketId, { [config.commentField]: notes.join('\n') }, signal);
    }
    return { ticketId };
  },
} satisfies ActionDefinition<
  ThuliumConfig,
  ThuliumApi,
  z.output<typeof inputSchema>,
  ChangedTicket
>;
