import type { HttpClient, Params } from '@crossline/core/sdk';
import type { z } from 'zod';
import {
  type CallEventAnswer,
  type CallsUploadAnswer,
  type CreatedAnswer,
  type CredentialsAnswer,
  type CustomerAnswer,
  callEventResponseSchema,
  callsUploadResponseSchema,
  createdSchema,
  credentialsResponseSchema,
  customerResponseSchema,
  type HistoryAnswer,
  historyResponseSchema,
  type ListAnswer,
  listSchema,
  type ManagerAnswer,
  type ModuleAnswer,
  type ModuleEditAnswer,
  managerResponseSchema,
  moduleEditResponseSchema,
  moduleResponseSchema,
  orderSchema,
  type RetailcrmOrder,
  type RetailcrmUserGroup,
  type StatusGroupsAnswer,
  type SuccessAnswer,
  statusGroupsResponseSchema,
  successSchema,
  type UserAnswer,
  userGroupSchema,
  userResponseSchema,
} from './answers.js';
import {
  customerSchema,
  type Pagination,
  type RetailcrmCustomer,
  type RetailcrmTask,
  type RetailcrmUser,
  taskSchema,
  userSchema,
} from './schemas.js';
import type {
  RetailcrmCallEvent,
  RetailcrmCallUpload,
  RetailcrmCustomerInput,
  RetailcrmIntegrationModule,
  RetailcrmOrderInput,
  RetailcrmTaskInput,
} from './wire-types.js';

/** Per-call options of {@link RetailcrmClient} methods. */
export interface CallOptions {
  /** Cancels the request and its retries. */
  signal?: AbortSignal | undefined;
}

/** A list query: `filter[...]`, `page` (from 1) and `limit` (20, 50 or 100). */
export interface ListQuery {
  /** Filters, e.g. `{ isManager: true, active: true }` → `filter[isManager]=1&…`. */
  filter?: Params | undefined;
  /** The page, from 1. @defaultValue 1 */
  page?: number | undefined;
  /** Items per page: 20, 50 or 100. @defaultValue 100 */
  limit?: 20 | 50 | 100 | undefined;
}

/** The most calls one `telephony/calls/upload` takes (SECONDARY source; UNCERTAIN). */
export const maxCallsPerUpload = 50;

const users = listSchema('users', userSchema);
const customers = listSchema('customers', customerSchema);
const tasks = listSchema('tasks', taskSchema);
const orders = listSchema('orders', orderSchema);
const groups = listSchema('groups', userGroupSchema);

/**
 * A typed client of retailCRM's API v5, one method per endpoint the connector uses. GET
 * parameters go in the query with brackets; every POST is a form whose entity is one
 * JSON-encoded field — exactly as the vendor reads them. Answers are validated with zod.
 *
 * @example
 * ```ts
 * const { customers } = await client.listCustomers({ filter: { name: '+380671234567' } });
 * for await (const user of client.iterateUsers({ isManager: true })) console.log(user.id);
 * ```
 */
export class RetailcrmClient {
  readonly #http: HttpClient;
  readonly #site: string;

  /**
   * @param http - core's HTTP client with base `<portal>/api` and the key
   * @param site - the shop code sent as `site`
   */
  constructor(http: HttpClient, site: string) {
    this.#http = http;
    this.#site = site;
  }

  /** `GET /api/credentials`: the key's allowed methods, scopes and shops. */
  credentials(options?: CallOptions): Promise<CredentialsAnswer> {
    return this.#get('/credentials', {}, credentialsResponseSchema, options);
  }

  /** `GET /users`. */
  listUsers(
    query: ListQuery = {},
    options?: CallOptions,
  ): Promise<ListAnswer<'users', RetailcrmUser>> {
    return this.#get('/v5/users', listParams(query), users, options);
  }

  /** `GET /users/{id}`. */
  getUser(id: number, options?: CallOptions): Promise<UserAnswer> {
    return this.#get(`/v5/users/${id}`, {}, userResponseSchema, options);
  }

  /** `POST /users/{id}/status`. */
  setUserStatus(
    id: number,
    status: 'free' | 'busy' | 'dinner' | 'break',
    options?: CallOptions,
  ): Promise<SuccessAnswer> {
    return this.#post(`/v5/users/${id}/status`, { status }, successSchema, true, options);
  }

  /** `GET /user-groups`. */
  listUserGroups(
    query: ListQuery = {},
    options?: CallOptions,
  ): Promise<ListAnswer<'groups', RetailcrmUserGroup>> {
    return this.#get('/v5/user-groups', listParams(query), groups, options);
  }

  /** `GET /customers`. There is no phone filter: `filter[name]` also matches numbers. */
  listCustomers(
    query: ListQuery = {},
    options?: CallOptions,
  ): Promise<ListAnswer<'customers', RetailcrmCustomer>> {
    return this.#get('/v5/customers', listParams(query), customers, options);
  }

  /** `GET /customers/{x}`, `x` read as `by` says. */
  getCustomer(
    id: string | number,
    by: 'id' | 'externalId' = 'id',
    options?: CallOptions,
  ): Promise<CustomerAnswer> {
    const query = { by, site: this.#site };
    return this.#get(
      `/v5/customers/${encodeURIComponent(id)}`,
      query,
      customerResponseSchema,
      options,
    );
  }

  /** `POST /customers/create`. Not safe to repeat: look the customer up first. */
  createCustomer(customer: RetailcrmCustomerInput, options?: CallOptions): Promise<CreatedAnswer> {
    const form = { site: this.#site, customer: JSON.stringify(customer) };
    return this.#post('/v5/customers/create', form, createdSchema, false, options);
  }

  /** `POST /customers/{x}/edit`. Sent `phones` replace the stored list. */
  editCustomer(
    id: string | number,
    customer: RetailcrmCustomerInput,
    by: 'id' | 'externalId' = 'id',
    options?: CallOptions,
  ): Promise<CreatedAnswer> {
    const form = { by, site: this.#site, customer: JSON.stringify(customer) };
    const path = `/v5/customers/${encodeURIComponent(id)}/edit`;
    return this.#post(path, form, createdSchema, true, options);
  }

  /** `GET /customers/history`: changes after `filter[sinceId]`, oldest first. */
  customersHistory(query: ListQuery = {}, options?: CallOptions): Promise<HistoryAnswer> {
    return this.#get('/v5/customers/history', listParams(query), historyResponseSchema, options);
  }

  /** `GET /orders`. */
  listOrders(
    query: ListQuery = {},
    options?: CallOptions,
  ): Promise<ListAnswer<'orders', RetailcrmOrder>> {
    return this.#get('/v5/orders', listParams(query), orders, options);
  }

  /** `POST /orders/create`. Safe to repeat only with an `externalId`. */
  createOrder(order: RetailcrmOrderInput, options?: CallOptions): Promise<CreatedAnswer> {
    const form = { site: this.#site, order: JSON.stringify(order) };
    const idempotent = order.externalId !== undefined;
    return this.#post('/v5/orders/create', form, createdSchema, idempotent, options);
  }

  /** `GET /tasks`. */
  listTasks(
    query: ListQuery = {},
    options?: CallOptions,
  ): Promise<ListAnswer<'tasks', RetailcrmTask>> {
    return this.#get('/v5/tasks', listParams(query), tasks, options);
  }

  /** `POST /tasks/create`. Not safe to repeat: the CRM has no external id for tasks. */
  createTask(task: RetailcrmTaskInput, options?: CallOptions): Promise<CreatedAnswer> {
    const form = { site: this.#site, task: JSON.stringify(task) };
    return this.#post('/v5/tasks/create', form, createdSchema, false, options);
  }

  /** `GET /reference/status-groups`: groups keyed by code. */
  statusGroups(options?: CallOptions): Promise<StatusGroupsAnswer> {
    return this.#get('/v5/reference/status-groups', {}, statusGroupsResponseSchema, options);
  }

  /** `GET /integration-modules/{code}`. */
  getIntegrationModule(code: string, options?: CallOptions): Promise<ModuleAnswer> {
    const path = `/v5/integration-modules/${encodeURIComponent(code)}`;
    return this.#get(path, {}, moduleResponseSchema, options);
  }

  /** `POST /integration-modules/{code}/edit`: creates the module or updates it. */
  editIntegrationModule(
    module: RetailcrmIntegrationModule,
    options?: CallOptions,
  ): Promise<ModuleEditAnswer> {
    const path = `/v5/integration-modules/${encodeURIComponent(module.code)}/edit`;
    const form = { integrationModule: JSON.stringify(module) };
    return this.#post(path, form, moduleEditResponseSchema, true, options);
  }

  /** `POST /telephony/call/event`: a pop-up for the users of `codes` / `userIds`. */
  callEvent(event: RetailcrmCallEvent, options?: CallOptions): Promise<CallEventAnswer> {
    const form = { event: JSON.stringify(event) };
    return this.#post('/v5/telephony/call/event', form, callEventResponseSchema, true, options);
  }

  /** `POST /telephony/calls/upload`: at most {@link maxCallsPerUpload}, deduped by `externalId`. */
  uploadCalls(
    calls: readonly RetailcrmCallUpload[],
    options?: CallOptions,
  ): Promise<CallsUploadAnswer> {
    const form = { calls: JSON.stringify(calls) };
    return this.#post('/v5/telephony/calls/upload', form, callsUploadResponseSchema, true, options);
  }

  /** `GET /telephony/manager`: the manager responsible for a number, and its customer. */
  telephonyManager(phone: string, options?: CallOptions): Promise<ManagerAnswer> {
    const query = { phone, details: 1, ignoreStatus: 1 };
    return this.#get('/v5/telephony/manager', query, managerResponseSchema, options);
  }

  /** Every user matching `filter`, page after page (100 a page). */
  iterateUsers(
    filter?: Params,
    options?: CallOptions,
  ): AsyncGenerator<RetailcrmUser, void, undefined> {
    return this.#iterate((page) => this.listUsers({ filter, page }, options), 'users');
  }

  /** Every customer matching `filter`, page after page. */
  iterateCustomers(
    filter?: Params,
    options?: CallOptions,
  ): AsyncGenerator<RetailcrmCustomer, void, undefined> {
    return this.#iterate((page) => this.listCustomers({ filter, page }, options), 'customers');
  }

  /** Every task matching `filter`, page after page. */
  iterateTasks(
    filter?: Params,
    options?: CallOptions,
  ): AsyncGenerator<RetailcrmTask, void, undefined> {
    return this.#iterate((page) => this.listTasks({ filter, page }, options), 'tasks');
  }

  async *#iterate<Key extends string, Item>(
    fetchPage: (page: number) => Promise<{ pagination: Pagination } & Record<Key, Item[]>>,
    key: Key,
  ): AsyncGenerator<Item, void, undefined> {
    for (let page = 1; ; page += 1) {
      const answer = await fetchPage(page);
      yield* answer[key];
      const { currentPage, totalPageCount } = answer.pagination;
      if (answer[key].length === 0 || currentPage >= totalPageCount) return;
    }
  }

  async #get<T>(path: string, query: Params, schema: z.ZodType<T>, options?: CallOptions) {
    const response = await this.#http.request({ path, query, schema, signal: options?.signal });
    return response.data;
  }

  async #post<T>(
    path: string,
    form: Params,
    schema: z.ZodType<T>,
    idempotent: boolean,
    options?: CallOptions,
  ) {
    const request = { method: 'POST' as const, path, form, schema, idempotent };
    const response = await this.#http.request({ ...request, signal: options?.signal });
    return response.data;
  }
}

function listParams({ filter, page, limit }: ListQuery): Params {
  return { limit: limit ?? 100, page: page ?? 1, ...(filter ? { filter } : {}) };
}
