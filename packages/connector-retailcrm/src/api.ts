import type { HttpClient, Params } from '@crossline/core/sdk';
import type { z } from 'zod';
import { type CallOptions, everyPage, type ListQuery, listParams } from './api-lists.js';
import * as shared from './wire.js';
import * as crm from './wire-crm.js';
import type * as sent from './wire-requests.js';
import * as telephony from './wire-telephony.js';

const users = shared.listSchema('users', crm.userSchema);
const customers = shared.listSchema('customers', crm.customerSchema);
const tasks = shared.listSchema('tasks', crm.taskRecordSchema);
const orders = shared.listSchema('orders', crm.orderRecordSchema);
const groups = shared.listSchema('groups', crm.userGroupSchema);

/**
 * A typed client of retailCRM's API v5, one method per endpoint the connector uses, around the
 * HTTP client the SDK built from the connector's `http` declaration. GET parameters go in the
 * query with brackets; every POST is a form whose entity is one JSON-encoded field — exactly as
 * the vendor reads them. Answers are validated with the tolerant schemas of the wire files.
 *
 * @example
 * ```ts
 * const { customers } = await api.listCustomers({ filter: { name: '+380671234567' } });
 * for await (const user of api.iterateUsers({ isManager: true })) console.log(user.id);
 * ```
 */
export class RetailcrmApi {
  readonly #http: HttpClient;
  readonly #site: string;

  /**
   * @param http - the SDK's HTTP client with base `<portal>/api` and the key
   * @param site - the shop code sent as `site`
   */
  constructor(http: HttpClient, site: string) {
    this.#http = http;
    this.#site = site;
  }

  /** `GET /api/credentials`: the key's allowed methods, scopes and shops. */
  credentials(options?: CallOptions): Promise<shared.CredentialsAnswer> {
    return this.#get('/credentials', {}, shared.credentialsResponseSchema, options);
  }

  /** `GET /users`. */
  listUsers(
    query: ListQuery = {},
    options?: CallOptions,
  ): Promise<shared.ListAnswer<'users', crm.RetailcrmUser>> {
    return this.#get('/v5/users', listParams(query), users, options);
  }

  /** `GET /users/{id}`. */
  getUser(id: number, options?: CallOptions): Promise<crm.UserAnswer> {
    return this.#get(`/v5/users/${id}`, {}, crm.userResponseSchema, options);
  }

  /** `POST /users/{id}/status`. */
  setUserStatus(
    id: number,
    status: 'free' | 'busy' | 'dinner' | 'break',
    options?: CallOptions,
  ): Promise<shared.SuccessAnswer> {
    return this.#post(`/v5/users/${id}/status`, { status }, shared.successSchema, true, options);
  }

  /** `GET /user-groups`. */
  listUserGroups(
    query: ListQuery = {},
    options?: CallOptions,
  ): Promise<shared.ListAnswer<'groups', crm.RetailcrmUserGroup>> {
    return this.#get('/v5/user-groups', listParams(query), groups, options);
  }

  /** `GET /customers`. There is no phone filter: `filter[name]` also matches numbers. */
  listCustomers(
    query: ListQuery = {},
    options?: CallOptions,
  ): Promise<shared.ListAnswer<'customers', crm.RetailcrmCustomer>> {
    return this.#get('/v5/customers', listParams(query), customers, options);
  }

  /** `GET /customers/{x}`, `x` read as `by` says. */
  getCustomer(
    id: string | number,
    by: 'id' | 'externalId' = 'id',
    options?: CallOptions,
  ): Promise<crm.CustomerAnswer> {
    const path = `/v5/customers/${encodeURIComponent(id)}`;
    return this.#get(path, { by, site: this.#site }, crm.customerResponseSchema, options);
  }

  /** `POST /customers/create`. Not safe to repeat: look the customer up first. */
  createCustomer(
    customer: sent.RetailcrmCustomerInput,
    options?: CallOptions,
  ): Promise<shared.CreatedAnswer> {
    const form = { site: this.#site, customer: JSON.stringify(customer) };
    return this.#post('/v5/customers/create', form, shared.createdSchema, false, options);
  }

  /** `POST /customers/{x}/edit`. Sent `phones` replace the stored list. */
  editCustomer(
    id: string | number,
    customer: sent.RetailcrmCustomerInput,
    by: 'id' | 'externalId' = 'id',
    options?: CallOptions,
  ): Promise<shared.CreatedAnswer> {
    const form = { by, site: this.#site, customer: JSON.stringify(customer) };
    const path = `/v5/customers/${encodeURIComponent(id)}/edit`;
    return this.#post(path, form, shared.createdSchema, true, options);
  }

  /** `GET /customers/history`: changes after `filter[sinceId]`, oldest first. */
  customersHistory(query: ListQuery = {}, options?: CallOptions): Promise<crm.HistoryAnswer> {
    return this.#get(
      '/v5/customers/history',
      listParams(query),
      crm.historyResponseSchema,
      options,
    );
  }

  /** `GET /orders`. */
  listOrders(
    query: ListQuery = {},
    options?: CallOptions,
  ): Promise<shared.ListAnswer<'orders', crm.RetailcrmOrder>> {
    return this.#get('/v5/orders', listParams(query), orders, options);
  }

  /** `POST /orders/create`. Safe to repeat only with an `externalId`. */
  createOrder(
    order: sent.RetailcrmOrderInput,
    options?: CallOptions,
  ): Promise<shared.CreatedAnswer> {
    const form = { site: this.#site, order: JSON.stringify(order) };
    const idempotent = order.externalId !== undefined;
    return this.#post('/v5/orders/create', form, shared.createdSchema, idempotent, options);
  }

  /** `GET /tasks`. */
  listTasks(
    query: ListQuery = {},
    options?: CallOptions,
  ): Promise<shared.ListAnswer<'tasks', crm.RetailcrmTask>> {
    return this.#get('/v5/tasks', listParams(query), tasks, options);
  }

  /** `POST /tasks/create`. Not safe to repeat: the CRM has no external id for tasks. */
  createTask(task: sent.RetailcrmTaskInput, options?: CallOptions): Promise<shared.CreatedAnswer> {
    const form = { site: this.#site, task: JSON.stringify(task) };
    return this.#post('/v5/tasks/create', form, shared.createdSchema, false, options);
  }

  /** `GET /reference/status-groups`: groups keyed by code. */
  statusGroups(options?: CallOptions): Promise<shared.StatusGroupsAnswer> {
    return this.#get('/v5/reference/status-groups', {}, shared.statusGroupsResponseSchema, options);
  }

  /** `GET /integration-modules/{code}`. */
  getIntegrationModule(code: string, options?: CallOptions): Promise<telephony.ModuleAnswer> {
    const path = `/v5/integration-modules/${encodeURIComponent(code)}`;
    return this.#get(path, {}, telephony.moduleResponseSchema, options);
  }

  /** `POST /integration-modules/{code}/edit`: creates the module or updates it. */
  editIntegrationModule(
    module: sent.RetailcrmIntegrationModule,
    options?: CallOptions,
  ): Promise<telephony.ModuleEditAnswer> {
    const path = `/v5/integration-modules/${encodeURIComponent(module.code)}/edit`;
    const form = { integrationModule: JSON.stringify(module) };
    return this.#post(path, form, telephony.moduleEditResponseSchema, true, options);
  }

  /** `POST /telephony/call/event`: a pop-up for the users of `codes` / `userIds`. */
  callEvent(
    event: sent.RetailcrmCallEvent,
    options?: CallOptions,
  ): Promise<telephony.CallEventAnswer> {
    const form = { event: JSON.stringify(event) };
    return this.#post(
      '/v5/telephony/call/event',
      form,
      telephony.callEventResponseSchema,
      true,
      options,
    );
  }

  /**
   * `POST /telephony/calls/upload`: at most 50 calls a request (SECONDARY source; UNCERTAIN),
   * deduped by `externalId`.
   */
  uploadCalls(
    calls: readonly sent.RetailcrmCallUpload[],
    options?: CallOptions,
  ): Promise<telephony.CallsUploadAnswer> {
    const form = { calls: JSON.stringify(calls) };
    return this.#post(
      '/v5/telephony/calls/upload',
      form,
      telephony.callsUploadResponseSchema,
      true,
      options,
    );
  }

  /** `GET /telephony/manager`: the manager responsible for a number, and its customer. */
  telephonyManager(phone: string, options?: CallOptions): Promise<telephony.ManagerAnswer> {
    const query = { phone, details: 1, ignoreStatus: 1 };
    return this.#get('/v5/telephony/manager', query, telephony.managerResponseSchema, options);
  }

  /** Every user matching `filter`, page after page (100 a page). */
  iterateUsers(
    filter?: Params,
    options?: CallOptions,
  ): AsyncGenerator<crm.RetailcrmUser, void, undefined> {
    return everyPage((page) => this.listUsers({ filter, page }, options), 'users');
  }

  /** Every customer matching `filter`, page after page. */
  iterateCustomers(
    filter?: Params,
    options?: CallOptions,
  ): AsyncGenerator<crm.RetailcrmCustomer, void, undefined> {
    return everyPage((page) => this.listCustomers({ filter, page }, options), 'customers');
  }

  /** Every task matching `filter`, page after page. */
  iterateTasks(
    filter?: Params,
    options?: CallOptions,
  ): AsyncGenerator<crm.RetailcrmTask, void, undefined> {
    return everyPage((page) => this.listTasks({ filter, page }, options), 'tasks');
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
