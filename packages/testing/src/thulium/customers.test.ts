import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startThuliumSimulator, type ThuliumSimulator } from './start-thulium-simulator.js';
import { callThulium } from './test-client.js';

let thulium: ThuliumSimulator;
beforeEach(async () => {
  thulium = await startThuliumSimulator();
});
afterEach(() => thulium.close());

describe('Thulium simulator: customers and typed custom fields', () => {
  it('searches by custom_fields[Name]=value (exact), every field present, null when empty', async () => {
    thulium.state.addCustomer({ surname: 'K.', custom_fields: { 'Empik ID': 'cust-1' } });
    thulium.state.addCustomer({ surname: 'L.', custom_fields: { 'Empik ID': 'cust-10' } });
    const found = await callThulium(
      thulium,
      'GET',
      '/customers?custom_fields%5BEmpik%20ID%5D=cust-1&include_custom_fields=1',
    );
    expect(found.body).toEqual([
      expect.objectContaining({
        surname: 'K.',
        custom_fields: { 'Empik ID': 'cust-1', 'Loyalty points': null },
      }),
    ]);
    const bare = await callThulium(thulium, 'GET', '/customers?limit=1');
    expect(bare.body).toEqual([expect.not.objectContaining({ custom_fields: expect.anything() })]);
    expect((await callThulium(thulium, 'GET', '/customers?limit=1001')).status).toBe(400);
  });

  it('creates a customer: surname required, fields known and of their type', async () => {
    const post = (json: unknown) => callThulium(thulium, 'POST', '/customers', { json });
    const created = await post({ surname: 'K.', custom_fields: { 'Empik ID': 'cust-9' } });
    expect(created).toEqual({ status: 200, body: { customer_id: expect.any(Number) } });
    expect(thulium.state.customers[0]?.custom_fields['Empik ID']).toBe('cust-9');
    expect(await post({ name: 'Anna' })).toMatchObject({
      status: 400,
      body: { errors: [{ message: 'Surname is required.' }] },
    });
    expect((await post({ surname: 'X', custom_fields: { Nope: 'a' } })).status).toBe(400);
    const wrongType = await post({ surname: 'X', custom_fields: { 'Loyalty points': 'ten' } });
    expect(wrongType.body).toMatchObject({
      errors: [{ message: 'Custom field Loyalty points must be of type number.' }],
    });
  });
});
