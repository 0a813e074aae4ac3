// Issue 13: every lifecycle race delivers an envelope once or drops it once, never both.
import { afterEach, describe, expect, it } from 'vitest';
import { GatedVendor, gatedConnector, gatedPipeline } from '../__fixtures__/gated-vendor.js';
import { MemoryReplayStore } from '../replay/memory-replay-store.js';
import type { ReplayStore } from '../replay/replay-store.js';
import { SqliteReplayStore } from '../replay/sqlite-replay-store.js';
import { createHub, type Hub } from './hub.js';
import type { HubOptions } from './types.js';

const day = 86_400_000;
const now = Date.UTC(2026, 10, 30, 12);
let hub: Hub | undefined;
afterEach(async () => {
  await hub?.stop();
  hub = undefined;
});

const stores: Array<[string, () => ReplayStore]> = [
  ['memory', () => new MemoryReplayStore()],
  ['sqlite', () => new SqliteReplayStore({ path: ':memory:' })],
];

function setup(store: ReplayStore, options: Partial<HubOptions> = {}) {
  const vendor = new GatedVendor('key-1');
  const connector = gatedConnector({ id: 'crm', apiKey: 'key-1', vendor });
  const started = Date.now();
  const clock = { now: () => now + (Date.now() - started) }; // moves, for backoffs to fall due
  const created = createHub({
    store,
    clock,
    timeZone: 'Europe/Kyiv',
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
    ...options,
  });
  hub = created;
  created.register(connector).pipeline(gatedPipeline());
  const events = { delivered: [] as string[], dropped: [] as string[], replayed: [] as string[] };
  created.on('delivered', ({ envelope }) => events.delivered.push(envelope.eventId));
  created.on('dropped', ({ envelope }) => events.dropped.push(envelope.eventId));
  created.on('replayed', ({ envelope }) => events.replayed.push(envelope.eventId));
  return { hub: created, vendor, connector, events, clock };
}

const event = (id: string, at = now, key = id) => ({ id, key, at });

describe.each(stores)('lifecycle races (%s store)', (_name, makeStore) => {
  it('an envelope in flight across deactivate() and activate({ replay: false }) is delivered, not also dropped', async () => {
    const { hub, vendor, connector, events } = setup(makeStore());
    await hub.start();
    await connector.activate();
    vendor.hold('events:e1');
    await hub.publish('events', event('e1'));
    await vendor.arrived('events:e1');
    await connector.deactivate();
    const activation = connector.activate({ replay: false });
    vendor.release('events:e1');
    await activation;
    await hub.idle();
    expect(events.delivered).toEqual(['e1']);
    expect(events.dropped).toEqual([]);
    expect(vendor.accepted.get('events:e1')).toBe(1);
  });

  it('an old envelope in flight across a replay activation is delivered, not also dropped as outside the window', async () => {
    const { hub, vendor, connector, events } = setup(makeStore());
    await hub.start();
    await connector.activate();
    vendor.hold('events:old');
    await hub.publish('events', event('old', now - 10 * day));
    await vendor.arrived('events:old');
    await connector.deactivate();
    const activation = connector.activate({ replay: true });
    vendor.release('events:old');
    await activation;
    await hub.idle();
    expect(events.delivered).toEqual(['old']);
    expect(events.dropped).toEqual([]);
  });

  it('overlapping unawaited activate / deactivate / activate drop each old envelope once', async () => {
    const { hub, vendor, connector, events } = setup(makeStore());
    await hub.start();
    for (let index = 0; index < 300; index += 1)
      await hub.publish('events', event(`old-${index}`, now - 10 * day));
    await connector.activate({ replay: false });
    await connector.deactivate();
    for (let index = 0; index < 300; index += 1)
      await hub.publish('events', event(`b-${index}`, now - 10 * day));
    void connector.activate();
    void connector.deactivate();
    await connector.activate();
    await hub.idle();
    expect(events.dropped.length).toBe(600);
    expect(new Set(events.dropped).size).toBe(600);
    expect(vendor.accepted.size).toBe(0);
  });

  it('overlapping activate(replay) / deactivate / activate(no replay) never send and drop the same envelope', async () => {
    const { hub, vendor, connector, events } = setup(makeStore());
    await hub.start();
    await connector.activate();
    await connector.deactivate();
    for (let index = 0; index < 400; index += 1)
      await hub.publish('events', event(`in-${index}`, now - day, `k${index % 7}`));
    void connector.activate({ replay: true });
    void connector.deactivate();
    await connector.activate({ replay: false });
    await hub.idle();
    const both = events.delivered.filter((id) => events.dropped.includes(id));
    expect(both).toEqual([]);
    expect(events.delivered.length + events.dropped.length).toBe(400);
    expect(vendor.accepted.size).toBe(events.delivered.length);
  });

  it('a late 401 for the key just replaced does not break the connector; the envelope goes with the new key', async () => {
    const { hub, vendor, connector, events } = setup(makeStore());
    await hub.start();
    await connector.activate();
    vendor.hold('events:e1');
    await hub.publish('events', event('e1'));
    await vendor.arrived('events:e1');
    vendor.key = 'key-2';
    connector.configure({ apiKey: 'key-2' });
    vendor.release('events:e1');
    await hub.idle();
    await new Promise((resolve) => setTimeout(resolve, 30));
    await hub.idle();
    expect(connector.status).toBe('active');
    await hub.publish('events', event('e2'));
    await hub.idle();
    expect(events.delivered.sort()).toEqual(['e1', 'e2']);
    expect(vendor.requests.at(-1)?.key).toBe('key-2');
  });

  it('a late 401 for the old key after re-activation with the new one leaves it active', async () => {
    const { hub, vendor, connector, events } = setup(makeStore());
    await hub.start();
    await connector.activate();
    vendor.hold('events:e1');
    await hub.publish('events', event('e1', now, 'a'));
    await vendor.arrived('events:e1');
    vendor.answers.set('events:e2', 'unauthorized');
    await hub.publish('events', event('e2', now, 'b'));
    await vendor.arrived('events:e2'); // e1 still hangs: idle() would wait for it
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(connector.status).toBe('broken');
    vendor.key = 'key-2';
    connector.configure({ apiKey: 'key-2' });
    await connector.activate({ replay: true });
    vendor.release('events:e1'); // answers 401: it was sent with key-1
    await hub.idle();
    await new Promise((resolve) => setTimeout(resolve, 30));
    await hub.idle();
    expect(connector.status).toBe('active');
    expect(events.delivered.sort()).toEqual(['e1', 'e2']);
    expect(await hub.pending()).toEqual({});
  });

  it('refuses an occurredAt that is not a time, and one far in the future, storing nothing', async () => {
    const { hub } = setup(makeStore());
    await expect(hub.publish('events', event('nan', Number.NaN))).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await expect(hub.publish('events', event('future', now + 2 * day))).rejects.toThrow(
      /ahead of the clock/,
    );
    await expect(hub.publish('events', event('nan', now))).resolves.toMatchObject({
      duplicate: false,
    });
  });

  it('a dead letter retried after a replay is reported as delivered, not replayed', async () => {
    const { hub, vendor, connector, events } = setup(makeStore(), {
      retry: { baseDelayMs: 1, maxDelayMs: 5, maxAttempts: 1 },
    });
    await hub.start();
    await connector.activate();
    vendor.answers.set('events:dead', 'server-error');
    await hub.publish('events', event('dead'));
    await hub.idle();
    expect((await hub.deadLetters('crm')).map((envelope) => envelope.eventId)).toEqual(['dead']);
    await connector.deactivate();
    await hub.publish('events', event('buffered'));
    await connector.activate({ replay: true });
    await hub.idle();
    await hub.retryDead(['events:dead']);
    await hub.idle();
    expect(events.replayed).toEqual(['buffered']);
    expect(events.delivered.sort()).toEqual(['buffered', 'dead']);
  });
});
