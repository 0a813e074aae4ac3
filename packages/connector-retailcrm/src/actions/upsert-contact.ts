import type { FoundContact } from '@crossline/core';
import { type Contact, contactSchema, type PhoneCountry } from '@crossline/core/model';
import { isSameNumber } from '@crossline/core/phone';
import { type ActionDefinition, foundContactSchema } from '@crossline/core/sdk';
import type { RetailcrmApi } from '../api.js';
import { crmKit, searchMethods } from '../lib/crm-kit.js';
import { contactMapper, toRetailcrmPhone } from '../mapping.js';
import type { RetailcrmConfig } from '../options.js';
import type { RetailcrmCustomer } from '../wire-crm.js';
import type { RetailcrmCustomerInput } from '../wire-requests.js';

/**
 * `contacts.upsert`: finds the customer by any of the contact's numbers and edits them —
 * adding new numbers to the stored ones (an edit's `phones` replaces the list) and filling
 * only fields the customer has empty, so first-touch UTM tags and hand-edited data stay — or
 * creates them. The customer found is read afresh before the edit (a remembered one may be
 * older than what people changed in the CRM since).
 * @throws `VendorError` (not retryable) when several customers have one of the numbers
 */
export const upsertContact = {
  input: contactSchema,
  output: foundContactSchema,
  permissions: [
    ...searchMethods,
    '/api/customers/{externalId}',
    '/api/customers/create',
    '/api/customers/{externalId}/edit',
  ],
  run: async (contact, context) => {
    const { client, config, signal } = context;
    const wanted = contactMapper.toVendor(contact, { options: config });
    const found = await crmKit.existing(context, contact.phones);
    if (found) {
      const { customer } = await client.getCustomer(found.id, 'id', { signal });
      const patch = editPatch(customer, wanted, contact.phones, config.defaultCountry);
      await client.editCustomer(customer.id, patch, 'id', { signal });
      return { id: String(customer.id), phones: patch.phones?.map((entry) => entry.number) ?? [] };
    }
    const { id } = await client.createCustomer(wanted, { signal });
    const phones = wanted.phones ?? [];
    const created: RetailcrmCustomer = {
      id,
      site: config.site,
      phones: phones.map(({ number }) => ({ number })),
    };
    for (const phone of contact.phones) crmKit.remember(context, phone, created);
    return { id: String(id), phones: phones.map((entry) => entry.number) };
  },
} satisfies ActionDefinition<RetailcrmConfig, RetailcrmApi, Contact, FoundContact>;

/** The edit of a found customer: every stored phone plus the new ones, and empty fields only. */
function editPatch(
  existing: RetailcrmCustomer,
  wanted: RetailcrmCustomerInput,
  phones: readonly string[],
  defaultCountry: PhoneCountry,
): RetailcrmCustomerInput {
  const stored = existing.phones.flatMap((entry) =>
    entry.number ? [{ number: entry.number }] : [],
  );
  const known = (canonical: string) =>
    existing.phones.some((entry) => isSameNumber(entry.number, canonical, { defaultCountry }));
  const added = phones
    .filter((phone) => !known(phone))
    .map((phone) => ({ number: toRetailcrmPhone(phone) }));
  const patch: Record<string, unknown> = { phones: [...stored, ...added] };
  const current = existing as Record<string, unknown>;
  for (const [field, value] of Object.entries(wanted)) {
    if (field === 'phones' || field === 'customFields') continue;
    if (isEmpty(current[field])) patch[field] = value;
  }
  const customFields = Object.fromEntries(
    Object.entries(wanted.customFields ?? {}).filter(([code]) => isEmpty(fieldOf(existing, code))),
  );
  if (Object.keys(customFields).length > 0) patch.customFields = customFields;
  return patch as RetailcrmCustomerInput;
}

function fieldOf(customer: RetailcrmCustomer, code: string): unknown {
  const fields = customer.customFields;
  return fields && !Array.isArray(fields) ? fields[code] : undefined;
}

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === 'object' && Object.keys(value).length === 0;
}
