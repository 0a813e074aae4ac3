import type { ContactLookup, FoundContact } from '@crossline/core';
import type { PhoneMatch } from '@crossline/core/phone';
import type { ActionContext } from '@crossline/core/sdk';
import type { RetailcrmClient } from './client.js';
import { findCustomerByPhone } from './lookup.js';
import type { RetailcrmConfig } from './options.js';
import type { RetailcrmCustomer } from './schemas.js';

/** What the retailCRM actions are given. */
export type RetailcrmActionContext = ActionContext<RetailcrmConfig, RetailcrmClient>;

/** Finds the customers with a number, with the connector's search settings. */
export function lookupCustomer(
  context: RetailcrmActionContext,
  phone: string,
): Promise<PhoneMatch<RetailcrmCustomer>> {
  const { config, client, signal } = context;
  const options = {
    site: config.site,
    defaultCountry: config.defaultCountry,
    variants: config.lookupVariants,
    warn: context.warn,
  };
  return findCustomerByPhone(client, phone, options, { signal });
}

/** A customer as core's recipe sees it. */
export function foundContact(customer: RetailcrmCustomer): FoundContact {
  return {
    id: String(customer.id),
    phones: customer.phones.flatMap((phone) => phone.number ?? []),
  };
}

/**
 * A match as a {@link ContactLookup}; several customers with the number are reported as a
 * `warning` naming them — the connector never guesses which one is meant.
 */
export function toContactLookup(
  match: PhoneMatch<RetailcrmCustomer>,
  context: RetailcrmActionContext,
  phone: string,
): ContactLookup {
  if (match.status === 'found') return { status: 'found', contact: foundContact(match.record) };
  if (match.status === 'none') return { status: 'none' };
  const ids = match.records.map((customer) => String(customer.id));
  context.warn(`Several customers have +${phone}; none is bound`, { phone, customerIds: ids });
  return { status: 'ambiguous', ids };
}
