import { stop } from '../../kit/reply.js';
import type { SimulatorRequest } from '../../kit/request.js';
import { formatDateTime, isDateTime } from '../date-time.js';
import { filterValue, paginate } from '../list-query.js';
import type { RetailcrmHistoryEntry } from '../model-people.js';
import { success, validationError } from '../replies.js';
import type { RetailcrmRoute } from '../route.js';
import { renderCustomer } from './customers.js';

/** `GET /customers/history`: the change feed, oldest first. */
export const customerHistoryRoutes: readonly RetailcrmRoute[] = [
  {
    method: 'GET',
    path: '/customers/history',
    handle: (request, { state, apiKey }) => {
      const sinceId = integerFilter(request, 'sinceId');
      const customerId = integerFilter(request, 'customerId');
      const externalId = filterValue(request, 'customerExternalId');
      const startDate = dateTimeFilter(request, 'startDate');
      const endDate = dateTimeFilter(request, 'endDate');
      const entries = state.customerHistory.filter(
        (entry) =>
          (sinceId === undefined || entry.id > sinceId) &&
          (customerId === undefined || entry.customer.id === customerId) &&
          (externalId === undefined || entry.customer.externalId === externalId) &&
          (startDate === undefined || entry.createdAt >= startDate) &&
          (endDate === undefined || entry.createdAt <= endDate),
      );
      const { page, pagination } = paginate(request, entries);
      return success({
        generatedAt: formatDateTime(),
        history: page.map((entry) => renderEntry(entry, apiKey)),
        pagination,
      });
    },
  },
];

function renderEntry(entry: RetailcrmHistoryEntry, apiKey: string): Record<string, unknown> {
  const { apiKey: author, customer, ...rest } = entry;
  return {
    ...rest,
    ...(entry.source === 'api' ? { apiKey: { current: author === apiKey } } : {}),
    customer: renderCustomer(customer),
  };
}

function integerFilter(request: SimulatorRequest, name: string): number | undefined {
  const value = filterValue(request, name);
  if (value === undefined || /^\d+$/.test(value))
    return value === undefined ? value : Number(value);
  return stop(validationError({ [`filter[${name}]`]: 'This value should be of type integer.' }));
}

function dateTimeFilter(request: SimulatorRequest, name: string): string | undefined {
  const value = filterValue(request, name);
  if (value === undefined || isDateTime(value, 'Y-m-d H:i:s')) return value;
  return stop(validationError({ [`filter[${name}]`]: 'This value is not a valid datetime.' }));
}
