import type { HelpdeskCustomerLookup } from '@crossline/core/sdk';
import type { ThuliumApi } from '../api.js';
import { externalIdOf } from '../mapping.js';
import type { ThuliumConfig } from '../options.js';

/**
 * The customers whose configured field holds exactly `externalId`: Thulium's filter may match
 * partly or ignore case (UNCERTAIN), so each hit's value is checked again; a hit whose answer
 * carries no custom fields at all is trusted to the filter.
 */
export async function lookUpCustomer(
  client: ThuliumApi,
  config: ThuliumConfig,
  externalId: string,
  signal?: AbortSignal,
): Promise<HelpdeskCustomerLookup> {
  const field = config.customerField;
  const hits = await client.findCustomers(field, externalId, config.customerPageSize, signal);
  const exact = hits.filter((customer) =>
    customer.custom_fields === undefined ? true : externalIdOf(customer, field) === externalId,
  );
  const [first] = exact;
  if (first === undefined) return { status: 'none' };
  if (exact.length > 1) {
    return { status: 'ambiguous', ids: exact.map((customer) => customer.customer_id) };
  }
  return { status: 'found', customer: { id: first.customer_id, externalId } };
}
