import type { ActionDefinition } from '@crossline/core/sdk';
import { z } from 'zod';
import type { ThuliumApi } from '../api.js';
import type { ThuliumConfig } from '../options.js';
import { type ChangedTicket, changedTicketSchema, ticketIdSchema } from './schemas.js';

const inputSchema = z.object({
  /** The ticket. */
  ticketId: ticketIdSchema,
  /** The comment. */
  text: z.string().min(1),
});

/**
 * `tickets.addComment`: `POST /tickets/:id/comment` with the text under the `commentField`
 * option (UNCERTAIN: the endpoint is known from third-party code, its fields not at all).
 */
export const addComment = {
  input: inputSchema,
  output: changedTicketSchema,
  permissions: ['POST /tickets/:id/comment'],
  async run({ ticketId, text }, { client, config, signal }) {
    await client.comment(ticketId, { [config.commentField]: text }, signal);
    return { ticketId };
  },
} satisfies ActionDefinition<
  ThuliumConfig,
  ThuliumApi,
  z.output<typeof inputSchema>,
  ChangedTicket
>;
