import { ValidationError } from '@crossline/core';
import type { ActionDefinition } from '@crossline/core/sdk';
import type { z } from 'zod';
import type { ThuliumApi } from '../api.js';
import { alreadyAdded } from '../lib/already-added.js';
import { markedText, responseBody, withAttachmentNote } from '../mapping.js';
import type { ThuliumConfig } from '../options.js';
import { type ChangedTicket, changedTicketSchema, messageInputSchema } from './schemas.js';

/**
 * `tickets.addAuthoredMessage`: a message from the host's side (the shop, a marketplace
 * operator, an automatic reply as `agent`), marked by its author (`[Shop: Anna] …`). As
 * `agentResponse` (the default): `POST /tickets/:id/agent_response` by `agentLogin` with the
 * file tokens — `agentReplies` never yields replies by that login; as `comment`: an internal
 * comment. With `mayExist`, the ticket is read first (`GET /tickets/:id`) and a message already
 * there is not added again.
 */
export const addAuthoredMessage = {
  input: messageInputSchema,
  output: changedTicketSchema,
  permissions: [
    'POST /tickets/:id/agent_response',
    'POST /tickets/:id/comment',
    'GET /tickets/:id',
  ],
  async run({ ticketId, message, files, mayExist }, { client, config, signal, occurredAt }) {
    if (message.authorRole === 'customer') {
      throw new ValidationError('tickets.addAuthoredMessage takes a message from the host’s side', {
        issues: [{ path: 'message.authorRole', message: 'must be shop, operator or agent' }],
      });
    }
    const marked = markedText(message, config);
    if (config.authoredMessages === 'comment') {
      const text = withAttachmentNote(marked, message.attachments);
      const since = Math.min(Date.parse(message.sentAt), occurredAt);
      const added = { ticketId, body: text, as: 'COMMENT' as const, since };
      if (mayExist && (await alreadyAdded(client, config, added, signal))) return { ticketId };
      await client.comment(ticketId, { [config.commentField]: text }, signal);
      return { ticketId };
    }
    const text = withAttachmentNote(marked, files.length ? [] : message.attachments);
    const body = {
      ...responseBody(message, text, config),
      user_login: config.agentLogin,
      ...(files.length ? { attachments: files } : {}),
    };
    const added = { ticketId, body: text, as: 'REPLY' as const, date: body.date };
    if (mayExist && (await alreadyAdded(client, config, added, signal))) return { ticketId };
    await client.agentResponse(ticketId, body, signal);
    return { ticketId };
  },
} satisfies ActionDefinition<
  ThuliumConfig,
  ThuliumApi,
  z.output<typeof messageInputSchema>,
  ChangedTicket
>;
