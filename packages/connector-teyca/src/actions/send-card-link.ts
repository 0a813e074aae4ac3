import { normalizePhone, ValidationError } from '@crossline/core';
import type { ActionDefinition } from '@crossline/core/sdk';
import { z } from 'zod';
import type { TeycaApi } from '../api.js';
import { requirePass } from '../lib/cards.js';
import type { TeycaConfig } from '../options.js';
import { cardIdSchema } from './schemas.js';

/** The input of `cards.sendLink`. */
const sendLinkInputSchema = z.object({
  /** The pass id. */
  id: cardIdSchema,
  /** By SMS or by e-mail. */
  channel: z.enum(['sms', 'email']),
  /** Where to: a phone (SMS) or an address (e-mail); the pass's own when absent. */
  to: z.string().min(1).optional(),
});

/** What `cards.sendLink` resolves with. */
const sentLinkSchema = z.object({
  /** The pass id. */
  id: z.string(),
  /** The channel used. */
  channel: z.enum(['sms', 'email']),
});

/**
 * `cards.sendLink`: sends the card's install link (`POST /send/sms` `{ user_id, phone }` or
 * `/send/email` `{ user_id, email }`), to the pass's own phone or e-mail unless `to` is given.
 * Not retried on its own: a repeat would send a second message.
 */
export const sendCardLink = {
  input: sendLinkInputSchema,
  output: sentLinkSchema,
  permissions: ['passes:send'],
  async run({ id, channel, to }, { client, config, signal }) {
    const address =
      to ?? (await requirePass(client, id, signal))[channel === 'sms' ? 'phone' : 'email'];
    if (!address) {
      throw new ValidationError(
        `Teyca pass ${id} has no ${channel === 'sms' ? 'phone' : 'e-mail'} to send the card link to`,
        {
          issues: [{ path: 'to', message: 'required: the pass has none' }],
        },
      );
    }
    const target =
      channel === 'sms'
        ? { phone: normalizePhone(address, { defaultCountry: config.defaultCountry }) }
        : { email: address };
    await client.sendCardLink(id, target, signal);
    return { id, channel };
  },
} satisfies ActionDefinition<
  TeycaConfig,
  TeycaApi,
  z.output<typeof sendLinkInputSchema>,
  z.output<typeof sentLinkSchema>
>;
