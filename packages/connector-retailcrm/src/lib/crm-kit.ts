import { ValidationError } from '@crossline/core';
import { findByPhone, isSameNumber, type PhoneMatch } from '@crossline/core/phone';
import { type ActionContext, createCrmKit } from '@crossline/core/sdk';
import type { RetailcrmApi } from '../api.js';
import { toRetailcrmPhone } from '../mapping.js';
import type { RetailcrmConfig } from '../options.js';
import type { RetailcrmCustomer } from '../wire-crm.js';
import type { ManagerAnswer } from '../wire-telephony.js';

/** What the retailCRM actions are given. */
export type RetailcrmActionContext = ActionContext<RetailcrmConfig, RetailcrmApi>;

/**
 * The connector's CRM kit (core's `createCrmKit`): one match binds, several bind none and warn,
 * an upsert never guesses, and a repeat caller's customer is remembered in the connector's own
 * memory. Filled with retailCRM's search, {@link searchCustomers}.
 */
export const crmKit = createCrmKit<RetailcrmCustomer, RetailcrmConfig, RetailcrmApi>({
  noun: 'customer',
  search: searchCustomers,
  toContact: (customer) => ({
    id: String(customer.id),
    phones: customer.phones.flatMap((phone) => phone.number ?? []),
  }),
});

/**
 * The customers of the shop with a number, whatever form it was typed in: searches customers by
 * the first `lookupVariants` forms of the number (`380…`, `+380…`, `0…`) with core's
 * `findByPhone`, which keeps only customers whose stored phone normalises to the number and
 * tells one match from several; the CRM's own telephony look-up (`telephony/manager`, the CRM's
 * phone matching) adds the customer it names, so a number stored in a form the search does not
 * try is found too. The telephony look-up never decides alone: it names one customer even when
 * several have the number, and binding that one would be a guess. When its answer cannot be
 * read, a `warning` says so and the search decides alone.
 */
async function searchCustomers(
  context: RetailcrmActionContext,
  canonical: string,
): Promise<PhoneMatch<RetailcrmCustomer>> {
  const { client, config, signal } = context;
  const inShop = (customer: RetailcrmCustomer) =>
    customer.site === undefined || customer.site === config.site;
  const phonesOf = (customer: RetailcrmCustomer) => customer.phones.map((phone) => phone.number);
  const { customer: named } = await managerLookup(context, canonical);
  const country = { defaultCountry: config.defaultCountry };
  const found = await findByPhone({
    canonical,
    defaultCountry: config.defaultCountry,
    variants: config.lookupVariants,
    search: async (form) => {
      const filter = { name: form, sites: [config.site] };
      const { customers } = await client.listCustomers({ filter, limit: 20 }, { signal });
      return customers.filter(inShop);
    },
    phonesOf,
    idOf: (record) => String(record.id),
  });
  const isMatch =
    named !== undefined &&
    named !== null &&
    inShop(named) &&
    phonesOf(named).some((phone) => isSameNumber(phone, canonical, country));
  if (!isMatch) return found;
  if (found.status === 'none') return { status: 'found', record: named };
  const known = found.status === 'found' ? [found.record] : found.records;
  if (known.some((customer) => customer.id === named.id)) return found;
  return { status: 'ambiguous', records: [...known, named] };
}

/** `telephony/manager` for the number; an answer that cannot be read counts as no match. */
async function managerLookup(
  context: RetailcrmActionContext,
  canonical: string,
): Promise<Partial<ManagerAnswer>> {
  try {
    const phone = toRetailcrmPhone(canonical);
    return await context.client.telephonyManager(phone, { signal: context.signal });
  } catch (error) {
    if (!(ValidationError.isInstance(error) && error.code === 'INVALID_RESPONSE')) throw error;
    context.warn(
      'The CRM answered telephony/manager in a form that cannot be read; searched customers instead',
      { phone: canonical, fallback: 'customers search', issues: error.issues },
    );
    return {};
  }
}

/** The methods {@link searchCustomers} calls: every action that looks a number up needs them. */
export const searchMethods: readonly string[] = ['/api/telephony/manager', '/api/customers'];
