import { NotFoundError } from '@crossline/core';
import type { ActionDefinition } from '@crossline/core/sdk';
import { z } from 'zod';
import type { TeycaApi } from '../api.js';
import type { TeycaConfig } from '../options.js';
import { cardIdSchema } from './schemas.js';

/** The input of `cards.delete`. */
const deleteInputSchema = z.object({
  /** The pass id. */
  id: cardIdSchema,
});

/** What `cards.delete` resolves with. */
const deletedSchema = z.object({
  /** The pass id. */
  id: z.string(),
  /** False when Teyca had no such pass (deleted before: a repeat is harmless). */
  deleted: z.boolean(),
});

/** `cards.delete`: `DELETE /passes/{id}`; a pass already gone is not an error. */
export const deleteCard = {
  input: deleteInputSchema,
  output: deletedSchema,
  permissions: ['passes:write'],
  async run({ id }, { client, signal }) {
    try {
      await client.deletePass(id, signal);
      return { id, deleted: true };
    } catch (error) {
      if (NotFoundError.isInstance(error)) return { id, deleted: false };
      throw error;
    }
  },
} satisfies ActionDefinition<
  TeycaConfig,
  TeycaApi,
  z.output<typeof deleteInputSchema>,
  z.output<typeof deletedSchema>
>;
