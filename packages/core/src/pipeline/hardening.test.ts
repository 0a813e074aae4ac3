// Issue 9: the Hub and the connector SDK under faults and bad options.
import { afterEach, describe, expect, it } from 'vitest';
import { GatedVendor, gatedConnector, gatedPipeline } from '../__fixtures__/gated-vendor.js';
import { ConfigError } from '../errors/config-error.js';
import { MemoryReplayStore } from '../replay/memory-replay-store.js';
import type { ReplayStore } from '../replay/replay-store.js';
import { createHub, type Hub } from './hub.js';
import { statusKey } from './lifecycle.js';
import type { HubOptions } from './types.js';

const day = 86_400_000;
let hub: Hub | undefined;
afterEach(async () => {
  await hub?.stop();
  hub = undefined;
});

function setup(options: Partial<HubOptions> = {}, store: ReplayStore = new MemoryReplayStore()) {
  const vendor = new GatedVendor('key-1');
  const connector = gatedConnector({ id: 'crm', apiKey: 'key-1', vendor });
  const created = createHub({ store, retry: { baseDelayMs: 1, maxDelayMs: 5 }, ...options });
  hub = created;
  created.register(connector).pipeline(gatedPipeline());
  return { hub: created, vendor, connector, store };
}

const event = (id: string, at = Date.now(), key = id) => ({ id, key, at });

describe('delivery under a hung request', () => {
  it('a request that hangs holds its own key only: a call published after it is delivered meanwhile', async () => {
    const { hub, vendor, connector } = setup();
    await hub.start();
    await connector.activate();
    vendor.hold('events:hung');
    await hub.publish('events', event('hung', Date.now(), 'caller-a'));
    await vendor.arrived('events:hung');
    await hub.publish('events', event('next', Date.now(), 'caller-b'));
    await hub.publish('events', event('after-hung', Date.now(), 'caller-a'));
    await vendor.arrived('events:next');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(vendor.order).toEqual(['events:next']); // caller-a's second call waits its turn
    vendor.release('events:hung');
    await hub.idle();
    expect(vendor.order).toEqual(['events:next', 'events:hung', 'events:after-hung']);
  });
});

describe('Retry-After beyond what the HTTP client waits', () => {
  it('gives the envelope back to the outbox with a deferred event, due within the longest backoff', async () => {
    const { hub, vendor, connector } = setup({ retry: { baseDelayMs: 1, maxDelayMs: 60_000 } });
    const deferred: Array<{ requestedMs: number; nextAttemptAt: number }> = [];
    hub.on('deferred', ({ requestedMs, nextAttemptAt }) =>
      deferred.push({ requestedMs, nextAttemptAt }),
    );
    await hub.start();
    await connector.activate();
    vendor.answers.set('events:e1', { retryAfterMs: 99_999_999_000 });
    const before = Date.now();
    await hub.publish('events', event('e1'));
    await hub.idle();
    expect(deferred).toHaveLength(1);
    expect(deferred[0]?.requestedMs).toBe(99_999_999_000);
    expect(deferred[0]?.nextAttemptAt).toBeLessThanOrEqual(Date.now() + 60_000);
    expect(deferred[0]?.nextAttemptAt).toBeGreaterThanOrEqual(before + 60_000);
    expect(await hub.pending()).toEqual({ crm: 1 });
  });
});

describe('a restarted host', () => {
  async function restartWith(lastStatus: string | undefined, options: Partial<HubOptions> = {}) {
    const store = new MemoryReplayStore();
    if (lastStatus) await store.setCursor(statusKey('crm'), lastStatus);
    const { hub, vendor, connector } = setup(options, store);
    const dropped: string[] = [];
    const replayed: string[] = [];
    hub.on('dropped', ({ envelope }) => dropped.push(envelope.eventId));
    hub.on('replayed', ({ envelope }) => replayed.push(envelope.eventId));
    await hub.publish('events', event('old', Date.now() - 5 * day));
    await hub.publish('events', event('new'));
    await hub.start();
    await connector.activate();
    await hub.idle();
    return { delivered: [...vendor.order], dropped, replayed };
  }

  it("delivers a healthy connector's whole backlog, whatever its age, and calls none of it replayed", async () => {
    expect(await restartWith('active')).toEqual({
      delivered: ['events:old', 'events:new'],
      dropped: [],
      replayed: [],
    });
  });

  it('applies the window when the connector was broken when the host stopped', async () => {
    expect(await restartWith('broken')).toEqual({
      delivered: ['events:new'],
      dropped: ['old'],
      replayed: ['new'],
    });
  });

  it('applies the window to a healthy connector too with windowOnRestart', async () => {
    const outcome = await restartWith('active', { windowOnRestart: true });
    expect(outcome.dropped).toEqual(['old']);
  });
});

describe('options', () => {
  const store = new MemoryReplayStore();
  it.each([
    [{ retry: { baseDelayMs: Number.NaN } }, 'retry.baseDelayMs'],
    [{ retry: { baseDelayMs: -1000 } }, 'retry.baseDelayMs'],
    [{ retry: { maxDelayMs: 'abc' } }, 'retry.maxDelayMs'],
    [{ retry: { maxAttempts: 0 } }, 'retry.maxAttempts'],
    [{ retry: { baseDelayMs: 10_000, maxDelayMs: 100 } }, 'retry'],
    [{ concurrency: 0 }, 'concurrency'],
    [{ logger: 'loud' }, 'logger'],
    [{ clock: {} }, 'clock'],
    [{ timeZone: 'Mars/Olympus' }, 'timeZone'],
    [{ retentonDays: 3 }, 'retentonDays'],
  ])('createHub refuses %j naming %s', (bad, field) => {
    expect(() => createHub({ store, ...(bad as object) } as HubOptions)).toThrow(ConfigError);
    expect(() => createHub({ store, ...(bad as object) } as HubOptions)).toThrow(field);
  });

  it('createHub(null) and createHub() are ConfigErrors, not TypeErrors', () => {
    expect(() => createHub(null as unknown as HubOptions)).toThrow(ConfigError);
    expect(() => createHub(undefined as unknown as HubOptions)).toThrow(ConfigError);
  });

  it('a connector refuses null options and unknown keys at construction and in configure()', () => {
    const vendor = new GatedVendor('key-1');
    expect(() => gatedConnector(null as never)).toThrow(ConfigError);
    expect(() => gatedConnector({ apiKey: 'k', vendor, apiKy: 'x' } as never)).toThrow(/apiKy/);
    const connector = gatedConnector({ apiKey: 'k', vendor });
    expect(() => connector.configure({ apiKy: 'k2' } as never)).toThrow(/unknown option `apiKy`/);
    expect(connector.config.apiKey).toBe('k');
  });
});

describe('errors and logs', () => {
  it('an activation error names its connector, and the status stays as it was', async () => {
    const vendor = new GatedVendor('key-1');
    const connector = gatedConnector({ id: 'crm-8', apiKey: 'key-1', vendor });
    vendor.refuseActivation = true;
    const error = await connector.activate().catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'VENDOR_ERROR', connectorId: 'crm-8' });
    expect(connector.status).toBe('inactive');
    vendor.refuseActivation = false;
    await connector.activate(); // a failed activation does not jam the ones after it
    expect(connector.status).toBe('active');
  });

  it('keeps a failure message no longer than maxErrorLength', async () => {
    const { hub, connector, store } = setup({
      maxErrorLength: 100,
      retry: { baseDelayMs: 1, maxDelayMs: 5, maxAttempts: 1 },
    });
    await hub.start();
    await connector.activate();
    const failing = store.fail.bind(store);
    const messages: string[] = [];
    store.fail = (id, update) => {
      messages.push(update.lastError);
      return failing(id, update);
    };
    const original = connector.perform.bind(connector);
    connector.perform = () => Promise.reject(new Error('x'.repeat(10_000)));
    await hub.publish('events', event('long'));
    await hub.idle();
    connector.perform = original;
    expect(messages[0]?.length).toBeLessThan(140);
    expect(messages[0]).toContain('10000 characters');
  });

  it('warns once at start when neither the Hub nor the connector has a time zone', async () => {
    const lines: string[] = [];
    const logger = {
      debug() {},
      info() {},
      error() {},
      warn: (_: object, message?: string) => void lines.push(String(message)),
    };
    const { hub } = setup({ logger });
    await hub.start();
    await hub.stop();
    await hub.start();
    expect(lines.filter((line) => line.includes('time zone'))).toHaveLength(1);
    const zoned = setup({
      logger: { ...logger, warn: () => lines.push('zoned') },
      timeZone: 'Europe/Kyiv',
    });
    await zoned.hub.start();
    expect(lines).not.toContain('zoned');
  });
});
