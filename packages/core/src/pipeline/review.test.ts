// Regressions from an adversarial review of the lifecycle and the delivery lanes.
import { afterEach, describe, expect, it } from 'vitest';
import { GatedVendor, gatedConnector, gatedPipeline } from '../__fixtures__/gated-vendor.js';
import { ConfigError } from '../errors/config-error.js';
import { MemoryReplayStore } from '../replay/memory-replay-store.js';
import type { ReplayStore } from '../replay/replay-store.js';
import { createHub, type Hub } from './hub.js';
import { statusKey } from './lifecycle.js';
import type { HubOptions } from './types.js';

let hubs: Hub[] = [];
afterEach(async () => {
  await Promise.all(hubs.map((hub) => hub.stop({ graceMs: 50 })));
  hubs = [];
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const within = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([promise.then(() => 'resolved'), sleep(ms).then(() => 'still pending')]);

function setup(store: ReplayStore = new MemoryReplayStore(), options: Partial<HubOptions> = {}) {
  const vendor = new GatedVendor('key-1');
  const connector = gatedConnector({ id: 'crm', apiKey: 'key-1', vendor });
  const hub = createHub({ store, retry: { baseDelayMs: 5, maxDelayMs: 20 }, ...options });
  hubs.push(hub);
  const events = { delivered: [] as string[], dropped: [] as string[], replayed: [] as string[] };
  hub.on('delivered', ({ envelope }) => events.delivered.push(envelope.eventId));
  hub.on('dropped', ({ envelope }) => events.dropped.push(envelope.eventId));
  hub.on('replayed', ({ envelope }) => events.replayed.push(envelope.eventId));
  const events$ = hub.register(connector).pipeline(gatedPipeline());
  return { vendor, connector, hub, events, store, events$ };
}

const event = (id: string, key = id) => ({ id, key, at: Date.now() });

describe('lifecycle, after review', () => {
  it('an activation without replay cut short by a crash is finished on restart, not undone', async () => {
    const store = new MemoryReplayStore();
    await store.setCursor(statusKey('crm'), 'dropping'); // the crash left it mid-way
    const { hub, connector, vendor, events, events$ } = setup(store);
    for (const id of ['e1', 'e2', 'e3']) await events$.publish(event(id));
    await hub.start();
    await connector.activate(); // the restarted host's plain activation
    await hub.idle();
    expect(events.dropped.sort()).toEqual(['e1', 'e2', 'e3']);
    expect(vendor.accepted.size).toBe(0);
    expect(await store.getCursor(statusKey('crm'))).toBe('active');
  });

  it('publish() resolves while an activation waits for a hung delivery', async () => {
    const { hub, connector, vendor, events$ } = setup();
    await hub.start();
    await connector.activate();
    vendor.hold('events:a0');
    await events$.publish(event('a0', 'a'));
    await vendor.arrived('events:a0');
    await connector.deactivate();
    await connector.activate();
    expect(await within(events$.publish(event('b1', 'b')), 10_000)).toBe('resolved');
    vendor.release('events:a0');
    await hub.idle();
    expect(vendor.accepted.get('events:b1')).toBe(1);
  });

  it('stop() aborts a hung delivery that a queued activation waits for', async () => {
    const { hub, connector, vendor, events$ } = setup();
    await hub.start();
    await connector.activate();
    vendor.hold('events:a0');
    await events$.publish(event('a0', 'a'));
    await vendor.arrived('events:a0');
    await connector.deactivate();
    await connector.activate();
    expect(await within(hub.stop({ graceMs: 100 }), 10_000)).toBe('resolved');
    expect(await hub.pending()).toEqual({ crm: 1 }); // aborted: still pending, never lost
  });

  it('an event published from a status listener is not dropped by activate({ replay: false })', async () => {
    const { hub, connector, events, events$ } = setup();
    await hub.start();
    await events$.publish(event('old'));
    let published: Promise<unknown> | undefined;
    hub.on('status', ({ status }) => {
      if (status === 'active') published = events$.publish(event('fresh'));
    });
    await connector.activate({ replay: false });
    await published;
    await hub.idle();
    expect(events.dropped).toEqual(['old']);
    expect(events.delivered).toEqual(['fresh']);
  });

  it('a dead letter retried right after an activation with replay is not reported as replayed', async () => {
    const { hub, connector, vendor, events, events$ } = setup(new MemoryReplayStore(), {
      retry: { baseDelayMs: 1, maxDelayMs: 5, maxAttempts: 1 },
    });
    await hub.start();
    await connector.activate();
    vendor.answers.set('events:e1', 'server-error');
    await events$.publish(event('e1'));
    await hub.idle();
    vendor.answers.set('events:e2', 'unauthorized');
    await events$.publish(event('e2'));
    await hub.idle();
    expect(connector.status).toBe('broken');
    await connector.activate({ replay: true });
    await hub.retryDead(['events:e1']);
    await hub.idle();
    expect(events.delivered.sort()).toEqual(['e1', 'e2']);
    expect(events.replayed).toEqual(['e2']);
  });

  it('a pipeline registered after start() delivers what waited for it', async () => {
    const store = new MemoryReplayStore();
    const first = setup(store);
    await first.events$.publish(event('waiting'));
    await first.hub.stop();
    const vendor = new GatedVendor('key-1');
    const connector = gatedConnector({ id: 'crm', apiKey: 'key-1', vendor });
    const hub = createHub({ store });
    hubs.push(hub);
    hub.register(connector);
    await hub.start();
    await connector.activate();
    await hub.idle();
    hub.pipeline(gatedPipeline());
    await sleep(50);
    await hub.idle();
    expect(vendor.accepted.get('events:waiting')).toBe(1);
  });
});

describe('delivery lanes, after review', () => {
  it('a hung key with a long backlog does not starve another key', async () => {
    const { hub, connector, vendor, events$ } = setup();
    await hub.start();
    await connector.activate();
    vendor.hold('events:a0');
    await events$.publish(event('a0', 'a'));
    await vendor.arrived('events:a0');
    for (let index = 1; index <= 450; index += 1) await events$.publish(event(`a${index}`, 'a'));
    await events$.publish(event('b1', 'b'));
    await vendor.arrived('events:b1');
    await sleep(20);
    expect(vendor.accepted.get('events:b1')).toBe(1);
    vendor.release('events:a0');
    await hub.idle();
    const order = vendor.order.filter((id) => id.startsWith('events:a'));
    expect(order).toEqual(Array.from({ length: 451 }, (_, index) => `events:a${index}`));
  });

  it('a key that failed once is retried while another key hangs', async () => {
    const { hub, connector, vendor, events$ } = setup();
    await hub.start();
    await connector.activate();
    vendor.hold('events:a1');
    await events$.publish(event('a1', 'a'));
    await vendor.arrived('events:a1');
    vendor.answers.set('events:b1', 'server-error');
    await events$.publish(event('b1', 'b'));
    await events$.publish(event('b2', 'b'));
    for (let waited = 0; vendor.order.length < 2 && waited < 5_000; waited += 20) await sleep(20);
    expect(vendor.order).toEqual(['events:b1', 'events:b2']);
    vendor.release('events:a1');
    await hub.idle();
  });
});

describe('options, after review', () => {
  const vendor = new GatedVendor('k');
  it.each([
    [{ replayOnReactivate: 'no' }, 'replayOnReactivate'],
    [{ logger: 1 }, 'logger'],
    [{ id: 5 }, 'id'],
  ])('a connector refuses %j naming %s', (bad, field) => {
    const make = () => gatedConnector({ apiKey: 'k', vendor, ...(bad as object) } as never);
    expect(make).toThrow(ConfigError);
    expect(make).toThrow(field);
  });

  it('configure() and activate() refuse settings of the wrong type', async () => {
    const connector = gatedConnector({ apiKey: 'k', vendor });
    expect(() => connector.configure({ replayOnReactivate: 'x' } as never)).toThrow(ConfigError);
    await expect(connector.activate({ replay: 'false' } as never)).rejects.toThrow(ConfigError);
    expect(connector.status).toBe('inactive');
  });

  it('register() and pipeline() refuse what is not a connector or a pipeline', () => {
    const hub = createHub({ store: new MemoryReplayStore() });
    hubs.push(hub);
    expect(() => hub.register(null as never)).toThrow(ConfigError);
    expect(() => hub.pipeline(null as never)).toThrow(ConfigError);
    expect(() => hub.pipeline({} as never)).toThrow(ConfigError);
    expect(() => hub.pipeline({ ...gatedPipeline(), to: null } as never)).toThrow(/to/);
    expect(() => hub.pipeline({ ...gatedPipeline(), eventId: 'x' } as never)).toThrow(/eventId/);
    expect(() =>
      createHub({ store: new MemoryReplayStore(), clock: { now: () => 'x' } } as never),
    ).toThrow(/clock/);
  });
});
