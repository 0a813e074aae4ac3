import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { api, apiKey } from './__fixtures__/config.js';

const portal = 'https://shop.retailcrm.ru';

interface Seen {
  path: string;
  body: string;
}

/**
 * Intercepts one request — only with the key in `X-API-KEY`, `Accept: application/json` and,
 * for a POST, a form content type — and keeps its path with query and its raw body.
 */
function intercept(method: 'GET' | 'POST', reply: object): Seen {
  const seen: Seen = { path: '', body: '' };
  let scope = nock(portal)
    .intercept(/.*/, method)
    .matchHeader('x-api-key', apiKey)
    .matchHeader('accept', 'application/json');
  if (method === 'POST')
    scope = scope.matchHeader('content-type', /^application\/x-www-form-urlencoded/);
  scope.reply(async (request: Request) => {
    const url = new URL(request.url);
    seen.path = `${url.pathname}${url.search}`;
    seen.body = await request.text();
    return [200, { success: true, ...reply }];
  });
  return seen;
}

/** The form fields of a POST, each entity field decoded from its JSON. */
function form(seen: Seen): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [name, value] of new URLSearchParams(seen.body)) {
    fields[name] = /^[[{]/.test(value) ? JSON.parse(value) : value;
  }
  return fields;
}

const page = { pagination: { limit: 100, totalCount: 0, currentPage: 1, totalPageCount: 1 } };

describe('RetailcrmApi request shapes', () => {
  it.each([
    ['credentials', () => api().credentials(), '/api/credentials', {}],
    [
      'listUsers',
      () => api().listUsers({ filter: { isManager: true, active: true, groups: ['managers'] } }),
      '/api/v5/users?limit=100&page=1&filter%5BisManager%5D=1&filter%5Bactive%5D=1&filter%5Bgroups%5D%5B%5D=managers',
      { ...page, users: [] },
    ],
    ['getUser', () => api().getUser(7), '/api/v5/users/7', { user: { id: 7 } }],
    [
      'listUserGroups',
      () => api().listUserGroups({ limit: 20 }),
      '/api/v5/user-groups?limit=20&page=1',
      { ...page, groups: [] },
    ],
    [
      'listCustomers',
      () =>
        api().listCustomers({
          filter: { name: '+380671234567', sites: ['main-shop'] },
          limit: 20,
        }),
      '/api/v5/customers?limit=20&page=1&filter%5Bname%5D=%2B380671234567&filter%5Bsites%5D%5B%5D=main-shop',
      { ...page, customers: [] },
    ],
    [
      'getCustomer',
      () => api().getCustomer('ext 1', 'externalId'),
      '/api/v5/customers/ext%201?by=externalId&site=main-shop',
      { customer: { id: 1 } },
    ],
    [
      'customersHistory',
      () => api().customersHistory({ filter: { sinceId: 40 } }),
      '/api/v5/customers/history?limit=100&page=1&filter%5BsinceId%5D=40',
      { ...page, history: [] },
    ],
    [
      'listOrders',
      () => api().listOrders({ filter: { customerId: 5 } }),
      '/api/v5/orders?limit=100&page=1&filter%5BcustomerId%5D=5',
      { ...page, orders: [] },
    ],
    [
      'listTasks',
      () => api().listTasks({ filter: { performers: [7], status: 'performing' } }),
      '/api/v5/tasks?limit=100&page=1&filter%5Bperformers%5D%5B%5D=7&filter%5Bstatus%5D=performing',
      { ...page, tasks: [] },
    ],
    [
      'statusGroups',
      () => api().statusGroups(),
      '/api/v5/reference/status-groups',
      { statusGroups: { new: { name: 'New', statuses: ['new'] } } },
    ],
    [
      'getIntegrationModule',
      () => api().getIntegrationModule('crossline-main'),
      '/api/v5/integration-modules/crossline-main',
      { integrationModule: { code: 'crossline-main' } },
    ],
    [
      'telephonyManager',
      () => api().telephonyManager('+380671234567'),
      '/api/v5/telephony/manager?phone=%2B380671234567&details=1&ignoreStatus=1',
      {},
    ],
  ] as const)(
    '%s: GET with the query in brackets and the key only in X-API-KEY',
    async (_name, call, path, reply) => {
      const seen = intercept('GET', reply);
      await call();
      expect(seen.path).toBe(path);
      expect(seen.path).not.toContain(apiKey);
    },
  );

  it.each([
    [
      'setUserStatus',
      () => api().setUserStatus(7, 'busy'),
      '/api/v5/users/7/status',
      { status: 'busy' },
      {},
    ],
    [
      'createCustomer',
      () => api().createCustomer({ firstName: 'Ivan', phones: [{ number: '+380501112233' }] }),
      '/api/v5/customers/create',
      { site: 'main-shop', customer: { firstName: 'Ivan', phones: [{ number: '+380501112233' }] } },
      { id: 12345 },
    ],
    [
      'editCustomer',
      () => api().editCustomer(12345, { lastName: 'Petrenko' }),
      '/api/v5/customers/12345/edit',
      { by: 'id', site: 'main-shop', customer: { lastName: 'Petrenko' } },
      { id: 12345 },
    ],
    [
      'createOrder',
      () =>
        api().createOrder({
          externalId: 'o-1',
          phone: '+380501112233',
          customer: { id: 12345 },
        }),
      '/api/v5/orders/create',
      {
        site: 'main-shop',
        order: { externalId: 'o-1', phone: '+380501112233', customer: { id: 12345 } },
      },
      { id: 9 },
    ],
    [
      'createTask',
      () => api().createTask({ text: 'Call back', performerId: 7, phone: '+380501112233' }),
      '/api/v5/tasks/create',
      { site: 'main-shop', task: { text: 'Call back', performerId: 7, phone: '+380501112233' } },
      { id: 3 },
    ],
    [
      'callEvent',
      () => api().callEvent({ phone: '+380501112233', type: 'in', codes: ['101'] }),
      '/api/v5/telephony/call/event',
      { event: { phone: '+380501112233', type: 'in', codes: ['101'] } },
      {},
    ],
    [
      'uploadCalls',
      () =>
        api().uploadCalls([
          {
            date: '2024-05-01 10:00:00',
            type: 'in',
            phone: '+380501112233',
            result: 'answered',
            externalId: 'calls:c-1',
          },
        ]),
      '/api/v5/telephony/calls/upload',
      {
        calls: [
          {
            date: '2024-05-01 10:00:00',
            type: 'in',
            phone: '+380501112233',
            result: 'answered',
            externalId: 'calls:c-1',
          },
        ],
      },
      { processedCallsCount: 1 },
    ],
  ] as const)(
    '%s: a form POST with the entity as one JSON field',
    async (_name, call, path, fields, reply) => {
      const seen = intercept('POST', reply);
      await call();
      expect(seen.path).toBe(path);
      expect(form(seen)).toEqual(fields);
      expect(seen.body).not.toContain(apiKey);
    },
  );

  it('editIntegrationModule: the module as one JSON field, `info: []` accepted', async () => {
    const seen = intercept('POST', { info: [] });
    const module = {
      code: 'crossline-main',
      integrationCode: 'crossline',
      active: true,
      name: 'crossline',
      integrations: {
        telephony: {
          allowEdit: false,
          inputEventSupported: true,
          outputEventSupported: true,
          hangupEventSupported: true,
          additionalCodes: [{ userId: 7, code: '101' }],
          externalPhones: [],
        },
      },
    };
    await expect(api().editIntegrationModule(module)).resolves.toMatchObject({ info: [] });
    expect(seen.path).toBe('/api/v5/integration-modules/crossline-main/edit');
    expect(form(seen)).toEqual({ integrationModule: module });
  });

  it('iterates every page of a list, 100 a page', async () => {
    const users = (from: number, count: number) =>
      Array.from({ length: count }, (_, index) => ({ id: from + index }));
    nock(portal)
      .get('/api/v5/users')
      .query({ limit: '100', page: '1', filter: { isManager: '1' } })
      .reply(200, {
        success: true,
        pagination: { limit: 100, totalCount: 130, currentPage: 1, totalPageCount: 2 },
        users: users(1, 100),
      })
      .get('/api/v5/users')
      .query({ limit: '100', page: '2', filter: { isManager: '1' } })
      .reply(200, {
        success: true,
        pagination: { limit: 100, totalCount: 130, currentPage: 2, totalPageCount: 2 },
        users: users(101, 30),
      });
    const ids: number[] = [];
    for await (const user of api().iterateUsers({ isManager: true })) ids.push(user.id);
    expect(ids).toHaveLength(130);
    expect(ids.at(-1)).toBe(130);
  });
});
