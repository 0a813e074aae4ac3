import { findByPhone, isSameNumber, type PhoneMatch } from '@crossline/core';
import type { CallOptions, RetailcrmClient } from './client.js';
import { toRetailcrmPhone } from './mappers.js';
import type { Country } from './options.js';
import type { RetailcrmCustomer } from './schemas.js';

/** How {@link findCustomerByPhone} searches. */
export interface PhoneLookupOptions {
  /** The shop code: only its customers count. */
  site: string;
  /** The country of numbers stored without a country code. */
  defaultCountry: Country;
  /** How many forms of the number to search `filter[name]` with. */
  variants: number;
}

/**
 * Finds the customer with a number, whatever form it was typed in: asks the CRM's telephony
 * manager look-up first (one request on the telephony budget, the CRM's own phone matching),
 * then searches customers by the first `variants` forms of the number (`380…`, `+380…`, `0…`)
 * with core's `findByPhone`, which keeps only customers whose stored phone normalises to the
 * number and tells one match from several.
 */
export async function findCustomerByPhone(
  client: RetailcrmClient,
  canonical: string,
  options: PhoneLookupOptions,
  call?: CallOptions,
): Promise<PhoneMatch<RetailcrmCustomer>> {
  const inShop = (customer: RetailcrmCustomer) =>
    customer.site === undefined || customer.site === options.site;
  const phonesOf = (customer: RetailcrmCustomer) => customer.phones.map((phone) => phone.number);
  const { customer } = await client.telephonyManager(toRetailcrmPhone(canonical), call);
  const country = { defaultCountry: options.defaultCountry };
  if (customer && inShop(customer)) {
    if (phonesOf(customer).some((phone) => isSameNumber(phone, canonical, country))) {
      return { status: 'found', record: customer };
    }
  }
  return findByPhone({
    canonical,
    defaultCountry: options.defaultCountry,
    variants: options.variants,
    search: async (form) => {
      const filter = { name: form, sites: [options.site] };
      return (await client.listCustomers({ filter, limit: 20 }, call)).customers.filter(inShop);
    },
    phonesOf,
    idOf: (record) => String(record.id),
  });
}
