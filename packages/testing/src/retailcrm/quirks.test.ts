import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../__fixtures__/retailcrm-call.js';
import { type RetailcrmSimulator, startRetailcrmSimulator } from './start-retailcrm-simulator.js';

let crm: RetailcrmSimulator | undefined;

afterEach(async () => {
  await crm?.close();
  crm = undefined;
});

describe('retailCRM simulator: quirks of real accounts', () => {
  it('answers "manager": null, "customer": null from telephony/manager when nobody matches (nulls)', async () => {
    crm = await startRetailcrmSimulator({ quirks: { nulls: true } });
    const answer = await call(crm, 'GET', '/telephony/manager', {
      query: { phone: '+380501112233', details: 1 },
    });
    expect(answer.body).toMatchObject({ success: true, manager: null, customer: null });
  });

  it('answers null for the optional fields of entities, and for absent answer fields (nulls)', async () => {
    crm = await startRetailcrmSimulator({ quirks: { nulls: true } });
    crm.state.addCustomer({ firstName: 'Ivan', phones: [{ number: '+380671234567' }] });
    const { body } = await call(crm, 'GET', '/customers');
    expect(body.customers[0]).toMatchObject({
      firstName: 'Ivan',
      lastName: null,
      email: null,
      managerId: null,
      externalId: null,
      source: null,
    });
    const users = await call(crm, 'GET', '/users');
    expect(users.body.users[0]).toMatchObject({ patronymic: null, phone: null });
    const upload = await call(crm, 'POST', '/telephony/calls/upload', {
      form: { calls: [{ date: '2026-11-23 10:00:00', type: 'in', phone: '+380671234567' }] },
    });
    expect(upload.body).toMatchObject({ success: true, duplicateCalls: null });
  });

  it('adds fields nobody knows to answers and entities (extraFields)', async () => {
    crm = await startRetailcrmSimulator({ quirks: { extraFields: true } });
    crm.state.addCustomer({ phones: [{ number: '+380671234567' }] });
    const { body } = await call(crm, 'GET', '/customers');
    expect(body.unknownField).toEqual({ addedLater: true });
    expect(body.customers[0].unknownField).toEqual({ addedLater: [1, 'two', null] });
  });

  it('answers enum values outside the documented sets (unknownEnumValues)', async () => {
    crm = await startRetailcrmSimulator({ quirks: { unknownEnumValues: true } });
    const users = await call(crm, 'GET', '/users');
    expect(users.body.users.map((user: { status: string }) => user.status)).toContain('vacation');
    const credentials = await call(crm, 'GET', '/api/credentials');
    expect(credentials.body.siteAccess).toBe('access_partner');
  });

  it('changes only the answers, never what the account stores; errors stay as they are', async () => {
    crm = await startRetailcrmSimulator({
      quirks: { nulls: true, extraFields: true, unknownEnumValues: true },
    });
    crm.state.addCustomer({ phones: [{ number: '+380671234567' }] });
    await call(crm, 'GET', '/customers');
    expect(crm.state.customers[0]).not.toHaveProperty('unknownField');
    expect(crm.state.customers[0]?.email).toBeUndefined();
    expect(crm.state.users.every((user) => user.status !== ('vacation' as string))).toBe(true);
    const missing = await call(crm, 'GET', '/customers/999', { query: { by: 'id' } });
    expect(missing.body).toEqual({ success: false, errorMsg: 'Not found' });
  });
});
