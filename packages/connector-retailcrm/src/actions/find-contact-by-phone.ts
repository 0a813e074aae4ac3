import type { ContactLookup } from '@crossline/core';
import { type ActionDefinition, contactLookupSchema, phoneLookupSchema } from '@crossline/core/sdk';
import type { RetailcrmApi } from '../api.js';
import { crmKit, searchMethods } from '../lib/crm-kit.js';
import type { RetailcrmConfig } from '../options.js';

/**
 * `contacts.findByPhone`: the one customer of the shop with the number in any typed form; none;
 * or several — then a `warning` names them and none is bound.
 */
export const findContactByPhone = {
  input: phoneLookupSchema,
  output: contactLookupSchema,
  permissions: searchMethods,
  run: ({ phone }, context) => crmKit.findContact(context, phone),
} satisfies ActionDefinition<RetailcrmConfig, RetailcrmApi, { phone: string }, ContactLookup>;
