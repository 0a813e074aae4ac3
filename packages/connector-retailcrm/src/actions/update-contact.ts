import type { FoundContact } from '@crossline/core';
import {
  type ActionDefinition,
  applyFieldMap,
  type CrmContactPatch,
  crmContactPatchSchema,
  foundContactSchema,
} from '@crossline/core/sdk';
import type { RetailcrmApi } from '../api.js';
import type { RetailcrmConfig } from '../options.js';
import type { RetailcrmCustomerInput } from '../wire-requests.js';

/**
 * `contacts.update`: overwrites the custom fields given (`POST /customers/{id}/edit?by=id`),
 * placed where the `customFields` option maps them; fields it does not map are not sent.
 */
export const updateContact = {
  input: crmContactPatchSchema,
  output: foundContactSchema,
  permissions: ['/api/customers/{externalId}/edit'],
  run: async ({ id, customFields }, { client, config, signal }) => {
    const patch = applyFieldMap({ customFields }, config.customFields) as RetailcrmCustomerInput;
    await client.editCustomer(id, patch, 'id', { signal });
    return { id, phones: [] };
  },
} satisfies ActionDefinition<RetailcrmConfig, RetailcrmApi, CrmContactPatch, FoundContact>;
