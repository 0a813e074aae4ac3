import { NotFoundError } from '@crossline/core';
import {
  type ActionDefinition,
  type CrmContactRecord,
  type CrmContactRef,
  crmContactRecordSchema,
  crmContactRefSchema,
} from '@crossline/core/sdk';
import type { RetailcrmApi } from '../api.js';
import { contactRecordOf } from '../lib/contact-record.js';
import type { RetailcrmConfig } from '../options.js';

/**
 * `contacts.get`: the customer by id or `externalId` (`GET /customers/{x}?by=`), with the
 * custom fields the `customFields` option maps read back under their canonical names; `null`
 * for a 404.
 */
export const getContact = {
  input: crmContactRefSchema,
  output: crmContactRecordSchema,
  permissions: ['/api/customers/{externalId}'],
  run: async (ref, { client, config, signal }) => {
    const [key, by] =
      'id' in ref ? [ref.id, 'id' as const] : [ref.externalId, 'externalId' as const];
    try {
      const { customer } = await client.getCustomer(key, by, { signal });
      return contactRecordOf(customer, config);
    } catch (error) {
      if (NotFoundError.isInstance(error)) return null;
      throw error;
    }
  },
} satisfies ActionDefinition<RetailcrmConfig, RetailcrmApi, CrmContactRef, CrmContactRecord | null>;
