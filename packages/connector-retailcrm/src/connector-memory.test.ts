import type { ConnectorWarning } from '@crossline/core';
import { afterEach, describe, expect, it } from 'vitest';
import { setupOnSimulator as setup, stopSimulator } from './__fixtures__/simulator.js';

afterEach(stopSimulator);

const context = () => ({ envelopeId: 'tests:1', occurredAt: Date.now(), signal: undefined });

/** telephony/manager names nobody for the next `times` look-ups: the customers search decides. */
const managerNamesNobody = {
  status: 200,
  path: '/api/v5/telephony/manager',
  body: { success: true },
};

describe('retailCRM connector: phone look-ups through the CRM kit, state in its own memory', () => {
  it('several customers with a number: the look-up names them, a task binds none, an upsert refuses', async () => {
    const { crm, connector } = await setup();
    const first = crm.state.addCustomer({ phones: [{ number: '+380671234567' }] });
    const second = crm.state.addCustomer({ phones: [{ number: '067 123 45 67' }] });
    const warnings: ConnectorWarning[] = [];
    connector.on('warning', (warning) => warnings.push(warning));
    crm.fail({ ...managerNamesNobody, times: 3 });
    const ids = [String(first.id), String(second.id)];
    expect(
      await connector.perform('contacts.findByPhone', { phone: '0671234567' }, context()),
    ).toEqual({ status: 'ambiguous', ids });
    await connector.perform(
      'tasks.create',
      { title: 'Call back', contactPhone: '0671234567' },
      context(),
    );
    expect(crm.state.tasks).toEqual([expect.not.objectContaining({ customer: expect.anything() })]);
    expect(warnings.map((warning) => warning.message)).toEqual([
      `Several customers have +380671234567 (ids ${ids.join(', ')}): the contact is not bound`,
      `Several customers have +380671234567 (ids ${ids.join(', ')}): the task is not bound`,
    ]);
    expect(warnings[0]?.details).toEqual({ phone: '380671234567', ids });
    await expect(
      connector.perform('contacts.upsert', { phones: ['0671234567'] }, context()),
    ).rejects.toThrow(
      `Several customers have +380671234567 (ids ${ids.join(', ')}): merge them in the CRM`,
    );
    expect(crm.state.customers).toHaveLength(2);
  });

  it('a repeat caller costs no second search; configure() forgets', async () => {
    const { crm, connector } = await setup();
    crm.state.addCustomer({ phones: [{ number: '+38 (067) 123-45-67' }] });
    const searches = () =>
      crm.requests.filter((request) => /telephony\/manager|\/customers$/.test(request.path)).length;
    const lookup = () =>
      connector.perform('contacts.findByPhone', { phone: '0671234567' }, context());
    expect((await lookup()).status).toBe('found');
    const first = searches();
    expect(first).toBeGreaterThan(0);
    expect((await lookup()).status).toBe('found');
    expect(searches()).toBe(first);
    connector.configure({ lookupVariants: 2 });
    await lookup();
    expect(searches()).toBeGreaterThan(first);
  });

  it('remembers a created customer: the next look-up of the number finds it without a search', async () => {
    const { crm, connector } = await setup();
    const created = await connector.perform(
      'contacts.upsert',
      { phones: ['0501112233'], firstName: 'Iryna' },
      context(),
    );
    crm.clearRequests();
    expect(
      await connector.perform('contacts.findByPhone', { phone: '+380501112233' }, context()),
    ).toEqual({ status: 'found', contact: { id: created.id, phones: ['+380501112233'] } });
    expect(crm.requests).toEqual([]);
  });

  it('an upsert edits the customer as the CRM holds it now, not as remembered', async () => {
    const { crm, connector } = await setup();
    const stored = crm.state.addCustomer({ phones: [{ number: '0931234567' }] });
    await connector.perform('contacts.findByPhone', { phone: '0931234567' }, context());
    // Someone adds a number and a name in the CRM after the connector remembered the customer.
    stored.phones.push({ number: '0441234567' });
    stored.firstName = 'Set by hand';
    await connector.perform(
      'contacts.upsert',
      { phones: ['0931234567', '0501112233'], firstName: 'Olha' },
      context(),
    );
    expect(crm.state.customers).toEqual([
      expect.objectContaining({
        firstName: 'Set by hand',
        phones: [{ number: '0931234567' }, { number: '0441234567' }, { number: '+380501112233' }],
      }),
    ]);
  });

  it("asks for the admin's user id once per connector, and again after configure()", async () => {
    const { crm, connector } = await setup({ employees: [] });
    const adminLookups = () =>
      crm.requests.filter((request) => request.path === '/api/v5/users').length;
    await connector.perform(
      'tasks.create',
      { title: 'One', contactPhone: '0501112233' },
      context(),
    );
    await connector.perform(
      'tasks.create',
      { title: 'Two', contactPhone: '0501112233' },
      context(),
    );
    expect(crm.state.tasks.map((task) => task.performerId)).toEqual([1, 1]);
    expect(adminLookups()).toBe(1);
    connector.configure({ retries: 5 });
    await connector.perform('tasks.create', { title: 'Three' }, context());
    expect(adminLookups()).toBe(2);
  });
});
