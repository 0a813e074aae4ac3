import { normalizePhone, phoneVariants } from '@crossline/core';
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
 * manager look-up first (one request, the CRM's own phone matching), then searches customers
 * by the first `variants` forms of the number (`380…`, `+380…`, `0…`). Every hit is checked
 * by normalising its stored phones, so a fuzzy match on another number is never taken.
 */
export async function findCustomerByPhone(
  client: RetailcrmClient,
  canonical: string,
  options: PhoneLookupOptions,
  call?: CallOptions,
): Promise<RetailcrmCustomer | undefined> {
  const owns = (customer: RetailcrmCustomer) =>
    (customer.site === undefined || customer.site === options.site) &&
    customer.phones.some((phone) => sameNumber(phone.number, canonical, options.defaultCountry));
  const { customer } = await client.telephonyManager(toRetailcrmPhone(canonical), call);
  if (customer && owns(customer)) return customer;
  const forms = phoneVariants(canonical, { defaultCountry: options.defaultCountry });
  for (const form of forms.slice(0, options.variants)) {
    const filter = { name: form, sites: [options.site] };
    const { customers } = await client.listCustomers({ filter, limit: 20 }, call);
    const found = customers.find(owns);
    if (found) return found;
  }
  return undefined;
}

/** Whether a stored number, in whatever form, is the canonical one. */
export function sameNumber(
  stored: string | undefined,
  canonical: string,
  defaultCountry: Country,
): boolean {
  if (!stored) return false;
  try {
    return normalizePhone(stored, { defaultCountry }) === canonical;
  } catch {
    return false;
  }
}
