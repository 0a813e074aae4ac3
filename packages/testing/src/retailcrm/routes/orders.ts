import { stop } from '../../kit/reply.js';
import type { SimulatorRequest } from '../../kit/request.js';
import { readUtm } from '../customer-entity.js';
import { findCustomer, insertCustomer } from '../customer-store.js';
import { formatDateTime } from '../date-time.js';
import { EntityReader } from '../entity-reader.js';
import { filterBoolean, filterIds, filterList, filterValue, paginate } from '../list-query.js';
import type { RetailcrmCustomer } from '../model-people.js';
import type { RetailcrmOrder } from '../model-work.js';
import { entityField, siteOf } from '../parameters.js';
import { looksLikePhone, phoneMatches } from '../phone-match.js';
import { entityFormatError, success } from '../replies.js';
import type { RetailcrmRoute } from '../route.js';
import type { RetailcrmState } from '../state.js';

const textFields = [
  'externalId',
  'phone',
  'additionalPhone',
  'firstName',
  'lastName',
  'email',
  'customerComment',
  'managerComment',
] as const;

/** `GET /orders`, `POST /orders/create`. */
export const orderRoutes: readonly RetailcrmRoute[] = [
  {
    method: 'GET',
    path: '/orders',
    handle: (request, { state }) => {
      const { page, pagination } = paginate(request, filterOrders(request, state));
      return success({ pagination, orders: page });
    },
  },
  {
    method: 'POST',
    path: '/orders/create',
    handle: (request, { state, apiKey }) => {
      const site = siteOf(request, state);
      const order = readOrder(state, entityField(request, 'order'), site, apiKey);
      state.orders.push(order);
      return success({ id: order.id, order }, 201);
    },
  },
];

type OrderFields = Omit<RetailcrmOrder, 'id' | 'number' | 'site' | 'createdAt' | 'customer'>;

function readOrder(
  state: RetailcrmState,
  entity: Record<string, unknown>,
  site: string,
  apiKey: string,
): RetailcrmOrder {
  const read = new EntityReader(entity);
  const fields = readOrderFields(state, read, site);
  const reference = read.object('customer');
  const customerRead = read.child('customer', reference ?? {});
  const customerId = customerRead.integer('id');
  const customerExternalId = customerRead.string('externalId');
  if (!read.ok) stop(entityFormatError(read.errors));
  let customer: RetailcrmCustomer;
  if (customerId !== undefined) customer = orderCustomer(state, 'id', String(customerId), site);
  else if (customerExternalId !== undefined) {
    customer = orderCustomer(state, 'externalId', customerExternalId, site);
  } else customer = newOrderCustomer(state, fields, site, apiKey);
  const id = state.nextId('order');
  return {
    ...fields,
    id,
    number: `${id}A`,
    site,
    createdAt: formatDateTime(),
    customer: { id: customer.id, externalId: customer.externalId },
  };
}

function readOrderFields(state: RetailcrmState, read: EntityReader, site: string): OrderFields {
  const fields: Partial<OrderFields> = {};
  for (const field of textFields) {
    const value = read.string(field);
    if (value !== undefined) fields[field] = value;
  }
  const { externalId } = fields;
  if (externalId && state.orders.some((o) => o.site === site && o.externalId === externalId)) {
    read.addError('externalId', 'Order with this externalId already exists.');
  }
  const statuses = [...state.statusGroups.values()].flatMap((group) => group.statuses);
  const managerId = read.integer('managerId');
  if (managerId !== undefined && !state.users.some((user) => user.id === managerId)) {
    read.addError('managerId', `Manager with id ${managerId} not found.`);
  }
  return {
    ...fields,
    status: read.choice('status', statuses) ?? 'new',
    orderMethod: read.choice('orderMethod', state.orderMethods),
    managerId,
    call: read.boolean('call'),
    source: readUtm(read, 'source'),
    customFields: read.object('customFields') ?? {},
  };
}

function orderCustomer(
  state: RetailcrmState,
  by: 'id' | 'externalId',
  value: string,
  site: string,
): RetailcrmCustomer {
  const customer = findCustomer(state, by, value, site);
  return customer ?? stop(entityFormatError({ customer: 'Customer not found.' }));
}

/** Without a customer reference, the vendor makes a new customer from the order's contact. */
function newOrderCustomer(
  state: RetailcrmState,
  fields: OrderFields,
  site: string,
  apiKey: string,
): RetailcrmCustomer {
  const { firstName, lastName, email, phone } = fields;
  const phones = phone === undefined ? [] : [{ number: phone }];
  return insertCustomer(state, { site, firstName, lastName, email, phones }, apiKey);
}

function filterOrders(request: SimulatorRequest, state: RetailcrmState): RetailcrmOrder[] {
  const ids = filterIds(request, 'ids');
  const numbers = filterList(request, 'numbers');
  const externalIds = filterList(request, 'externalIds');
  const sites = filterList(request, 'sites');
  const managers = filterIds(request, 'managers');
  const orderMethods = filterList(request, 'orderMethods');
  const customerText = filterValue(request, 'customer');
  const customerId = filterValue(request, 'customerId');
  const customerExternalId = filterValue(request, 'customerExternalId');
  const email = filterValue(request, 'email')?.toLowerCase();
  const call = filterBoolean(request, 'call');
  return state.orders.filter(
    (order) =>
      (ids === undefined || ids.includes(order.id)) &&
      (numbers === undefined || numbers.includes(order.number)) &&
      (externalIds === undefined || externalIds.includes(order.externalId ?? '')) &&
      (sites === undefined || sites.includes(order.site)) &&
      (managers === undefined || managers.includes(order.managerId ?? -1)) &&
      (orderMethods === undefined || orderMethods.includes(order.orderMethod ?? '')) &&
      (customerId === undefined || String(order.customer.id) === customerId) &&
      (customerExternalId === undefined || order.customer.externalId === customerExternalId) &&
      (email === undefined || (order.email ?? '').toLowerCase().includes(email)) &&
      (call === undefined || (order.call ?? false) === call) &&
      (customerText === undefined || orderMatchesCustomer(order, customerText)),
  );
}

function orderMatchesCustomer(order: RetailcrmOrder, text: string): boolean {
  const name = [order.firstName, order.lastName, order.email].join(' ').toLowerCase();
  if (name.includes(text.trim().toLowerCase())) return true;
  const phones = [order.phone, order.additionalPhone].filter((phone) => phone !== undefined);
  return looksLikePhone(text) && phones.some((phone) => phoneMatches(text, phone));
}
