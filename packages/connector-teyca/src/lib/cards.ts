import { NotFoundError } from '@crossline/core';
import type { TeycaApi } from '../api.js';
import type { CardMappingContext } from '../mapping.js';
import type { TeycaConfig } from '../options.js';
import type { TeycaPass } from '../wire.js';

/** What the card mappings need, from the options. */
export function cardContext(config: TeycaConfig): CardMappingContext {
  return {
    defaultCountry: config.defaultCountry,
    mailingConsent: config.mailingConsent,
    pushAllowed: config.pushAllowed,
  };
}

/** The pass with an id, or a {@link NotFoundError} naming it. */
export async function requirePass(
  client: TeycaApi,
  userId: string,
  signal?: AbortSignal,
): Promise<TeycaPass> {
  const pass = await client.getPass(userId, signal);
  if (pass === null) throw new NotFoundError(`Teyca has no pass with user_id ${userId}`);
  return pass;
}
