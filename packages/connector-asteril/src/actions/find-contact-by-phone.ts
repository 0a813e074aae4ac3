import type { ContactLookup } from '@crossline/core';
import { type ActionDefinition, contactLookupSchema, phoneLookupSchema } from '@crossline/core/sdk';
import type { AsterilApi } from '../api.js';
import { clients } from '../lib/clients.js';
import type { AsterilConfig } from '../options.js';

/**
 * `contacts.findByPhone`: the one Client with the number in any stored form; none; or several —
 * then a `warning` names them and none is bound.
 */
export const findContactByPhone = {
  input: phoneLookupSchema,
  output: contactLookupSchema,
  permissions: ['GET /clients'],
  run: ({ phone }, context) => clients.findContact(context, phone),
} satisfies ActionDefinition<AsterilConfig, AsterilApi, { phone: string }, ContactLookup>;
