import { ValidationError } from '@crossline/core';
import { findByPhone, isSameNumber, type PhoneMatch } from '@crossline/core/phone';
import type { ManagerAnswer } from './answers.js';
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
  /**
   * Told when the telephony manager look-up answered something that cannot be read: the
   * search goes on with the customers list instead of failing.
   */
  warn?: ((message: string, details: Readonly<Record<string, unknown>>) => void) | undefined;
}

/**
 * Finds the customer with a number, whatever form it was typed in: asks the CRM's telephony
 * manager look-up first (one request on the telephony budget, the CRM's own phone matching),
 * then searches customers by the first `variants` forms of the number (`380…`, `+380…`, `0…`)
 * with core's `findByPhone`, which keeps only customers whose stored phone normalises to the
 * number and tells one match from several. The first look-up is a shortcut: when its answer
 * cannot be read, `options.warn` is told and the customers search decides alone.
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
  const { customer } = await managerLookup(client, canonical, options, call);
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

/** `telephony/manager` for the number; an answer that cannot be read counts as no match. */
async function managerLookup(
  client: RetailcrmClient,
  canonical: string,
  options: PhoneLookupOptions,
  call?: CallOptions,
): Promise<Partial<ManagerAnswer>> {
  try {
    return await client.telephonyManager(toRetailcrmPhone(canonical), call);
  } catch (error) {
    if (!(ValidationError.isInstance(error) && error.code === 'INVALID_RESPONSE')) throw error;
    options.warn?.(
      'The CRM answered telephony/manager in a form that cannot be read; searched customers instead',
      {
        phone: canonical,
        fallback: 'customers search',
        issues: error.issues,
      },
    );
    return {};
  }
}
