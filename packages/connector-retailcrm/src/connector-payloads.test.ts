import { afterEach, describe, expect, it } from 'vitest';
import { call, setupOnSimulator as setup, stopSimulator } from './__fixtures__/simulator.js';

afterEach(stopSimulator);

const utm = { source: 'google', medium: 'cpc', campaign: 'winter', term: 'boots', content: 'ad-7' };
const source = {
  source: 'google',
  medium: 'cpc',
  campaign: 'winter',
  keyword: 'boots',
  content: 'ad-7',
};
const context = () => ({ envelopeId: 'orders:o-1', occurredAt: Date.now(), signal: undefined });

describe('retailCRM connector: what reaches the CRM', () => {
  it('uploads a call with its recording link, UTM as source, tracking number and manager code', async () => {
    const { crm, hub, connector } = await setup();
    await connector.activate();
    await hub.publish('calls', call(1, { utm, employee: { id: 'op-taras' } }));
    await hub.idle();
    expect(crm.state.calls).toEqual([
      expect.objectContaining({
        externalId: 'calls:call-1',
        type: 'in',
        phone: '+380671234567',
        result: 'answered',
        duration: 42,
        code: '102',
        recordUrl: 'https://records.example/1.mp3',
        source,
        externalPhone: '+380441112233',
        site: 'main-shop',
      }),
    ]);
  });

  it('names the line an outgoing call was made from as its tracking number', async () => {
    const { crm, hub, connector } = await setup();
    await connector.activate();
    await hub.publish(
      'calls',
      call(1, { direction: 'outgoing', from: '0441112233', to: '0671234567' }),
    );
    await hub.idle();
    expect(crm.state.calls).toEqual([
      expect.objectContaining({
        type: 'out',
        phone: '+380671234567',
        externalPhone: '+380441112233',
        code: '101',
      }),
    ]);
  });

  it('routes by user id when the linked manager has no extension code', async () => {
    const { crm, hub, connector } = await setup({
      employees: [{ employeeId: 'op-taras', userId: 8, senior: true }],
    });
    await connector.activate();
    await hub.publish('calls', call(1, { employee: { id: 'op-taras' } }));
    await hub.idle();
    expect(crm.state.calls[0]).toMatchObject({ userId: 8 });
    expect(crm.state.calls[0]?.code).toBeUndefined();
  });

  it('sends pop-ups with the tracking number and the manager code', async () => {
    const { crm, connector } = await setup();
    await connector.activate();
    const ringing = call(5, { employee: { id: 'op-taras' } });
    await connector.perform('calls.event', { phase: 'start', call: ringing }, context());
    expect(crm.state.callEvents).toEqual([
      expect.objectContaining({
        phone: '+380671234567',
        type: 'in',
        codes: ['102'],
        externalPhone: '+380441112233',
        site: 'main-shop',
      }),
    ]);
  });

  it('creates an order with its UTM as source, the order method and the customer with the number', async () => {
    const { crm, connector } = await setup({ orderMethod: 'phone' });
    const stored = crm.state.addCustomer({ phones: [{ number: '+38 (067) 123-45-67' }] });
    const order = {
      id: 'o-1',
      customerPhone: '0671234567',
      utm,
      lines: [{ sku: 'boots-42', title: 'Boots', qty: 1, price: 1200 }],
    };
    await connector.perform('orders.create', order, context());
    expect(crm.state.orders).toEqual([
      expect.objectContaining({
        externalId: 'o-1',
        phone: '+380671234567',
        orderMethod: 'phone',
        source,
        customer: expect.objectContaining({ id: stored.id }),
      }),
    ]);
  });
});
