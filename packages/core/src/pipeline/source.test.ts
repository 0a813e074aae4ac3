import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startLoopbackVendor } from '../__fixtures__/loopback-vendor.js';
import { sampleCall } from '../__fixtures__/sample-call.js';
import { testCrm } from '../__fixtures__/test-connector.js';
import { defineConnector } from '../connector/define-connector.js';
import { callSchema } from '../model/call.js';
import { MemoryReplayStore } from '../replay/memory-replay-store.js';
import type { ReplayStore } from '../replay/replay-store.js';
import { createHub, type Hub } from './hub.js';

const apiKey = 'source-test-key';

/** A vendor feed in memory: the source yields the items after the cursor (an index). */
interface Feed {
  items: Array<{ id: string; event: unknown; occurredAt?: number }>;
  reads: number;
}

const inbox = defineConnector({
  vendor: 'inbox',
  configSchema: z.object({
    feed: z.custom<Feed>((value) => typeof value === 'object' && value !== null),
  }),
  createClient: (config) => config.feed,
  verify: async (_context) => ({
    reachable: true,
    credentialsValid: true,
    missingPermissions: [],
    problems: [],
  }),
  actions: {},
  sources: {
    calls: {
      read: async function* (cursor: string | undefined, context: { client: unknown }) {
        const client = context.client as Feed;
        client.reads += 1;
        for (
          let index = cursor === undefined ? 0 : Number(cursor) + 1;
          index < client.items.length;
          index += 1
        ) {
          const item = client.items[index];
          if (item)
            yield {
              id: item.id,
              occurredAt: item.occurredAt ?? Date.now(),
              event: item.event,
              cursor: String(index),
            };
        }
      },
    },
  },
});

/** The store with some methods replaced, the rest bound to it. */
function wrap(store: ReplayStore, overrides: Partial<ReplayStore>): ReplayStore {
  const methods = [
    'append',
    'scan',
    'lastSeq',
    'olderThan',
    'settle',
    'prune',
    'fail',
    'dead',
    'revive',
    'pendingCounts',
    'getCursor',
    'setCursor',
    'close',
  ] as const;
  const bound = Object.fromEntries(methods.map((name) => [name, store[name].bind(store)]));
  return { ...bound, ...overrides } as ReplayStore;
}

const call = sampleCall;

let vendor: Awaited<ReturnType<typeof startLoopbackVendor>>;
let hub: Hub | undefined;
afterEach(async () => {
  await hub?.stop();
  hub = undefined;
  await vendor?.close();
});

async function setup(store: ReplayStore, feed: Feed, pipelineId = 'inbound') {
  vendor = await startLoopbackVendor(apiKey);
  const source = inbox({ id: 'inbox', feed });
  const crm = testCrm({ id: 'crm', baseUrl: vendor.url, apiKey });
  hub = createHub({ store });
  const rejected: string[] = [];
  hub.on('rejected', ({ eventId }) => rejected.push(eventId));
  const handle = hub
    .register(source)
    .register(crm)
    .pipeline({
      id: pipelineId,
      input: callSchema,
      from: { connector: 'inbox', source: 'calls', intervalMs: 60_000 },
      to: { connector: 'crm', action: 'calls.log' },
    });
  await source.activate();
  await crm.activate();
  return { hub, rejected, handle };
}

describe('source pipelines', () => {
  it('stores items under the same injective envelope ids as publish() (a pipeline id with ":")', async () => {
    const store = new MemoryReplayStore();
    const feed: Feed = { items: [{ id: 'v0', event: call(0) }], reads: 0 };
    const { hub } = await setup(store, feed, 'in:bound');
    expect(await hub.poll('in:bound')).toBe(1);
    expect((await store.scan('crm', 0, 10)).map((envelope) => envelope.id)).toEqual([
      'in%3Abound:v0',
    ]);
  });

  it('polls through the handle hub.pipeline() returns; a pipeline without a source cannot', async () => {
    const store = new MemoryReplayStore();
    const feed: Feed = { items: [{ id: 'v0', event: call(0) }], reads: 0 };
    const { hub, handle } = await setup(store, feed);
    expect(await handle.poll()).toBe(1);
    expect(feed.reads).toBe(1);
    const host = hub.pipeline({
      id: 'host',
      input: callSchema,
      eventId: (item) => item.id,
      to: { connector: 'crm', action: 'calls.log' },
    });
    await expect(host.poll()).rejects.toThrow(/No source pipeline "host"/);
  });

  it('an item the outbox refuses (id too long, time not a number) is rejected; the others are stored and the cursor moves on', async () => {
    const store = new MemoryReplayStore();
    const feed: Feed = {
      items: [
        { id: 'v0', event: call(0) },
        { id: 'x'.repeat(600), event: call(1) },
        { id: 'v2', event: call(2), occurredAt: Number.NaN },
        { id: 'v3', event: call(3) },
      ],
      reads: 0,
    };
    const { hub, rejected } = await setup(store, feed);
    expect(await hub.poll('inbound')).toBe(2);
    expect(rejected).toEqual(['x'.repeat(600), 'v2']);
    expect(await store.getCursor('inbound')).toBe('3');
    expect((await store.scan('crm', 0, 10)).map((envelope) => envelope.eventId)).toEqual([
      'v0',
      'v3',
    ]);
    expect(await hub.poll('inbound')).toBe(0);
  });

  it('reads from the saved cursor, stores, delivers, and moves the cursor', async () => {
    const store = new MemoryReplayStore();
    const feed: Feed = {
      items: [0, 1, 2].map((index) => ({ id: `v${index}`, event: call(index) })),
      reads: 0,
    };
    const { hub } = await setup(store, feed);
    expect(await hub.poll('inbound')).toBe(3);
    expect(await store.getCursor('inbound')).toBe('2');
    feed.items.push({ id: 'v3', event: call(3) });
    expect(await hub.poll('inbound')).toBe(1);
    await hub.start();
    await hub.idle();
    expect([...vendor.stored.keys()].sort()).toEqual([
      'inbound:v0',
      'inbound:v1',
      'inbound:v2',
      'inbound:v3',
    ]);
  });

  it('does not move the cursor when storing failed: the next poll reads the same items again', async () => {
    const store = new MemoryReplayStore();
    let failures = 1;
    const flaky = wrap(store, {
      append: (envelopes) => {
        if (failures > 0) {
          failures -= 1;
          return Promise.reject(new Error('disk full'));
        }
        return store.append(envelopes);
      },
    });
    const feed: Feed = {
      items: [0, 1].map((index) => ({ id: `v${index}`, event: call(index) })),
      reads: 0,
    };
    const { hub } = await setup(flaky, feed);
    await expect(hub.poll('inbound')).rejects.toThrow('disk full');
    expect(await store.getCursor('inbound')).toBeUndefined();
    expect(await hub.poll('inbound')).toBe(2);
    await hub.start();
    await hub.idle();
    expect(vendor.stored.size).toBe(2);
  });

  it('re-reading after a crash between storing and saving the cursor duplicates nothing', async () => {
    const store = new MemoryReplayStore();
    let failures = 1;
    const crashy = wrap(store, {
      setCursor: (pipelineId, cursor) => {
        if (failures > 0 && pipelineId === 'inbound') {
          failures -= 1;
          return Promise.reject(new Error('killed'));
        }
        return store.setCursor(pipelineId, cursor);
      },
    });
    const feed: Feed = {
      items: [0, 1, 2].map((index) => ({ id: `v${index}`, event: call(index) })),
      reads: 0,
    };
    const { hub } = await setup(crashy, feed);
    await expect(hub.poll('inbound')).rejects.toThrow('killed');
    expect(await hub.poll('inbound')).toBe(0); // everything re-read was stored already
    expect(await store.getCursor('inbound')).toBe('2');
    await hub.start();
    await hub.idle();
    expect(vendor.stored.size).toBe(3);
    expect(vendor.requests()).toBe(3);
  });

  it('skips an item the pipeline schema rejects, with a rejected event', async () => {
    const feed: Feed = {
      items: [
        { id: 'bad', event: { nope: true } },
        { id: 'v1', event: call(1) },
      ],
      reads: 0,
    };
    const { hub, rejected } = await setup(new MemoryReplayStore(), feed);
    expect(await hub.poll('inbound')).toBe(1);
    expect(rejected).toEqual(['bad']);
  });

  it('refuses publish() on a source pipeline and a source the connector lacks', async () => {
    const feed: Feed = { items: [], reads: 0 };
    const { hub } = await setup(new MemoryReplayStore(), feed);
    await expect(hub.publish('inbound', call(1))).rejects.toThrow(/fed by a source/);
    expect(() =>
      hub.pipeline({
        id: 'x',
        input: callSchema,
        from: { connector: 'inbox', source: 'nope' },
        to: { connector: 'crm', action: 'calls.log' },
      }),
    ).toThrow(/has no source nope/);
  });
});
