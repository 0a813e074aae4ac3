import { formatDateTime } from './date-time.js';
import type {
  RetailcrmCustomer,
  RetailcrmCustomerInput,
  RetailcrmHistoryEntry,
} from './model-people.js';
import { looksLikePhone, phoneMatches } from './phone-match.js';
import type { RetailcrmState } from './state.js';

/**
 * Stores a new customer and records its creation in the change feed: as an `api` change by
 * `apiKey`, or a `user` change when there is no key (seeding).
 */
export function insertCustomer(
  state: RetailcrmState,
  input: RetailcrmCustomerInput,
  apiKey: string | undefined,
): RetailcrmCustomer {
  const site = input.site ?? state.sites[0] ?? 'main-shop';
  if (input.externalId !== undefined && findCustomer(state, 'externalId', input.externalId, site)) {
    throw new Error(`retailCRM simulator: customer externalId ${input.externalId} already exists`);
  }
  const customer: RetailcrmCustomer = {
    ...structuredClone(input),
    id: state.nextId('customer', input.id),
    site,
    createdAt: input.createdAt ?? formatDateTime(),
    phones: structuredClone(input.phones ?? []),
    customFields: structuredClone(input.customFields ?? {}),
    tags: [...(input.tags ?? [])],
  };
  state.customers.push(customer);
  record(state, customer, apiKey, {
    created: true,
    field: 'id',
    oldValue: null,
    newValue: customer.id,
  });
  return customer;
}

/**
 * Applies `patch` to `customer` the way the vendor's edit does: each sent field replaces the
 * stored one (so `phones` replaces the whole list), custom fields merge by code. Records one
 * change-feed entry per changed field.
 */
export function updateCustomer(
  state: RetailcrmState,
  customer: RetailcrmCustomer,
  patch: RetailcrmCustomerInput,
  apiKey: string,
): void {
  const { customFields, ...fields } = patch;
  for (const [field, value] of Object.entries(fields)) {
    const old = (customer as unknown as Record<string, unknown>)[field];
    if (value === undefined || JSON.stringify(old) === JSON.stringify(value)) continue;
    (customer as unknown as Record<string, unknown>)[field] = structuredClone(value);
    record(state, customer, apiKey, {
      field: snakeCase(field),
      oldValue: old ?? null,
      newValue: value,
    });
  }
  for (const [code, value] of Object.entries(customFields ?? {})) {
    const old = customer.customFields[code];
    if (JSON.stringify(old) === JSON.stringify(value)) continue;
    customer.customFields[code] = structuredClone(value);
    record(state, customer, apiKey, {
      field: `custom_${code}`,
      oldValue: old ?? null,
      newValue: value,
    });
  }
}

/** The customer whose `by` key is `value` (in `site`, for external ids). */
export function findCustomer(
  state: RetailcrmState,
  by: 'externalId' | 'id',
  value: string,
  site: string,
): RetailcrmCustomer | undefined {
  if (by === 'id') return state.customers.find((customer) => String(customer.id) === value);
  return state.customers.find(
    (customer) => customer.externalId === value && customer.site === site,
  );
}

/**
 * Whether `customer` matches a `filter[name]` text: its name contains the text (any case), or,
 * when the text is a phone number, one of its phones matches it by digits.
 */
export function customerMatchesName(customer: RetailcrmCustomer, text: string): boolean {
  const name = [customer.firstName, customer.lastName, customer.patronymic].join(' ').toLowerCase();
  if (name.includes(text.trim().toLowerCase())) return true;
  return looksLikePhone(text) && customer.phones.some(({ number }) => phoneMatches(text, number));
}

/** The first customer with a phone matching `phone` by digits. */
export function customerByPhone(
  state: RetailcrmState,
  phone: string,
): RetailcrmCustomer | undefined {
  return state.customers.find((customer) =>
    customer.phones.some(({ number }) => phoneMatches(phone, number)),
  );
}

function record(
  state: RetailcrmState,
  customer: RetailcrmCustomer,
  apiKey: string | undefined,
  change: Pick<RetailcrmHistoryEntry, 'created' | 'field' | 'oldValue' | 'newValue'>,
): void {
  state.customerHistory.push({
    id: state.nextId('history'),
    createdAt: formatDateTime(),
    ...change,
    source: apiKey === undefined ? 'user' : 'api',
    apiKey,
    customer: structuredClone(customer),
  });
}

function snakeCase(field: string): string {
  return field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}
