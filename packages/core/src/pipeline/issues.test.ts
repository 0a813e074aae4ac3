// Regressions: each test pins a problem found in review of the runtime, so it cannot come back.
import { afterEach, describe, expect, it } from 'vitest';
import { startLoopbackVendor } from '../__fixtures__/loopback-vendor.js';
import { sampleCall } from '../__fixtures__/sample-call.js';
import { testCrm } from '../__fixtures__/test-connector.js';
import { callSchema } from '../model/call.js';
import { MemoryReplayStore } from '../replay/memory-replay-store.js';
import { SqliteReplayStore } from '../replay/sqlite-replay-store.js';
import { createHub, type Hub } from './hub.js';

const apiKey = 'regression-key-1';
const newKey = 'regression-key-2';
let vendor: Awaited<ReturnType<typeof startLoopbackVendor>>;
let hub: Hub | undefined;
afterEach(async () => {
  await hub?.stop();
  hub = undefined;
  await vendor?.close();
});

const call = sampleCall;

async function setup(store = new MemoryReplayStore()) {
  vendor = await startLoopbackVendor(apiKey);
  const crm = testCrm({ id: 'crm', baseUrl: vendor.url, apiKey });
  hub = createHub({ store, retry: { baseDelayMs: 5, maxDelayMs: 20 } });
  hub.register(crm).pipeline({
    id: 'calls',
    input: callSchema,
    eventId: (item) => item.id,
    key: (item) => item.from,
    to: { connector: 'crm', action: 'calls.log' },
  });
  await hub.start();
  return { hub, crm, store };
}

describe('runtime regressions', () => {
  it('an event published right after activate({ replay: false }) is delivered, not dropped with the backlog', async () => {
    const { hub, crm } = await setup();
    const dropped: string[] = [];
    hub.on('dropped', ({ envelope }) => dropped.push(envelope.eventId));
    await hub.publish('calls', call(1)); // buffered while inactive
    await crm.activate({ replay: false });
    await hub.publish('calls', call(2));
    await hub.idle();
    expect(dropped).toEqual(['call-1']);
    expect([...vendor.stored.keys()]).toEqual(['calls:call-2']);
  });

  it('a delivered listener that throws neither resends the call nor breaks delivery', async () => {
    const { hub, crm } = await setup();
    hub.on('delivered', () => {
      throw new Error('listener bug');
    });
    await crm.activate();
    for (let index = 0; index < 5; index += 1) await hub.publish('calls', call(index));
    await hub.idle();
    expect(vendor.stored.size).toBe(5);
    expect(vendor.resent()).toBe(0);
    expect(await hub.pending()).toEqual({});
  });

  it('retryDead on an envelope that is not dead does nothing', async () => {
    const { hub, crm } = await setup();
    await crm.activate();
    await hub.publish('calls', call(1));
    await hub.idle();
    await hub.retryDead(['calls:call-1']);
    await hub.idle();
    expect(vendor.requests()).toBe(1);
  });

  it('keeps per-key order when the connector breaks and is re-activated', async () => {
    const { hub, crm } = await setup();
    await crm.activate();
    vendor.rotateKey(newKey);
    for (let index = 0; index < 6; index += 1) await hub.publish('calls', call(index));
    await hub.idle();
    expect(crm.status).toBe('broken');
    vendor.rotateKey(apiKey);
    await crm.activate({ replay: true });
    await hub.idle();
    expect(vendor.order).toEqual([0, 1, 2, 3, 4, 5].map((index) => `calls:call-${index}`));
  });

  it('stop() lets deliveries in flight finish instead of aborting them', async () => {
    const { hub, crm } = await setup();
    vendor.setFaults({ latencyMs: [150, 150] });
    await crm.activate();
    let delivered = 0;
    hub.on('delivered', () => {
      delivered += 1;
    });
    await hub.publish('calls', call(1));
    await new Promise((resolve) => setTimeout(resolve, 50)); // the request is in flight
    await hub.stop();
    expect(delivered).toBe(1);
    expect(await hub.pending()).toEqual({});
  });

  it('a settle that fails to commit keeps the envelope pending: sent again, never lost', async () => {
    const store = new MemoryReplayStore();
    const settle = store.settle.bind(store);
    let failures = 1;
    store.settle = (ids, outcome, at) =>
      failures-- > 0 ? Promise.reject(new Error('disk full')) : settle(ids, outcome, at);
    const { hub, crm } = await setup(store);
    await crm.activate();
    await hub.publish('calls', call(1));
    await hub.idle(); // the pass fails at its end, and the worker tries again later
    await new Promise((resolve) => setTimeout(resolve, 50));
    await hub.idle();
    expect([...vendor.stored.keys()]).toEqual(['calls:call-1']);
    expect(vendor.resent()).toBe(1);
    expect(await hub.pending()).toEqual({});
  });

  it('one bad envelope fails only its own append, not the others sharing the commit', async () => {
    const store = new SqliteReplayStore({ path: ':memory:' });
    const good = { pipelineId: 'p', connectorId: 'c', key: 'k', occurredAt: 1, payload: {} };
    const results = await Promise.allSettled([
      store.append([{ ...good, id: 'p:1', eventId: '1' }]),
      store.append([{ ...good, id: 'p:2', eventId: '2', payload: { size: 1n } }]), // cannot be serialised
      store.append([{ ...good, id: 'p:3', eventId: '3' }]),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((await store.scan('c', 0, 10)).map((envelope) => envelope.id)).toEqual(['p:1', 'p:3']);
    await store.close();
  });

  it('hands each delivery its own copy of the payload', async () => {
    const store = new MemoryReplayStore();
    await store.append([
      {
        id: 'p:1',
        pipelineId: 'p',
        connectorId: 'c',
        eventId: '1',
        key: 'k',
        occurredAt: 1,
        payload: { a: 1 },
      },
    ]);
    const [first] = await store.scan('c', 0, 1);
    (first?.payload as { a: number }).a = 2;
    const [second] = await store.scan('c', 0, 1);
    expect(second?.payload).toEqual({ a: 1 });
  });
});
