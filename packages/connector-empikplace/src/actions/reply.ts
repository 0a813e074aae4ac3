import { ValidationError } from '@crossline/core';
import {
  type ActionDefinition,
  type MarketplaceReplyResult,
  marketplaceReplyResultSchema,
  marketplaceReplySchema,
} from '@crossline/core/sdk';
import type { z } from 'zod';
import type { EmpikplaceApi } from '../api.js';
import { conversationFiles, replyFiles } from '../lib/attachments.js';
import { toPlainText } from '../lib/plain-text.js';
import type { EmpikplaceConfig } from '../options.js';
import type { MiraklThread } from '../wire.js';

/** How far before the event a shop message with the same text counts as this reply, posted. */
const clockSkewMs = 5 * 60_000;

/** The text as sent, its length within the marketplace's limits (M12: 3–50 000 characters). */
function replyText(input: z.output<typeof marketplaceReplySchema>, config: EmpikplaceConfig) {
  const { footer, minLength, maxLength } = config.replies;
  const text = toPlainText(input.text, input.format, footer);
  if (text.length < minLength || text.length > maxLength) {
    const message = `The reply has ${text.length} characters as plain text; EmpikPlace takes ${minLength} to ${maxLength}. Nothing was sent.`;
    throw new ValidationError(message, { issues: [{ path: 'text', message }] });
  }
  return text;
}

/** The shop's message with this text posted since the event, if the reply went out already. */
function postedAlready(thread: MiraklThread, text: string, occurredAt: number) {
  return thread.messages.find(
    (message) =>
      message.from.type === 'SHOP_USER' &&
      message.body === text &&
      Date.parse(message.date_created) >= occurredAt - clockSkewMs,
  );
}

/**
 * `messages.reply`: answers the customer in the conversation (M12, multipart: `message_input`
 * `{ body, to: [{ type: 'CUSTOMER' }] }` and one `files` part per file). The text goes as plain
 * text — HTML or Markdown converted, the `replies.footer` option added — and must be 3 to 50 000
 * characters. The conversation is read first (M10): a reply whose files would take it over
 * `replies.attachmentLimitBytes` (or `replies.maxAttachments`) is refused with a
 * `ValidationError` stating the sizes before any byte is sent; the same text posted by the shop
 * since the event means a redelivery, answered `duplicate` without posting again.
 */
export const reply = {
  input: marketplaceReplySchema,
  output: marketplaceReplyResultSchema,
  permissions: [
    'M10 GET /api/inbox/threads/{thread_id}',
    'M12 POST /api/inbox/threads/{thread_id}/message',
  ],
  run: async (input, { client, config, signal, occurredAt }) => {
    const text = replyText(input, config);
    const thread = await client.thread(input.conversationId, signal);
    const posted = postedAlready(thread, text, occurredAt);
    if (posted !== undefined)
      return { messageId: posted.id, conversationId: thread.id, duplicate: true };
    const files = await replyFiles(input.attachments, conversationFiles(thread), config, signal);
    const body = { body: text, to: [{ type: 'CUSTOMER' as const }] };
    const answer = await client.reply(input.conversationId, body, files, signal);
    return {
      messageId: answer.message_id,
      conversationId: answer.thread_id ?? input.conversationId,
      duplicate: false,
    };
  },
} satisfies ActionDefinition<
  EmpikplaceConfig,
  EmpikplaceApi,
  z.output<typeof marketplaceReplySchema>,
  MarketplaceReplyResult
>;
