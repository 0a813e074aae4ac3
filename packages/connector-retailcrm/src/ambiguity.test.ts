// The CRM's telephony look-up names one customer even when several have the number: it must
// never decide alone (found by review: it bound the first of two, with no warning).
import { afterEach, describe, expect, it } from 'vitest';
import { call, setupOnSimulator, stopSimulator } from './__fixtures__/simulator.js';

afterEach(stopSimulator);

const context = { envelopeId: 'calls:review', occurredAt: Date.now() };

describe('two customers with one number, stored in different forms', () => {
  it('findByPhone reports both and binds none, with a warning', async () => {
    const { crm, connector, warnings } = await setupOnSimulator();
    await connector.activate();
    crm.state.addCustomer({ site: 'main-shop', phones: [{ number: '+380671234567' }] });
    crm.state.addCustomer({ site: 'main-shop', phones: [{ number: '067 123 45 67' }] });
    const lookup = await connector.perform(
      'contacts.findByPhone',
      { phone: '0671234567' },
      context,
    );
    expect(lookup.status).toBe('ambiguous');
    expect(lookup.status === 'ambiguous' && [...lookup.ids].sort()).toEqual(['1', '2']);
    expect(warnings.map((warning) => warning.message)).toEqual([
      expect.stringMatching(/^Several customers have \+380671234567 \(ids 1, 2\)/),
    ]);
  });

  it('a missed call from that number binds neither customer and creates no third one', async () => {
    const { crm, hub, connector, warnings } = await setupOnSimulator();
    await connector.activate();
    crm.state.addCustomer({ site: 'main-shop', phones: [{ number: '+380671234567' }] });
    crm.state.addCustomer({ site: 'main-shop', phones: [{ number: '067 123 45 67' }] });
    await hub.publish('calls', call(1, { result: 'missed' }));
    await hub.idle();
    expect(crm.state.customers).toHaveLength(2);
    expect(warnings.some((warning) => /Several customers/.test(warning.message))).toBe(true);
    expect(crm.state.tasks).toHaveLength(1);
    expect(crm.state.tasks[0]?.customer).toBeUndefined();
  });

  it('one customer stored in a form the search does not try is still found through the CRM', async () => {
    const { crm, connector } = await setupOnSimulator({ lookupVariants: 1 });
    await connector.activate();
    crm.state.addCustomer({ site: 'main-shop', phones: [{ number: '067-123-45-67' }] });
    const lookup = await connector.perform(
      'contacts.findByPhone',
      { phone: '+380671234567' },
      context,
    );
    expect(lookup).toMatchObject({ status: 'found', contact: { id: '1' } });
  });
});
