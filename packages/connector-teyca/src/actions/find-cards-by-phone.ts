import { normalizePhone } from '@crossline/core';
import type { ActionDefinition, LoyaltyCardRecord } from '@crossline/core/sdk';
import { z } from 'zod';
import type { TeycaApi } from '../api.js';
import { cardContext } from '../lib/cards.js';
import { cardFromPass } from '../mapping.js';
import type { TeycaConfig } from '../options.js';
import { cardRecordSchema } from './schemas.js';

/** The input of `cards.findByPhone`. */
const phoneInputSchema = z.object({
  /** The number in any typed form; searched as canonical digits (`79001234567`). */
  phone: z.string().min(1),
});

/** The most pages a phone search reads (several cards per phone are possible, hundreds not). */
const maxPages = 5;

/**
 * `cards.findByPhone`: every pass with the number (`GET /passes?search=phone=<digits>`), page
 * by page. Several cards may share a phone; a loyalty-sync pipeline merges them by it.
 */
export const findCardsByPhone = {
  input: phoneInputSchema,
  output: z.array(cardRecordSchema).readonly(),
  permissions: ['passes:read'],
  async run({ phone }, { client, config, signal }) {
    const digits = normalizePhone(phone, { defaultCountry: config.defaultCountry });
    const limit = config.poll.pageSize;
    const cards: LoyaltyCardRecord[] = [];
    for (let page = 0; page < maxPages; page += 1) {
      const query = { search: { phone: digits }, limit, offset: page * limit };
      const { passes } = await client.listPasses(query, signal);
      cards.push(...passes.map((pass) => cardFromPass(pass, cardContext(config))));
      if (passes.length < limit) break;
    }
    // Teyca's matching may be by substring (UNCERTAIN): keep the exact numbers only.
    return cards.filter((card) => card.phone === digits);
  },
} satisfies ActionDefinition<
  TeycaConfig,
  TeycaApi,
  z.output<typeof phoneInputSchema>,
  readonly LoyaltyCardRecord[]
>;
