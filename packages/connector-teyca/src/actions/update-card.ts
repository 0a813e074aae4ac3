import type { ActionDefinition } from '@crossline/core/sdk';
import { z } from 'zod';
import type { TeycaApi } from '../api.js';
import { cardContext } from '../lib/cards.js';
import { cardFieldsMapper } from '../mapping.js';
import type { TeycaConfig } from '../options.js';
import { cardFieldsSchema, cardIdSchema } from './schemas.js';

/** The input of `cards.update`: the pass id and the fields to change. */
const updateInputSchema = cardFieldsSchema.extend({
  /** The pass id. */
  id: cardIdSchema,
});

/** What `cards.update` resolves with. */
const updatedSchema = z.object({
  /** The pass id. */
  id: z.string(),
});

/**
 * `cards.update`: `PUT /passes/{id}` with only the fields given (Teyca keeps the others).
 * Nothing is sent when no field is given. The balance is not a field here: use the bonus
 * actions (a PUT of `bonus` would set it, losing its history).
 */
export const updateCard = {
  input: updateInputSchema,
  output: updatedSchema,
  permissions: ['passes:write'],
  async run({ id, ...fields }, { client, config, signal }) {
    const body = cardFieldsMapper.toVendor(fields, cardContext(config));
    if (Object.keys(body).length > 0) await client.updatePass(id, body, signal);
    return { id };
  },
} satisfies ActionDefinition<
  TeycaConfig,
  TeycaApi,
  z.output<typeof updateInputSchema>,
  z.output<typeof updatedSchema>
>;
