import type { CrmContactRecord } from '@crossline/core/sdk';
import { mappedCustomFields } from '../mapping.js';
import type { RetailcrmConfig } from '../options.js';
import type { RetailcrmCustomer } from '../wire-crm.js';

/** A customer as a CRM contact record: its phones as typed, the mapped custom fields read back. */
export function contactRecordOf(
  customer: RetailcrmCustomer,
  config: Pick<RetailcrmConfig, 'customFields'>,
): CrmContactRecord {
  return {
    id: String(customer.id),
    phones: customer.phones.flatMap((phone) => phone.number ?? []),
    ...(customer.externalId ? { externalId: customer.externalId } : {}),
    customFields: mappedCustomFields(customer, config),
  };
}
