import type { FoundContact } from '@crossline/core';
import { type Contact, contactSchema } from '@crossline/core/model';
import { type ActionDefinition, foundContactSchema } from '@crossline/core/sdk';
import type { RetailcrmApi } from '../api.js';
import { contactMapper } from '../mapping.js';
import type { RetailcrmConfig } from '../options.js';

/**
 * `contacts.create`: a new customer (`POST /customers/create`) — never matched by phone, so
 * several customers may share a number; `Contact.id` becomes its `externalId`, which the CRM
 * keeps unique. Not safe to repeat: look the customer up (`contacts.get`) first.
 */
export const createContact = {
  input: contactSchema,
  output: foundContactSchema,
  permissions: ['/api/customers/create'],
  run: async (contact, { client, config, signal }) => {
    const customer = contactMapper.toVendor(contact, { options: config });
    const { id } = await client.createCustomer(customer, { signal });
    return { id: String(id), phones: (customer.phones ?? []).map((phone) => phone.number) };
  },
} satisfies ActionDefinition<RetailcrmConfig, RetailcrmApi, Contact, FoundContact>;
