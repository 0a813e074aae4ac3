import { ValidationError } from '@crossline/core';
import type { ActionDefinition } from '@crossline/core/sdk';
import type { z } from 'zod';
import type { ThuliumApi } from '../api.js';
import { alreadyAdded } from '../lib/already-added.js';
import { responseBody, withAttachmentNote } from '../mapping.js';
import type { ThuliumConfig } from '../options.js';
import { type ChangedTicket, changedTicketSchema, messageInputSchema } from './schemas.js';

/**
 * `tickets.addCustomerMessage`: `POST /tickets/:id/customer_response`, PLAIN, dated with the
 * message's time. That call takes no attachments: their names and links are listed under the
 * text instead. With `mayExist`, the ticket is read first (`GET /tickets/:id`) and a message
 * already there is not added again.
 */
export const addCustomerMessage = {
  input: messageInputSchema,
  output: changedTicketSchema,
  permissions: ['POST /tickets/:id/customer_response', 'GET /tickets/:id'],
  async run({ ticketId, message, mayExist }, { client, config, signal }) {
    if (message.authorRole !== 'customer') {
      throw new ValidationError('tickets.addCustomerMessage takes a customer’s message', {
        issues: [{ path: 'message.authorRole', message: 'must be customer' }],
      });
    }
    const body = responseBody(
      message,
      withAttachmentNote(message.text, message.attachments),
      config,
    );
    const added = { ticketId, body: body.body, as: 'customer' as const, date: body.date };
    if (mayExist && (await alreadyAdded(client, config, added, signal))) return { ticketId };
    await client.customerResponse(ticketId, body, signal);
    return { ticketId };
  },
} satisfies ActionDefinition<
  ThuliumConfig,
  ThuliumApi,
  z.output<typeof messageInputSchema>,
  ChangedTicket
>;
