import { type FoundContact, VendorError } from '@crossline/core';
import type { Contact } from '@crossline/core/model';
import { isSameNumber } from '@crossline/core/phone';
import { lookupCustomer, type RetailcrmActionContext, toContactLookup } from './action-context.js';
import { toCustomer, toRetailcrmPhone } from './mappers.js';
import type { Country } from './options.js';
import type { RetailcrmCustomer } from './schemas.js';
import type { RetailcrmCustomerInput } from './wire-types.js';

/** `contacts.findByPhone`: the one customer with this number in any typed form. */
export async function findContactByPhone(
  { phone }: { phone: string },
  context: RetailcrmActionContext,
) {
  return toContactLookup(await lookupCustomer(context, phone), context, phone);
}

/**
 * `contacts.upsert`: finds the customer by any of the contact's numbers and edits them —
 * adding new numbers to the stored ones (an edit's `phones` replaces the list) and filling
 * only fields the customer has empty, so first-touch UTM tags and hand-edited data stay — or
 * creates them.
 * @throws `VendorError` (not retryable) when several customers have one of the numbers
 */
export async function upsertContact(
  contact: Contact,
  context: RetailcrmActionContext,
): Promise<FoundContact> {
  const { client, config, signal } = context;
  const customer = toCustomer(contact, config.customFields);
  for (const phone of contact.phones) {
    const match = await lookupCustomer(context, phone);
    if (match.status === 'ambiguous') {
      const ids = match.records.map((record) => record.id).join(', ');
      throw new VendorError(`Several customers have +${phone} (ids ${ids}): merge them in the CRM`);
    }
    if (match.status !== 'found') continue;
    const patch = editPatch(match.record, customer, contact.phones, config.defaultCountry);
    await client.editCustomer(match.record.id, patch, 'id', { signal });
    return {
      id: String(match.record.id),
      phones: patch.phones?.map((entry) => entry.number) ?? [],
    };
  }
  const { id } = await client.createCustomer(customer, { signal });
  return { id: String(id), phones: customer.phones?.map((entry) => entry.number) ?? [] };
}

/** The edit of a found customer: every stored phone plus the new ones, and empty fields only. */
function editPatch(
  existing: RetailcrmCustomer,
  wanted: RetailcrmCustomerInput,
  phones: readonly string[],
  defaultCountry: Country,
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
