import { afterEach, describe, expect, it, vi } from 'vitest';
import { call, useAsterilHub } from './__fixtures__/hub.js';
import { asteril } from './connector.js';

// What the connector remembers lives in the connector instance's own memory (core's
// `context.memory`), not in module-level caches: one instance's memory is not another's, and
// `configure()` empties it.

const setup = useAsterilHub();
afterEach(() => {
  vi.restoreAllMocks();
});

type Simulator = Awaited<ReturnType<typeof setup>>['crm'];

const searches = (crm: Simulator) =>
  crm.requests.filter((request) => request.method === 'GET' && request.path === '/api/v3/clients')
    .length;
const asks = (crm: Simulator) =>
  crm.requests.filter((request) => request.path === '/api/v3/me').length;
const performContext = (id: string) => ({ envelopeId: `test:${id}`, occurredAt: Date.now() });

describe('Asteril connector memory', () => {
  it("asks for the key's user once for the tasks of several callers", async () => {
    const { crm, hub } = await setup();
    await hub.publish('calls', call(1, { result: 'missed' }));
    await hub.publish('calls', call(2, { result: 'missed', from: '0501112233' }));
    await hub.idle();
    await hub.publish('calls', call(3, { result: 'missed', from: '0931112233' }));
    await hub.idle();
    expect(crm.state.tasks.map((task) => task.responsible_id)).toEqual([1, 1, 1]);
    expect(asks(crm)).toBe(1);
  });

  it('remembers a Client for five minutes, then searches its number again', async () => {
    const { crm, hub } = await setup();
    await hub.publish('calls', call(1));
    await hub.idle();
    const afterFirst = searches(crm);
    const realNow = Date.now.bind(Date);
    const start = realNow();
    // Time moves on as usual, shifted: 1 s before the five minutes are up, then 1 s after.
    let shift = 5 * 60_000 - 1_000;
    vi.spyOn(Date, 'now').mockImplementation(() => realNow() + shift);
    await hub.publish('calls', call(2));
    await hub.idle();
    expect(searches(crm)).toBe(afterFirst);
    shift = 5 * 60_000 + 1_000 + (realNow() - start);
    await hub.publish('calls', call(3));
    await hub.idle();
    expect(searches(crm)).toBeGreaterThan(afterFirst);
    expect(crm.state.clients).toHaveLength(1);
  });

  it('configure() with another key forgets the remembered Client and the responsible', async () => {
    const { crm, hub, connector } = await setup();
    await hub.publish('calls', call(1, { result: 'missed' }));
    await hub.idle();
    const afterFirst = searches(crm);
    const admin = crm.state.addUser({ is_admin: true });
    crm.addKey('second-admin-key-0123456789', { user: admin.id });
    connector.configure({ apiKey: 'second-admin-key-0123456789' });
    await hub.publish('calls', call(2, { result: 'missed' }));
    await hub.idle();
    expect(searches(crm)).toBeGreaterThan(afterFirst);
    expect(asks(crm)).toBe(2);
    expect(crm.state.tasks.map((task) => task.responsible_id)).toEqual([1, admin.id]);
  });

  it('another connector instance on the same cabinet keeps its own memory', async () => {
    const { crm, hub } = await setup();
    await hub.publish('calls', call(1));
    await hub.idle();
    const afterFirst = searches(crm);
    const other = asteril({ id: 'other', url: crm.url, allowLoopback: true, apiKey: crm.apiKey });
    await other.activate();
    const found = await other.perform(
      'contacts.findByPhone',
      { phone: '380671234567' },
      performContext('1'),
    );
    expect(found).toEqual({
      status: 'found',
      contact: { id: String(crm.state.clients[0]?.id), phones: ['380671234567'] },
    });
    expect(searches(crm)).toBeGreaterThan(afterFirst);
  });
});
