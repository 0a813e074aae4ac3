import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineConnector } from '../connector/define-connector.js';
import { createHub } from '../pipeline/hub.js';
import { MemoryReplayStore } from '../replay/memory-replay-store.js';

// A vendor whose hold respects the abort signal.
class Vendor {
  holds = new Map<string, () => void>();
  held = new Set<string>();
  accepted: string[] = [];
  arrivals: string[] = [];
  hold(id: string) {
    this.held.add(id);
  }
  release(id: string) {
    this.held.delete(id);
    this.holds.get(id)?.();
  }
  async handle(id: string, signal?: AbortSignal) {
    this.arrivals.push(id);
    if (this.held.has(id)) {
      await new Promise<void>((resolve, reject) => {
        this.holds.set(id, resolve);
        signal?.addEventListener('abort', () => reject(new Error('aborted')));
      });
    }
    this.accepted.push(id);
    return { id };
  }
}
const schema = z.object({ id: z.string(), key: z.string() });
const conn = defineConnector({
  vendor: 'v',
  configSchema: z.object({ vendor: z.custom<Vendor>((v) => v instanceof Vendor) }),
  createClient: (c: { vendor: Vendor }) => c.vendor,
  verify: async () => ({
    reachable: true,
    credentialsValid: true,
    missingPermissions: [],
    problems: [],
  }),
  actions: {
    deliver: {
      input: schema,
      run: async (_e, { client, envelopeId, signal }) => client.handle(envelopeId, signal),
    },
  },
});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const within = <T>(p: Promise<T>, ms: number) =>
  Promise.race([p.then(() => 'resolved'), sleep(ms).then(() => 'still pending')]);

function setup() {
  const vendor = new Vendor();
  const store = new MemoryReplayStore();
  const connector = conn({ id: 'crm', vendor });
  const hub = createHub({ store });
  hub.register(connector);
  for (const id of ['p1', 'p2'])
    hub.pipeline({
      id,
      input: schema,
      eventId: (e) => e.id,
      key: (e) => e.key,
      to: { connector: 'crm', action: 'deliver' },
    });
  return { vendor, store, connector, hub };
}

describe('review: lanes / lifecycle', () => {
  it('HOL control: 150 behind', async () => {
    const { vendor, connector, hub } = setup();
    await hub.start();
    await connector.activate();
    vendor.hold('p1:a0');
    await hub.publish('p1', { id: 'a0', key: 'a' });
    await sleep(20);
    for (let i = 1; i <= 150; i++) await hub.publish('p1', { id: `a${i}`, key: 'a' });
    await hub.publish('p2', { id: 'b1', key: 'b' });
    await sleep(300);
    const got = vendor.accepted.includes('p2:b1');
    vendor.release('p1:a0');
    await hub.idle();
    await hub.stop();
    expect(got).toBe(true);
  });
  it('stop control: no transition', async () => {
    const { vendor, connector, hub } = setup();
    await hub.start();
    await connector.activate();
    vendor.hold('p1:a0');
    await hub.publish('p1', { id: 'a0', key: 'a' });
    await sleep(20);
    const state = await within(hub.stop(), 13_000);
    expect(state).toBe('resolved');
  }, 20_000);
  it('HOL: 250 envelopes queued behind a hung key starve another key', async () => {
    const { vendor, connector, hub } = setup();
    await hub.start();
    await connector.activate();
    vendor.hold('p1:a0');
    await hub.publish('p1', { id: 'a0', key: 'a' });
    await sleep(20);
    for (let i = 1; i <= 250; i++) await hub.publish('p1', { id: `a${i}`, key: 'a' });
    await hub.publish('p2', { id: 'b1', key: 'b' });
    await sleep(300);
    const got = vendor.accepted.includes('p2:b1');
    vendor.release('p1:a0');
    await hub.idle();
    await hub.stop();
    expect(got, 'b1 delivered while a0 hung').toBe(true);
  }, 10_000);

  it('publish() for an unrelated key blocks while an activation waits on a hung delivery', async () => {
    const { vendor, connector, hub } = setup();
    await hub.start();
    await connector.activate();
    vendor.hold('p1:a0');
    await hub.publish('p1', { id: 'a0', key: 'a' });
    await sleep(20);
    await connector.deactivate();
    await connector.activate();
    const state = await within(hub.publish('p2', { id: 'b1', key: 'b' }), 1000);
    vendor.release('p1:a0');
    await hub.idle();
    await hub.stop();
    expect(state).toBe('resolved');
  }, 10_000);

  it('hub.stop() never aborts a hung delivery while an activation waits for it', async () => {
    const { vendor, connector, hub } = setup();
    await hub.start();
    await connector.activate();
    vendor.hold('p1:a0');
    await hub.publish('p1', { id: 'a0', key: 'a' });
    await sleep(20);
    await connector.deactivate();
    await connector.activate();
    const state = await within(hub.stop(), 13_000); // grace is 10 s, then abort
    vendor.release('p1:a0');
    expect(state).toBe('resolved');
  }, 20_000);
});
