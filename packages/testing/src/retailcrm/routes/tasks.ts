import { stop } from '../../kit/reply.js';
import type { SimulatorRequest } from '../../kit/request.js';
import { customerMatchesName, findCustomer } from '../customer-store.js';
import { formatDateTime } from '../date-time.js';
import { EntityReader } from '../entity-reader.js';
import { filterChoice, filterIds, filterValue, paginate } from '../list-query.js';
import type { RetailcrmCustomer } from '../model-people.js';
import type { RetailcrmTask } from '../model-work.js';
import { entityField, scalar } from '../parameters.js';
import { looksLikePhone, phoneMatches } from '../phone-match.js';
import { entityFormatError, success } from '../replies.js';
import type { RetailcrmRoute } from '../route.js';
import type { RetailcrmState } from '../state.js';

/** `GET /tasks`, `POST /tasks/create`. */
export const taskRoutes: readonly RetailcrmRoute[] = [
  {
    method: 'GET',
    path: '/tasks',
    handle: (request, { state }) => {
      const { page, pagination } = paginate(request, filterTasks(request, state));
      return success({ pagination, tasks: page });
    },
  },
  {
    method: 'POST',
    path: '/tasks/create',
    handle: (request, { state }) => {
      const task = readTask(state, entityField(request, 'task'), scalar(request, 'site'));
      state.tasks.push(task);
      return success({ id: task.id }, 201);
    },
  },
];

function readTask(
  state: RetailcrmState,
  entity: Record<string, unknown>,
  formSite: string | undefined,
): RetailcrmTask {
  const read = new EntityReader(entity);
  const text = read.string('text', true) ?? '';
  const performerId = read.integer('performerId', true) ?? 0;
  const performer = state.users.find((user) => user.id === performerId);
  if (read.has('performerId') && !performer?.active) {
    read.addError('performerId', `Active user with id ${performerId} not found.`);
  }
  const complete = read.boolean('complete') ?? false;
  const fields = {
    commentary: read.string('commentary'),
    datetime: read.dateTime('datetime', 'Y-m-d H:i'),
    phone: read.string('phone'),
    phoneSite: read.string('phoneSite'),
  };
  const customer = taskCustomer(state, read, formSite);
  const order = taskOrder(state, read);
  if (!read.ok) stop(entityFormatError(read.errors));
  const now = formatDateTime();
  return {
    id: state.nextId('task'),
    text,
    ...fields,
    performerId,
    complete,
    createdAt: now,
    completedAt: complete ? now : undefined,
    customer,
    order,
  };
}

function taskCustomer(state: RetailcrmState, read: EntityReader, formSite: string | undefined) {
  const reference = read.object('customer');
  if (reference === undefined) return undefined;
  const ref = read.child('customer', reference);
  const id = ref.integer('id');
  const externalId = ref.string('externalId');
  const site = ref.string('site') ?? formSite ?? state.sites[0] ?? '';
  let found: RetailcrmCustomer | undefined;
  if (id !== undefined) found = findCustomer(state, 'id', String(id), site);
  else if (externalId !== undefined) found = findCustomer(state, 'externalId', externalId, site);
  if (found === undefined) return void read.addError('customer', 'Customer not found.');
  return { id: found.id, externalId: found.externalId, site: found.site };
}

function taskOrder(state: RetailcrmState, read: EntityReader) {
  const reference = read.object('order');
  if (reference === undefined) return undefined;
  const ref = read.child('order', reference);
  const id = ref.integer('id');
  const number = ref.string('number');
  const externalId = ref.string('externalId');
  const found = state.orders.find(
    (order) =>
      (id !== undefined && order.id === id) ||
      (number !== undefined && order.number === number) ||
      (externalId !== undefined && order.externalId === externalId),
  );
  if (found === undefined) return void read.addError('order', 'Order not found.');
  return { id: found.id, number: found.number, externalId: found.externalId };
}

function filterTasks(request: SimulatorRequest, state: RetailcrmState): RetailcrmTask[] {
  const ids = filterIds(request, 'ids');
  const performers = filterIds(request, 'performers');
  const status = filterChoice(request, 'status', ['performing', 'completed'] as const);
  const text = filterValue(request, 'text')?.toLowerCase();
  const customer = filterValue(request, 'customer');
  const orderNumber = filterValue(request, 'orderNumber');
  return state.tasks.filter(
    (task) =>
      (ids === undefined || ids.includes(task.id)) &&
      (performers === undefined || performers.includes(task.performerId)) &&
      (status === undefined || task.complete === (status === 'completed')) &&
      (text === undefined || task.text.toLowerCase().includes(text)) &&
      (orderNumber === undefined || task.order?.number === orderNumber) &&
      (customer === undefined || taskMatchesCustomer(state, task, customer)),
  );
}

function taskMatchesCustomer(state: RetailcrmState, task: RetailcrmTask, text: string): boolean {
  const linked = state.customers.find((customer) => customer.id === task.customer?.id);
  if (linked && customerMatchesName(linked, text)) return true;
  return looksLikePhone(text) && task.phone !== undefined && phoneMatches(text, task.phone);
}
