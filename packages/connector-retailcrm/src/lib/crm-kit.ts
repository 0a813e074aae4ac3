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
 * The customers of the shop with a number, whatever form it was typed in: asks the CRM's
 * telephony manager look-up first (one request on the telephony budget, the CRM's own phone
 * matching), then searches customers by the first `lookupVariants` forms of the number
 * (`380…`, `+380…`, `0…`) with core's `findByPhone`, which keeps only customers whose stored
 * phone normalises to the number and tells one match from several. The first look-up is a
 * shortcut: when its answer cannot be read, a `warning` says so and the customers search
 * decides alone.
 */
async function searchCustomers(
  context: RetailcrmActionContext,
  canonical: string,
): Promise<PhoneMatch<RetailcrmCustomer>> {
  const { client, config, signal } = context;
  const inShop = (customer: RetailcrmCustomer) =>
    customer.site === undefined || customer.site === config.site;
  const phonesOf = (customer: RetailcrmCustomer) => customer.phones.map((phone) => phone.number);
  const { customer } = await managerLookup(context, canonical);
  const country = { defaultCountry: config.defaultCountry };
  if (customer && inShop(customer)) {
    if (phonesOf(customer).some((phone) => isSameNumber(phone, canonical, country))) {
      return { status: 'found', record: customer };
    }
  }
  return findByPhone({
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
