import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call } from '../__fixtures__/retailcrm-call.js';
import { type RetailcrmSimulator, startRetailcrmSimulator } from './start-retailcrm-simulator.js';

let crm: RetailcrmSimulator;

beforeEach(async () => {
  crm = await startRetailcrmSimulator({ rateLimits: { general: 100 } });
});

afterEach(async () => {
  await crm.close();
});

const ids = (body: { customers: { id: number }[] }) => body.customers.map(({ id }) => id);

describe('retailCRM simulator: customers', () => {
  it('pages lists: limit 20 by default, 20/50/100 allowed, page from 1', async () => {
    for (let index = 0; index < 45; index += 1) crm.state.addCustomer({ firstName: `C${index}` });
    const first = await call(crm, 'GET', '/customers');
    expect(first.body.customers).toHaveLength(20);
    expect(first.body.pagination).toEqual({
      limit: 20,
      totalCount: 45,
      currentPage: 1,
      totalPageCount: 3,
    });
    const last = await call(crm, 'GET', '/customers', { query: { limit: 20, page: 3 } });
    expect(ids(last.body)).toEqual([41, 42, 43, 44, 45]);
    const fifty = await call(crm, 'GET', '/customers', { query: { limit: 50 } });
    expect(fifty.body.customers).toHaveLength(45);
    for (const limit of ['10', '25', '250']) {
      const bad = await call(crm, 'GET', '/customers', { query: { limit } });
      expect(bad.status).toBe(400);
      expect(bad.body).toMatchObject({ success: false, errorMsg: 'Validation error' });
      expect(bad.body.errors).toHaveProperty('limit');
    }
    const zero = await call(crm, 'GET', '/customers', { query: { page: 0 } });
    expect(zero.status).toBe(400);
  });

  it('finds a phone typed with formatting by its digits through filter[name]', async () => {
    const ivan = crm.state.addCustomer({
      firstName: 'Ivan',
      phones: [{ number: '+38 (067) 123-45-67' }],
    });
    crm.state.addCustomer({ firstName: 'Petro', phones: [{ number: '+38 (050) 765-43-21' }] });
    for (const query of ['380671234567', '0671234567', '+380671234567', '067 123 45 67']) {
      const answer = await call(crm, 'GET', '/customers', { query: { 'filter[name]': query } });
      expect(ids(answer.body), query).toEqual([ivan.id]);
    }
    const other = await call(crm, 'GET', '/customers', { query: { 'filter[name]': '0679999999' } });
    expect(other.body.customers).toEqual([]);
    const byName = await call(crm, 'GET', '/customers', { query: { 'filter[name]': 'petro' } });
    expect(byName.body.customers.map((c: { firstName: string }) => c.firstName)).toEqual(['Petro']);
    expect(crm.state.customers[0]?.phones).toEqual([{ number: '+38 (067) 123-45-67' }]);
  });

  it('gets a customer by externalId (default) or by id', async () => {
    const stored = crm.state.addCustomer({ externalId: 'ext-1', firstName: 'Olha' });
    const byExternal = await call(crm, 'GET', '/customers/ext-1');
    expect(byExternal.body.customer).toMatchObject({ id: stored.id, firstName: 'Olha' });
    const byId = await call(crm, 'GET', `/customers/${stored.id}`, { query: { by: 'id' } });
    expect(byId.body.customer.externalId).toBe('ext-1');
    const missing = await call(crm, 'GET', `/customers/${stored.id}`);
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ success: false, errorMsg: 'Not found' });
  });

  it('replaces the whole phone list when an edit sends phones', async () => {
    const stored = crm.state.addCustomer({
      firstName: 'Ivan',
      phones: [{ number: '+380501112233' }, { number: '+380671234567' }],
    });
    const answer = await call(crm, 'POST', `/customers/${stored.id}/edit`, {
      form: { by: 'id', site: 'main-shop', customer: { phones: [{ number: '+380931234567' }] } },
    });
    expect(answer.body).toEqual({ success: true, id: stored.id });
    expect(crm.state.customers[0]?.phones).toEqual([{ number: '+380931234567' }]);
    expect(crm.state.customers[0]?.firstName).toBe('Ivan');
  });

  it('leaves phones alone when an edit does not send them, and merges custom fields', async () => {
    const stored = crm.state.addCustomer({
      externalId: 'ext-9',
      phones: [{ number: '+380501112233' }],
      customFields: { a: '1' },
    });
    await call(crm, 'POST', '/customers/ext-9/edit', {
      form: { customer: { lastName: 'Petrenko', customFields: { b: '2' } } },
    });
    expect(crm.state.customers[0]).toMatchObject({
      id: stored.id,
      lastName: 'Petrenko',
      phones: [{ number: '+380501112233' }],
      customFields: { a: '1', b: '2' },
    });
  });

  it('feeds creations and edits into /customers/history, marking the caller key', async () => {
    crm.state.addCustomer({ firstName: 'Seeded' });
    const created = await call(crm, 'POST', '/customers/create', {
      form: { customer: { firstName: 'Ivan' } },
    });
    await call(crm, 'POST', `/customers/${created.body.id}/edit`, {
      form: { by: 'id', customer: { firstName: 'Ivan', lastName: 'Petrenko' } },
    });
    const feed = await call(crm, 'GET', '/customers/history', { query: { limit: 100 } });
    expect(feed.body).toMatchObject({ success: true, generatedAt: expect.any(String) });
    expect(feed.body.history).toMatchObject([
      { id: 1, created: true, source: 'user', field: 'id' },
      { id: 2, created: true, source: 'api', apiKey: { current: true }, field: 'id' },
      { id: 3, source: 'api', field: 'last_name', oldValue: null, newValue: 'Petrenko' },
    ]);
    const since = await call(crm, 'GET', '/customers/history', { query: { 'filter[sinceId]': 2 } });
    expect(since.body.history.map((entry: { id: number }) => entry.id)).toEqual([3]);
    crm.addKey('other-key');
    const other = await call(crm, 'GET', '/customers/history', { key: 'other-key' });
    expect(other.body.history[1].apiKey).toEqual({ current: false });
  });
});
