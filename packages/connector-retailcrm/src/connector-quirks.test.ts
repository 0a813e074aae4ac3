import { afterEach, describe, expect, it } from 'vitest';
import { call, setupOnSimulator as setup, stopSimulator } from './__fixtures__/simulator.js';

afterEach(stopSimulator);

const quirks = { nulls: true, extraFields: true, unknownEnumValues: true };

describe('retailCRM connector against an account that answers nulls, extra fields and new enum values', () => {
  it('creates customers and missed-call tasks when telephony/manager answers "manager": null, "customer": null', async () => {
    const { crm, hub, connector, warnings } = await setup({}, { quirks });
    const stored = crm.state.addCustomer({
      firstName: 'Ivan',
      phones: [{ number: '+38 (067) 123-45-67' }],
    });
    await connector.activate();
    const fresh = ['0501112201', '0501112202', '0501112203'];
    for (const [index, from] of fresh.entries()) {
      await hub.publish('calls', call(index, { from, result: 'missed' }));
    }
    await hub.publish('calls', call(9, { from: '067 123 45 67', result: 'missed' }));
    await hub.idle();
    expect(await hub.pending()).toEqual({});
    expect(crm.state.customers).toHaveLength(1 + fresh.length);
    expect(crm.state.calls).toHaveLength(1 + fresh.length);
    expect(crm.state.tasks).toHaveLength(1 + fresh.length);
    const boundTo = crm.state.tasks.map((task) => task.customer?.id);
    expect(new Set(boundTo).size).toBe(1 + fresh.length);
    const storedTask = crm.state.tasks.find((task) => task.phone === '+380671234567');
    expect(storedTask?.customer?.id).toBe(stored.id);
    expect(warnings).toEqual([]);
  });

  it('keeps stored phones when it edits a customer whose optional fields are null', async () => {
    const { crm, connector } = await setup({}, { quirks });
    crm.state.addCustomer({ phones: [{ number: '0931234567' }] });
    const context = { envelopeId: 'x', occurredAt: 0, signal: undefined };
    await connector.perform(
      'contacts.upsert',
      { phones: ['0931234567', '0501112233'], firstName: 'Olha' },
      context,
    );
    expect(crm.state.customers).toEqual([
      expect.objectContaining({
        firstName: 'Olha',
        phones: [{ number: '0931234567' }, { number: '+380501112233' }],
      }),
    ]);
  });

  it('verify() and activation read users with a new status and an unknown siteAccess', async () => {
    const { crm, connector } = await setup({}, { quirks });
    expect(await connector.verify()).toMatchObject({
      ok: true,
      missingPermissions: [],
      problems: [],
    });
    await connector.activate();
    expect(crm.state.integrationModules.get('crossline-main-shop')?.active).toBe(true);
  });

  it('verify() with an unknown siteAccess and a site the key does not list says the key, not the account', async () => {
    const { connector } = await setup({ site: 'acme-shop' }, { quirks });
    const checks = await connector.verify();
    expect(checks.problems).toEqual([
      expect.stringMatching(/^the key's sites \(main-shop\) do not include acme-shop/),
    ]);
  });

  it('falls back to the customers search, with a warning, when telephony/manager cannot be read', async () => {
    const { crm, hub, connector, warnings } = await setup();
    const stored = crm.state.addCustomer({ phones: [{ number: '+38 (067) 123-45-67' }] });
    await connector.activate();
    crm.fail({
      status: 200,
      path: '/api/v5/telephony/manager',
      times: 50,
      body: { success: true, manager: 'Olena', customer: [1, 2] },
    });
    await hub.publish('calls', call(1, { from: '067 123 45 67', result: 'missed' }));
    await hub.idle();
    expect(await hub.pending()).toEqual({});
    expect(crm.state.customers).toHaveLength(1);
    expect(crm.state.tasks.map((task) => task.customer?.id)).toEqual([stored.id]);
    expect(crm.state.calls).toHaveLength(1);
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings[0]).toMatchObject({
      connectorId: 'crm',
      message: expect.stringContaining('telephony/manager'),
      details: { phone: '380671234567', fallback: 'customers search' },
    });
  });
});
