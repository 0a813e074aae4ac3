import { ValidationError } from '@crossline/core';
import type { ActionDefinition, LoyaltyOperation } from '@crossline/core/sdk';
import { z } from 'zod';
import type { TeycaApi } from '../api.js';
import { cardContext, requirePass } from '../lib/cards.js';
import { cardFromPass, mailingConsentOf } from '../mapping.js';
import type { TeycaConfig } from '../options.js';
import { cardIdSchema, dateTimeSchema, operationSchema } from './schemas.js';

/** The input of `messages.send` (core's `LoyaltyMessage`). */
const messageInputSchema = z.object({
  /** The pass id. */
  cardId: cardIdSchema,
  /** A wallet PUSH, an SMS or a Telegram message. */
  channel: z.enum(['push', 'sms', 'telegram']),
  /** The text; placeholders such as `%first_name%` are Teyca's. */
  text: z.string().min(1),
  /** When to send (`date_start`), ISO 8601; at once when absent. */
  sendAt: dateTimeSchema.optional(),
  /** The holder's mailing consent when the caller knows it; read from the pass otherwise. */
  mailingConsent: z.boolean().optional(),
  /** Whether the card accepts PUSH when the caller knows it; read from the pass otherwise. */
  pushAllowed: z.boolean().optional(),
});

type MessageInput = z.output<typeof messageInputSchema>;

/**
 * `messages.send`: one message to one holder (`POST /message/push|sms|telegram`). Refused with
 * a `ValidationError` before any mailing request — and before any request at all when the input
 * carries the flags — when the holder did not consent to mailings or nobody knows (Teyca keeps
 * no consent: see the `mailingConsent` option), or when a PUSH goes to a card without
 * notifications allowed. The pass is read only for a flag the input does not carry. Not
 * retried on its own: a repeat would send twice.
 */
export const sendMessage = {
  input: messageInputSchema,
  output: operationSchema,
  permissions: ['messages:send'],
  async run(input, { client, config, signal }) {
    const { cardId, channel } = input;
    let { mailingConsent, pushAllowed } = input;
    refuse(input, mailingConsent, pushAllowed);
    if (mailingConsent === undefined && config.mailingConsent === undefined)
      throw unknownConsent(cardId);
    const needsPass =
      mailingConsent === undefined || (channel === 'push' && pushAllowed === undefined);
    if (needsPass) {
      const pass = await requirePass(client, cardId, signal);
      mailingConsent ??= mailingConsentOf(pass, cardContext(config));
      pushAllowed ??= cardFromPass(pass, cardContext(config)).pushAllowed;
    }
    if (mailingConsent === undefined) throw unknownConsent(cardId);
    refuse(input, mailingConsent, pushAllowed);
    const message = { userIds: [cardId], text: input.text, dateStart: input.sendAt };
    const answer = await client.sendMessage(channel, message, signal);
    const operationId = 'message_id' in answer ? answer.message_id : undefined;
    return operationId === undefined ? { cardId } : { cardId, operationId };
  },
} satisfies ActionDefinition<TeycaConfig, TeycaApi, MessageInput, LoyaltyOperation>;

/** Throws the refusal a known "no" earns. */
function refuse(
  input: MessageInput,
  consent: boolean | undefined,
  push: boolean | undefined,
): void {
  if (consent === false) {
    throw refusal(
      `Teyca pass ${input.cardId}: the holder did not consent to mailings: nothing sent`,
      'mailingConsent',
    );
  }
  if (input.channel === 'push' && push === false) {
    throw refusal(
      `Teyca pass ${input.cardId}: PUSH notifications are not allowed on the card: nothing sent`,
      'pushAllowed',
    );
  }
}

function unknownConsent(cardId: string): ValidationError {
  return refusal(
    `Teyca pass ${cardId}: mailing consent is unknown (Teyca keeps none: set the mailingConsent option, or pass the CRM's flag as mailingConsent): nothing sent`,
    'mailingConsent',
  );
}

function refusal(message: string, path: string): ValidationError {
  return new ValidationError(message, { issues: [{ path, message: 'not allowed to send' }] });
}
