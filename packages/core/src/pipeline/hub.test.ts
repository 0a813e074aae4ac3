import { afterEach, describe, expect, it } from 'vitest';
import { startLoopbackVendor } from '../__fixtures__/loopback-vendor.js';
import { testCrm } from '../__fixtures__/test-connector.js';
import { ConfigError } from '../errors/config-error.js';
import { ValidationError } from '../errors/validation-error.js';
import { callSchema } from '../model/call.js';
import { MemoryReplayStore } from '../replay/memory-replay-store.js';
import { createHub, type Hub } from './hub.js';
import type { HubEvents } from './types.js';

const oldKey = 'key-0001-old';
const newKey = 'key-0002-new';
const day = 86_400_000;
const now = Date.parse('2026-11-23T12:00:00Z');

type Vendor = Awaited<ReturnType<typeof startLoopbackVendor>>;
let vendor: Vendor;
let hub: Hub | undefined;

afterEach(async () => {
  await hub?.stop();
  hub = undefined;
  await vendor?.close();
});

function call(
  index: number,
  occurredAt = now,
  from = `38067${String(1_000_000 + (index % 5)).slice(-7)}`,
) {
  return {
    id: `call-${index}`,
    direction: 'incoming',
    result: index % 3 === 0 ? 'missed' : 'answered',
    from,
    to: '380441112233',
    startedAt: new Date(occurredAt).toISOString(),
  };
}

/** A hub with the test connector and a `calls` pipeline, and every event it emits recorded. */
async function setup(
  options: {
    clock?: () => number;
    retry?: { baseDelayMs: number };
    replayOnReactivate?: boolean;
  } = {},
) {
  vendor = await startLoopbackVendor(oldKey);
  const connector = testCrm({
    id: 'crm',
    baseUrl: vendor.url,
    apiKey: oldKey,
    ...(options.replayOnReactivate === undefined
      ? {}
      : { replayOnReactivate: options.replayOnReactivate }),
  });
  hub = createHub({
    store: new MemoryReplayStore(),
    clock: { now: options.clock ?? (() => now) },
    retry: { baseDelayMs: options.retry?.baseDelayMs ?? 5, maxDelayMs: 50 },
  });
  const events: Array<[keyof HubEvents, unknown]> = [];
  for (const name of [
    'delivered',
    'failed',
    'buffered',
    'replayed',
    'dropped',
    'status',
  ] as const) {
    hub.on(name, (event: unknown) => events.push([name, event]));
  }
  hub.register(connector).pipeline({
    id: 'calls',
    input: callSchema,
    eventId: (item) => item.id,
    key: (item) => item.from,
    occurredAt: (item) => Date.parse(item.startedAt),
    to: { connector: 'crm', action: 'calls.log' },
  });
  await hub.start();
  const count = (name: keyof HubEvents) => events.filter(([event]) => event === name).length;
  return { hub, connector, events, count };
}

describe('Hub', () => {
  it('delivers published events once, in order per key, and empties the outbox', async () => {
    const { hub, connector, count } = await setup();
    await connector.activate();
    for (let index = 0; index < 40; index += 1) await hub.publish('calls', call(index));
    await hub.idle();
    expect(vendor.stored.size).toBe(40);
    expect(vendor.resent()).toBe(0);
    expect(count('delivered')).toBe(40);
    expect(await hub.pending()).toEqual({});
    // within one caller (key), calls arrive in publish order
    const byCaller = new Map<string, string[]>();
    for (const id of vendor.order) {
      const from = String(vendor.stored.get(id)?.from);
      byCaller.set(from, [...(byCaller.get(from) ?? []), id]);
    }
    for (const ids of byCaller.values()) {
      const numbers = ids.map((id) => Number(id.split('-')[1]));
      expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    }
  });

  it('stores one envelope for an event published twice', async () => {
    const { hub, connector } = await setup();
    await connector.activate();
    expect(await hub.publish('calls', call(1))).toEqual({
      envelopeId: 'calls:call-1',
      duplicate: false,
    });
    expect(await hub.publish('calls', call(1))).toEqual({
      envelopeId: 'calls:call-1',
      duplicate: true,
    });
    await hub.idle();
    expect(vendor.requests()).toBe(1);
  });

  it('rejects an invalid event at publish with every path, and stores nothing', async () => {
    const { hub } = await setup();
    const error = await hub
      .publish('calls', { ...call(1), from: 'nope', direction: 'sideways' })
      .catch((caught: unknown) => caught);
    expect(ValidationError.isInstance(error)).toBe(true);
    expect((error as ValidationError).issues.map((issue) => issue.path).sort()).toEqual([
      'direction',
      'from',
    ]);
    expect(await hub.pending()).toEqual({});
  });

  it('refuses pipelines to unknown connectors or actions', async () => {
    const { hub } = await setup();
    const pipeline = { id: 'x', input: callSchema, eventId: () => 'x' };
    expect(() =>
      hub.pipeline({ ...pipeline, to: { connector: 'nope', action: 'calls.log' } }),
    ).toThrow(ConfigError);
    expect(() => hub.pipeline({ ...pipeline, to: { connector: 'crm', action: 'nope' } })).toThrow(
      /no action nope/,
    );
  });

  it('breaks on rejected credentials, buffers, and replays the window once, in order, after re-activation', async () => {
    const { hub, connector, events, count } = await setup();
    await connector.activate();
    for (let index = 0; index < 5; index += 1) await hub.publish('calls', call(index));
    await hub.idle();
    vendor.rotateKey(newKey); // the user changed the password: the old key stops working
    await hub.publish('calls', call(5));
    await hub.idle();
    expect(connector.status).toBe('broken');
    expect(
      events.some(
        ([name, event]) => name === 'status' && (event as { status: string }).status === 'broken',
      ),
    ).toBe(true);
    // buffered while broken: today, yesterday, the day before (kept) and 3 and 5 days back (dropped)
    const ages = [0, 1, 2, 3, 5];
    for (const [offset, age] of ages.entries())
      await hub.publish('calls', call(10 + offset, now - age * day));
    expect(count('buffered')).toBe(5);
    expect(vendor.stored.size).toBe(5);

    connector.configure({ apiKey: newKey });
    await connector.activate({ replay: true });
    await hub.idle();
    // call 5 (failed with 401) and the three inside the window are delivered once; two dropped
    expect([...vendor.stored.keys()].sort()).toEqual([
      'calls:call-0',
      'calls:call-1',
      'calls:call-10',
      'calls:call-11',
      'calls:call-12',
      'calls:call-2',
      'calls:call-3',
      'calls:call-4',
      'calls:call-5',
    ]);
    const dropped = events
      .filter(([name]) => name === 'dropped')
      .map(([, event]) => event as { envelope: { eventId: string }; reason: string });
    expect(dropped.map((event) => [event.envelope.eventId, event.reason]).sort()).toEqual([
      ['call-13', 'outside-retention'],
      ['call-14', 'outside-retention'],
    ]);
    expect(count('replayed')).toBe(4);
    expect(await hub.pending()).toEqual({});
  });

  it('drops everything buffered, each with an event, when re-activated without replay', async () => {
    const { hub, connector, events } = await setup();
    await connector.activate();
    vendor.rotateKey(newKey);
    await hub.publish('calls', call(1));
    await hub.idle();
    await hub.publish('calls', call(2));
    connector.configure({ apiKey: newKey });
    await connector.activate({ replay: false });
    await hub.idle();
    expect(vendor.stored.size).toBe(0);
    const reasons = events
      .filter(([name]) => name === 'dropped')
      .map(([, event]) => (event as { reason: string }).reason);
    expect(reasons).toEqual(['replay-disabled', 'replay-disabled']);
  });

  it('replayOnReactivate: false makes a plain re-activation drop what was buffered', async () => {
    const { hub, connector, events } = await setup({ replayOnReactivate: false });
    await hub.publish('calls', call(1)); // buffered before the first activation
    await connector.activate(); // a restart is not a re-activation: it is delivered
    await hub.idle();
    expect([...vendor.stored.keys()]).toEqual(['calls:call-1']);
    await connector.deactivate();
    await hub.publish('calls', call(2));
    await connector.activate(); // a re-activation: the setting decides
    await hub.idle();
    expect(vendor.stored.size).toBe(1);
    expect(events.filter(([name]) => name === 'dropped')).toHaveLength(1);
    await connector.deactivate();
    await hub.publish('calls', call(3));
    connector.configure({ replayOnReactivate: true }); // changed later, it counts
    await connector.activate();
    await hub.idle();
    expect([...vendor.stored.keys()]).toEqual(['calls:call-1', 'calls:call-3']);
    await connector.deactivate();
    await hub.publish('calls', call(4));
    await connector.activate({ replay: false }); // an explicit choice wins
    await hub.idle();
    expect(vendor.stored.size).toBe(2);
  });

  it('a key that loses a right breaks the connector instead of killing the envelope', async () => {
    const { hub, connector } = await setup();
    await connector.activate();
    vendor.setFaults({ forbidden: true });
    await hub.publish('calls', call(1));
    await hub.idle();
    expect(connector.status).toBe('broken');
    expect(await hub.deadLetters('crm')).toEqual([]);
    vendor.setFaults({ forbidden: false });
    await connector.activate();
    await hub.idle();
    expect([...vendor.stored.keys()]).toEqual(['calls:call-1']);
  });

  it('delivers everything once through 5xx answers, random delays and dropped connections', {
    timeout: 30_000,
  }, async () => {
    const { hub, connector } = await setup({ clock: () => Date.now(), retry: { baseDelayMs: 5 } });
    vendor.setFaults({ serverErrors: 0.2, dropped: 0.05, latencyMs: [0, 15] });
    await connector.activate();
    const total = 150;
    await Promise.all(
      Array.from({ length: total }, (_, index) => hub.publish('calls', call(index, Date.now()))),
    );
    for (let round = 0; round < 100 && Object.keys(await hub.pending()).length > 0; round += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      await hub.idle();
    }
    expect(vendor.stored.size).toBe(total);
    expect(await hub.pending()).toEqual({});
    expect(vendor.requests()).toBeGreaterThan(total);
  });

  it('verify() reports instead of throwing', async () => {
    const { connector } = await setup();
    expect(await connector.verify()).toEqual({
      ok: true,
      reachable: true,
      credentialsValid: true,
      missingPermissions: [],
      problems: [],
    });
    vendor.rotateKey(newKey);
    expect(await connector.verify()).toMatchObject({
      ok: false,
      reachable: true,
      credentialsValid: false,
    });
  });
});
