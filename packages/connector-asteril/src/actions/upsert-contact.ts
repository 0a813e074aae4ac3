import type { FoundContact } from '@crossline/core';
import { type Contact, contactSchema } from '@crossline/core/model';
import { type ActionDefinition, foundContactSchema } from '@crossline/core/sdk';
import type { AsterilApi } from '../api.js';
import { clients, foundClient } from '../lib/clients.js';
import { clientMapper, clientMapping } from '../mapping.js';
import type { AsterilConfig } from '../options.js';

/**
 * `contacts.upsert`: the Client with one of the contact's numbers, or a new Client with the
 * first number (canonical), the name and the mapped text fields (`POST /clients`), remembered
 * for the next calls from the number. No responsible manager is set: the CRM's users set it
 * by hand.
 * @throws `VendorError` (not retryable) when several Clients have a number: merge them in the
 *   CRM; or when the contact has no number
 */
export const upsertContact = {
  input: contactSchema,
  output: foundContactSchema,
  permissions: ['GET /clients', 'POST /clients'],
  run: async (contact, context) => {
    const existing = await clients.existing(context, contact.phones);
    if (existing) return foundClient(existing);
    const client = clientMapper.toVendor(contact, clientMapping(context.config));
    const created = await context.client.createClient(client, { signal: context.signal });
    const record = { id: created.id, phone: client.phone };
    clients.remember(context, client.phone, record);
    return foundClient(record);
  },
} satisfies ActionDefinition<AsterilConfig, AsterilApi, Contact, FoundContact>;
