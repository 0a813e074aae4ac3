import type { ActionDefinition, LoyaltyCardRecord } from '@crossline/core/sdk';
import { z } from 'zod';
import type { TeycaApi } from '../api.js';
import { cardContext } from '../lib/cards.js';
import { cardFromPass } from '../mapping.js';
import type { TeycaConfig } from '../options.js';
import { cardIdSchema, cardRecordSchema } from './schemas.js';

/** The input of `cards.get`: a pass by its id (`user_id`) or by its barcode. */
const cardRefSchema = z.union([
  z.object({
    /** The pass id. */
    id: cardIdSchema,
  }),
  z.object({
    /** The barcode. */
    barcode: z.string().min(1),
  }),
]);

/**
 * `cards.get`: the pass by id (`GET /passes/userid/{id}`) or barcode
 * (`GET /passes/barcode/{code}`), or `null` when Teyca has none.
 */
export const getCard = {
  input: cardRefSchema,
  output: cardRecordSchema.nullable(),
  permissions: ['passes:read'],
  async run(ref, { client, config, signal }) {
    const pass =
      'id' in ref
        ? await client.getPass(ref.id, signal)
        : await client.getPassByBarcode(ref.barcode, signal);
    return pass === null ? null : cardFromPass(pass, cardContext(config));
  },
} satisfies ActionDefinition<
  TeycaConfig,
  TeycaApi,
  z.output<typeof cardRefSchema>,
  LoyaltyCardRecord | null
>;
