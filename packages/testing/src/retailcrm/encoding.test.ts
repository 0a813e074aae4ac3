import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call } from '../__fixtures__/retailcrm-call.js';
import { type RetailcrmSimulator, startRetailcrmSimulator } from './start-retailcrm-simulator.js';

let crm: RetailcrmSimulator;

beforeEach(async () => {
  crm = await startRetailcrmSimulator();
});

afterEach(async () => {
  await crm.close();
});

describe('retailCRM simulator: request encoding', () => {
  it('refuses a raw JSON body as a missing parameter, and stores nothing', async () => {
    const answer = await call(crm, 'POST', '/customers/create', {
      json: { customer: { firstName: 'Ivan' } },
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ success: false, errorMsg: "Parameter 'customer' is missing" });
    expect(crm.state.customers).toHaveLength(0);
  });

  it('refuses an entity sent as PHP-style bracket fields instead of one JSON field', async () => {
    const answer = await call(crm, 'POST', '/tasks/create', {
      form: { 'task[text]': 'Call back', 'task[performerId]': '7' },
    });
    expect(answer.body).toEqual({ success: false, errorMsg: "Parameter 'task' is missing" });
  });

  it('decodes the entity from its JSON form field and scalars from plain fields', async () => {
    const answer = await call(crm, 'POST', '/customers/create', {
      form: {
        site: 'main-shop',
        customer: { firstName: 'Ivan', phones: [{ number: '+380501112233' }] },
      },
    });
    expect(answer.status).toBe(201);
    expect(answer.body).toEqual({ success: true, id: expect.any(Number) });
    const [stored] = crm.state.customers;
    expect(stored).toMatchObject({
      id: answer.body.id,
      firstName: 'Ivan',
      site: 'main-shop',
      phones: [{ number: '+380501112233' }],
    });
    const [request] = crm.requests;
    expect(request?.form.site).toBe('main-shop');
    expect(request?.body).toContain('customer=%7B');
  });

  it('answers Errors in the entity format for JSON that does not parse', async () => {
    const answer = await call(crm, 'POST', '/customers/create', {
      form: { customer: '{"firstName": "Ivan"' },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errorMsg).toBe('Errors in the entity format');
    expect(answer.body.errors).toEqual({ customer: expect.any(String) });
  });

  it('validates entity fields and answers an errors object', async () => {
    const answer = await call(crm, 'POST', '/customers/create', {
      form: { customer: { email: 'not-an-email', phones: [{ num: '1' }], managerId: 404 } },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errorMsg).toBe('Errors in the entity format');
    expect(Object.keys(answer.body.errors).sort()).toEqual([
      'email',
      'managerId',
      'phones[0].number',
    ]);
  });

  it('requires site when the account has several stores', async () => {
    await crm.close();
    crm = await startRetailcrmSimulator({ sites: ['shop-ua', 'shop-pl'] });
    const without = await call(crm, 'POST', '/customers/create', {
      form: { customer: { firstName: 'Ivan' } },
    });
    expect(without.body).toEqual({ success: false, errorMsg: "Parameter 'site' is missing" });
    const unknown = await call(crm, 'POST', '/customers/create', {
      form: { site: 'shop-de', customer: { firstName: 'Ivan' } },
    });
    expect(unknown.status).toBe(400);
    const right = await call(crm, 'POST', '/customers/create', {
      form: { site: 'shop-pl', customer: { firstName: 'Ivan' } },
    });
    expect(right.status).toBe(201);
    expect(crm.state.customers.map((customer) => customer.site)).toEqual(['shop-pl']);
  });

  it('reads list filters in the empty-bracket and the indexed form, and refuses a scalar', async () => {
    const [first, second] = [crm.state.addCustomer(), crm.state.addCustomer()];
    crm.state.addCustomer();
    const brackets = await call(crm, 'GET', '/customers', {
      query: { 'filter[ids][]': [String(first?.id), String(second?.id)] },
    });
    expect(brackets.body.customers.map((c: { id: number }) => c.id)).toEqual([1, 2]);
    const indexed = await call(crm, 'GET', '/customers', { query: { 'filter[ids][0]': '2' } });
    expect(indexed.body.customers.map((c: { id: number }) => c.id)).toEqual([2]);
    const scalar = await call(crm, 'GET', '/customers', { query: { 'filter[ids]': '2' } });
    expect(scalar.status).toBe(400);
    expect(scalar.body.errorMsg).toBe('Validation error');
  });
});
