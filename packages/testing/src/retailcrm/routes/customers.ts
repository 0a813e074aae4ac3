import { stop } from '../../kit/reply.js';
import type { SimulatorRequest } from '../../kit/request.js';
import { readCustomerEntity } from '../customer-entity.js';
import {
  customerMatchesName,
  findCustomer,
  insertCustomer,
  updateCustomer,
} from '../customer-store.js';
import { isDateTime } from '../date-time.js';
import { filterIds, filterList, filterValue, paginate } from '../list-query.js';
import type { RetailcrmCustomer } from '../model-people.js';
import { byOf, entityField, siteOf } from '../parameters.js';
import { entityFormatError, entityNotFound, success, validationError } from '../replies.js';
import type { RetailcrmRoute } from '../route.js';
import type { RetailcrmState } from '../state.js';

/** `GET /customers`, `GET /customers/{externalId}`, `POST /customers/create`, `…/edit`. */
export const customerRoutes: readonly RetailcrmRoute[] = [
  {
    method: 'GET',
    path: '/customers',
    handle: (request, { state }) => {
      const { page, pagination } = paginate(request, filterCustomers(request, state));
      return success({ pagination, customers: page.map(renderCustomer) });
    },
  },
  {
    method: 'GET',
    path: '/customers/:externalId',
    handle: (request, { state }) =>
      success({ customer: renderCustomer(customerAt(request, state)) }),
  },
  {
    method: 'POST',
    path: '/customers/create',
    handle: (request, { state, apiKey }) => {
      const site = siteOf(request, state);
      const { fields, addTags } = readCustomerEntity(state, entityField(request, 'customer'));
      if (fields.externalId !== undefined) uniqueExternalId(state, fields.externalId, site);
      const tags = [...new Set([...(fields.tags ?? []), ...addTags])];
      const customer = insertCustomer(state, { ...fields, site, tags }, apiKey);
      return success({ id: customer.id }, 201);
    },
  },
  {
    method: 'POST',
    path: '/customers/:externalId/edit',
    handle: (request, { state, apiKey }) => {
      const customer = customerAt(request, state);
      const patch = readCustomerEntity(state, entityField(request, 'customer'));
      const { externalId } = patch.fields;
      if (externalId !== undefined && externalId !== customer.externalId) {
        uniqueExternalId(state, externalId, customer.site);
      }
      const tags = customer.tags.filter((tag) => !patch.removeTags.includes(tag));
      for (const tag of patch.addTags) if (!tags.includes(tag)) tags.push(tag);
      updateCustomer(state, customer, { ...patch.fields, tags }, apiKey);
      return success({ id: customer.id });
    },
  },
];

/** The customer a `/customers/{externalId}` path names, read per `by` and `site`, or a 404. */
function customerAt(request: SimulatorRequest, state: RetailcrmState): RetailcrmCustomer {
  const by = byOf(request);
  const site = siteOf(request, state, by === 'externalId');
  const key = request.params.externalId ?? '';
  return findCustomer(state, by, key, site) ?? stop(entityNotFound());
}

function uniqueExternalId(state: RetailcrmState, externalId: string, site: string): void {
  if (findCustomer(state, 'externalId', externalId, site)) {
    stop(entityFormatError({ externalId: 'Customer with this externalId already exists.' }));
  }
}

function filterCustomers(request: SimulatorRequest, state: RetailcrmState): RetailcrmCustomer[] {
  const ids = filterIds(request, 'ids');
  const externalIds = filterList(request, 'externalIds');
  const sites = filterList(request, 'sites');
  const managers = filterIds(request, 'managers');
  const name = filterValue(request, 'name');
  const email = filterValue(request, 'email')?.toLowerCase();
  const dateFrom = dateFilter(request, 'dateFrom');
  const dateTo = dateFilter(request, 'dateTo');
  return state.customers.filter(
    (customer) =>
      (ids === undefined || ids.includes(customer.id)) &&
      (externalIds === undefined || externalIds.includes(customer.externalId ?? '')) &&
      (sites === undefined || sites.includes(customer.site)) &&
      (managers === undefined || managers.includes(customer.managerId ?? -1)) &&
      (name === undefined || customerMatchesName(customer, name)) &&
      (email === undefined || (customer.email ?? '').toLowerCase().includes(email)) &&
      (dateFrom === undefined || customer.createdAt.slice(0, 10) >= dateFrom) &&
      (dateTo === undefined || customer.createdAt.slice(0, 10) <= dateTo),
  );
}

function dateFilter(request: SimulatorRequest, name: string): string | undefined {
  const value = filterValue(request, name);
  if (value === undefined || isDateTime(value, 'Y-m-d')) return value;
  return stop(validationError({ [`filter[${name}]`]: 'This value is not a valid date.' }));
}

/** A customer as the API answers it: tags as `{ name }` objects. */
export function renderCustomer(customer: RetailcrmCustomer): Record<string, unknown> {
  return { ...customer, tags: customer.tags.map((name) => ({ name })) };
}
