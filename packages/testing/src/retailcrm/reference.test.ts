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

const userIds = (body: { users: { id: number }[] }) => body.users.map(({ id }) => id);

describe('retailCRM simulator: users and references', () => {
  it('seeds active managers, an inactive manager and an admin who is not a manager', async () => {
    const managers = await call(crm, 'GET', '/users', {
      query: { 'filter[isManager]': 1, 'filter[active]': 1 },
    });
    expect(userIds(managers.body)).toEqual([7, 8]);
    expect(managers.body.users[0].groups).toEqual([
      expect.objectContaining({ code: 'managers', isManager: true }),
    ]);
    const inactive = await call(crm, 'GET', '/users', { query: { 'filter[active]': 0 } });
    expect(userIds(inactive.body)).toEqual([9]);
    const admins = await call(crm, 'GET', '/users', { query: { 'filter[isAdmin]': 1 } });
    expect(admins.body.users).toMatchObject([{ id: 1, isManager: false }]);
    const group = await call(crm, 'GET', '/users', {
      query: { 'filter[groups][]': 'administrators' },
    });
    expect(userIds(group.body)).toEqual([1]);
  });

  it('gets one user, and 404 for an unknown id', async () => {
    const user = await call(crm, 'GET', '/users/8');
    expect(user.body.user).toMatchObject({ id: 8, status: 'busy' });
    const missing = await call(crm, 'GET', '/users/404');
    expect(missing.body).toEqual({ success: false, errorMsg: 'Not found' });
  });

  it('sets a user status from the four allowed values only', async () => {
    const bad = await call(crm, 'POST', '/users/7/status', { form: { status: 'away' } });
    expect(bad.status).toBe(400);
    const missing = await call(crm, 'POST', '/users/7/status', { form: {} });
    expect(missing.body.errorMsg).toBe("Parameter 'status' is missing");
    const good = await call(crm, 'POST', '/users/7/status', { form: { status: 'break' } });
    expect(good.body).toEqual({ success: true });
    expect(crm.state.users.find((user) => user.id === 7)?.status).toBe('break');
  });

  it('answers statusGroups as an object keyed by code', async () => {
    const answer = await call(crm, 'GET', '/reference/status-groups');
    expect(Array.isArray(answer.body.statusGroups)).toBe(false);
    expect(answer.body.statusGroups.new).toMatchObject({ code: 'new', statuses: ['new'] });
  });

  it('lists user groups with pagination', async () => {
    const answer = await call(crm, 'GET', '/user-groups');
    expect(answer.body.groups.map((group: { code: string }) => group.code)).toEqual([
      'managers',
      'administrators',
    ]);
    expect(answer.body.pagination.totalCount).toBe(2);
  });
});

describe('retailCRM simulator: tasks and orders', () => {
  it('creates a task and validates datetime as Y-m-d H:i', async () => {
    const task = { text: 'Call back', performerId: 7, datetime: '2024-05-01 10:00' };
    const created = await call(crm, 'POST', '/tasks/create', { form: { site: 'main-shop', task } });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ success: true, id: 1 });
    for (const datetime of ['2024-05-01 10:00:00', '2024-02-30 10:00', '01.05.2024 10:00']) {
      const bad = await call(crm, 'POST', '/tasks/create', {
        form: { task: { ...task, datetime } },
      });
      expect(bad.body, datetime).toMatchObject({ errorMsg: 'Errors in the entity format' });
      expect(bad.body.errors).toHaveProperty('datetime');
    }
    expect(crm.state.tasks).toHaveLength(1);
  });

  it('refuses a task for an inactive or unknown performer', async () => {
    const inactive = await call(crm, 'POST', '/tasks/create', {
      form: { task: { text: 'Call back', performerId: 9 } },
    });
    expect(inactive.body.errors).toHaveProperty('performerId');
    const missing = await call(crm, 'POST', '/tasks/create', { form: { task: { text: 'x' } } });
    expect(missing.body.errors).toHaveProperty('performerId');
  });

  it('filters tasks by performer, status and customer phone', async () => {
    const customer = crm.state.addCustomer({ phones: [{ number: '+38 (067) 123-45-67' }] });
    await call(crm, 'POST', '/tasks/create', {
      form: { task: { text: 'A', performerId: 7, customer: { id: customer.id } } },
    });
    await call(crm, 'POST', '/tasks/create', { form: { task: { text: 'B', performerId: 8 } } });
    const mine = await call(crm, 'GET', '/tasks', { query: { 'filter[performers][]': 7 } });
    expect(mine.body.tasks.map((task: { text: string }) => task.text)).toEqual(['A']);
    const byPhone = await call(crm, 'GET', '/tasks', {
      query: { 'filter[customer]': '380671234567' },
    });
    expect(byPhone.body.tasks.map((task: { text: string }) => task.text)).toEqual(['A']);
    const done = await call(crm, 'GET', '/tasks', { query: { 'filter[status]': 'completed' } });
    expect(done.body.tasks).toEqual([]);
  });

  it('creates an order, making a customer from its contact when none is named', async () => {
    const order = { phone: '+380501112233', firstName: 'Ivan', orderMethod: 'phone', call: true };
    const answer = await call(crm, 'POST', '/orders/create', {
      form: { site: 'main-shop', order },
    });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({
      success: true,
      id: 1,
      order: { status: 'new', call: true },
    });
    expect(crm.state.customers).toMatchObject([{ phones: [{ number: '+380501112233' }] }]);
    const badMethod = await call(crm, 'POST', '/orders/create', {
      form: { order: { ...order, orderMethod: 'fax' } },
    });
    expect(badMethod.body.errors).toHaveProperty('orderMethod');
    const listed = await call(crm, 'GET', '/orders', {
      query: { 'filter[customer]': '0501112233' },
    });
    expect(listed.body.orders).toHaveLength(1);
  });
});
