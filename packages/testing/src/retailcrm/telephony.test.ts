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

const telephonyModule = {
  code: 'ringostat-acme',
  integrationCode: 'ringostat',
  active: true,
  name: 'Ringostat',
  clientId: 'client-1',
  integrations: {
    telephony: {
      makeCallUrl: 'https://connector.example/make-call',
      additionalCodes: [{ userId: 7, code: '101' }],
      externalPhones: [{ siteCode: 'main-shop', externalPhone: '+380441112233' }],
    },
  },
};

const call1 = (externalId: string) => ({
  date: '2024-05-01 10:00:00',
  type: 'in',
  phone: '+380501112233',
  result: 'answered',
  duration: 42,
  externalId,
});

describe('retailCRM simulator: integration modules', () => {
  it('creates a module and answers info as an empty array when nothing is wrong', async () => {
    const answer = await call(crm, 'POST', '/integration-modules/ringostat-acme/edit', {
      form: { integrationModule: telephonyModule },
    });
    expect(answer.body).toEqual({ success: true, info: [] });
    const read = await call(crm, 'GET', '/integration-modules/ringostat-acme');
    expect(read.body.integrationModule).toMatchObject({
      code: 'ringostat-acme',
      active: true,
      integrations: { telephony: { additionalCodes: [{ userId: 7, code: '101' }] } },
    });
  });

  it('refuses a code that does not start with integrationCode', async () => {
    const answer = await call(crm, 'POST', '/integration-modules/acme-ringostat/edit', {
      form: { integrationModule: { ...telephonyModule, code: 'acme-ringostat' } },
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      success: false,
      errorMsg: 'Errors in the entity format',
      errors: { code: 'Code prefix must match integrationCode' },
    });
    expect(crm.state.integrationModules.size).toBe(0);
  });

  it('updates an existing module and reports users and sites that do not exist', async () => {
    await call(crm, 'POST', '/integration-modules/ringostat-acme/edit', {
      form: { integrationModule: telephonyModule },
    });
    const telephony = {
      additionalCodes: [{ userId: '404', code: '104' }],
      externalPhones: [{ siteCode: 'no-shop', externalPhone: '+380440000000' }],
    };
    const answer = await call(crm, 'POST', '/integration-modules/ringostat-acme/edit', {
      form: { integrationModule: { active: false, integrations: { telephony } } },
    });
    expect(answer.body).toEqual({
      success: true,
      info: { notExistUsersIds: [404], notExistSiteCodes: ['no-shop'] },
    });
    expect(crm.state.integrationModules.get('ringostat-acme')).toMatchObject({
      active: false,
      name: 'Ringostat',
    });
  });
});

describe('retailCRM simulator: call events', () => {
  it('stores the event and reports codes the active module does not know', async () => {
    await call(crm, 'POST', '/integration-modules/ringostat-acme/edit', {
      form: { integrationModule: telephonyModule },
    });
    const event = {
      phone: '+380501112233',
      type: 'in',
      codes: ['101', '999'],
      callExternalId: 'c1',
    };
    const answer = await call(crm, 'POST', '/telephony/call/event', { form: { event } });
    expect(answer.body).toEqual({ success: true, notExistCodes: ['999'] });
    expect(crm.state.callEvents).toMatchObject([{ phone: '+380501112233', codes: ['101', '999'] }]);
  });

  it('validates the event type and the hangup status spelling', async () => {
    const answer = await call(crm, 'POST', '/telephony/call/event', {
      form: { event: { phone: '+380501112233', type: 'hangup', hangupStatus: 'no answer' } },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual({ hangupStatus: expect.any(String) });
    const badType = await call(crm, 'POST', '/telephony/call/event', {
      form: { event: { phone: '+380501112233', type: 'ringing' } },
    });
    expect(badType.body.errors).toHaveProperty('type');
    expect(crm.state.callEvents).toHaveLength(0);
  });
});

describe('retailCRM simulator: calls upload', () => {
  it('stores calls once per externalId and reports repeats in duplicateCalls', async () => {
    const first = await call(crm, 'POST', '/telephony/calls/upload', {
      form: { calls: [call1('a'), call1('b')] },
    });
    expect(first.body).toEqual({ success: true, processedCallsCount: 2, duplicateCalls: [] });
    const again = await call(crm, 'POST', '/telephony/calls/upload', {
      form: { calls: [call1('b'), call1('c'), call1('c')] },
    });
    expect(again.body).toEqual({
      success: true,
      processedCallsCount: 1,
      duplicateCalls: ['b', 'c'],
    });
    expect(crm.state.calls.map((stored) => stored.externalId)).toEqual(['a', 'b', 'c']);
  });

  it('takes 50 calls in one request and refuses 51', async () => {
    const calls = (count: number, prefix: string) =>
      Array.from({ length: count }, (_, index) => call1(`${prefix}${index}`));
    const fifty = await call(crm, 'POST', '/telephony/calls/upload', {
      form: { calls: calls(50, 'x') },
    });
    expect(fifty.body.processedCallsCount).toBe(50);
    const tooMany = await call(crm, 'POST', '/telephony/calls/upload', {
      form: { calls: calls(51, 'y') },
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.errorMsg).toBe('Errors in the entity format');
    expect(crm.state.calls).toHaveLength(50);
  });

  it('refuses the whole upload on a bad call, with errors as a list of strings', async () => {
    const answer = await call(crm, 'POST', '/telephony/calls/upload', {
      form: {
        calls: [
          call1('ok'),
          { ...call1('bad'), date: '2024-05-01T10:00:00Z', result: 'no answered' },
        ],
      },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([
      expect.stringMatching(/^calls\[1\]\.date: /),
      expect.stringMatching(/^calls\[1\]\.result: /),
    ]);
    expect(crm.state.calls).toHaveLength(0);
  });

  it('refuses calls that is not a JSON array', async () => {
    const answer = await call(crm, 'POST', '/telephony/calls/upload', {
      form: { calls: call1('a') },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errorMsg).toBe('Errors in the entity format');
  });
});

describe('retailCRM simulator: responsible manager', () => {
  it('finds the customer by phone digits and its manager with the extension code', async () => {
    await call(crm, 'POST', '/integration-modules/ringostat-acme/edit', {
      form: { integrationModule: telephonyModule },
    });
    const customer = crm.state.addCustomer({
      firstName: 'Ivan',
      managerId: 7,
      phones: [{ number: '+38 (067) 123-45-67' }],
    });
    const answer = await call(crm, 'GET', '/telephony/manager', {
      query: { phone: '0671234567', details: 1, ignoreStatus: 1 },
    });
    expect(answer.body).toMatchObject({
      success: true,
      manager: { id: 7, firstName: 'Olena', code: '101' },
      customer: { id: customer.id, firstName: 'Ivan' },
      links: { customerLink: `${crm.url}/customers/${customer.id}` },
    });
  });

  it('leaves out a busy manager unless ignoreStatus=1, and answers links for a stranger', async () => {
    crm.state.addCustomer({ managerId: 8, phones: [{ number: '+380501112233' }] });
    const busy = await call(crm, 'GET', '/telephony/manager', { query: { phone: '0501112233' } });
    expect(busy.body.manager).toBeUndefined();
    const ignored = await call(crm, 'GET', '/telephony/manager', {
      query: { phone: '0501112233', ignoreStatus: 1 },
    });
    expect(ignored.body.manager).toMatchObject({ id: 8 });
    const stranger = await call(crm, 'GET', '/telephony/manager', {
      query: { phone: '0939999999' },
    });
    expect(stranger.body).toEqual({
      success: true,
      links: { newOrderLink: expect.any(String), newCustomerLink: expect.any(String) },
    });
  });
});
