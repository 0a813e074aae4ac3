import {
  type ActionDefinition,
  type HelpdeskCustomerLookup,
  helpdeskCustomerLookupSchema,
} from '@crossline/core/sdk';
import { z } from 'zod';
import type { ThuliumApi } from '../api.js';
import { lookUpCustomer } from '../lib/customers.js';
import type { ThuliumConfig } from '../options.js';

const inputSchema = z.object({
  /** The origin's id of the customer. */
  externalId: z.string().trim().min(1),
});

/**
 * `customers.findByExternalId`: `GET /customers?custom_fields[<customerField>]=<id>`, each hit
 * checked for an exact match; several exact matches warn and bind none.
 */
export const findCustomer = {
  input: inputSchema,
  output: helpdeskCustomerLookupSchema,
  permissions: ['GET /customers'],
  async run({ externalId }, { client, config, signal, warn }) {
    const lookup = await lookUpCustomer(client, config, externalId, signal);
    if (lookup.status === 'ambiguous') {
      warn(`Several Thulium customers hold this id in "${config.customerField}": bound to none`, {
        customerIds: lookup.ids,
      });
    }
    return lookup;
  },
} satisfies ActionDefinition<
  ThuliumConfig,
  ThuliumApi,
  z.output<typeof inputSchema>,
  HelpdeskCustomerLookup
>;
