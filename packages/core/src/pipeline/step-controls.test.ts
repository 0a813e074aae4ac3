import { afterEach, describe, expect, it } from 'vitest';
import { GatedVendor, gatedConnector, gatedPipeline } from '../__fixtures__/gated-vendor.js';
import { ValidationError } from '../errors/validation-error.js';
import { MemoryReplayStore } from '../replay/memory-replay-store.js';
import { SqliteReplayStore } from '../replay/sqlite-replay-store.js';
import { createHub, type Hub } from './hub.js';

let hub: Hub | undefined;
afterEach(async () => {
  await hub?.stop({ graceMs: 50 });
  hub = undefined;
});

/** Long enough that a loaded machine still checks the held key before it falls due. */
const holdMs = 2_000;

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  return condition();
}

describe.each([
  ['memory', () => new MemoryReplayStore()],
  ['SQLite', () => new SqliteReplayStore({ path: ':memory:' })],
])('a pipeline’s notBefore (%s store)', (_, store) => {
  it('holds an event and its key until then; other keys go on; a bad moment is refused', async () => {
    const vendor = new GatedVendor('k');
    const connector = gatedConnector({ id: 'crm', apiKey: 'k', vendor });
    hub = createHub({ store: store() });
    const events$ = hub.register(connector).pipeline({
      ...gatedPipeline(),
      notBefore: (event) => (event.id === 'later' ? event.at + holdMs : undefined),
    });
    await hub.start();
    await connector.activate();
    const at = Date.now();
    await events$.publish({ id: 'later', key: 'a', at });
    await events$.publish({ id: 'after-later', key: 'a', at });
    await events$.publish({ id: 'other', key: 'b', at });
    expect(await until(() => vendor.order.includes('events:other'))).toBe(true);
    expect(vendor.order).toEqual(['events:other']); // the held key waits, in order
    expect(await until(() => vendor.order.length === 3)).toBe(true);
    expect(vendor.order).toEqual(['events:other', 'events:later', 'events:after-later']);
    expect(Date.now()).toBeGreaterThanOrEqual(at + holdMs);
    await expect(
      hub.pipeline({ ...gatedPipeline(), id: 'bad', notBefore: () => Number.NaN }).publish({
        id: 'x',
        key: 'c',
        at,
      }),
    ).rejects.toThrow(ValidationError);
  });
});

describe('StepContext.reject()', () => {
  it('reports rejected instead of delivered when the steps end the delivery; not when a step throws or goes on', async () => {
    const vendor = new GatedVendor('k');
    const connector = gatedConnector({ id: 'crm', apiKey: 'k', vendor });
    hub = createHub({
      store: new MemoryReplayStore(),
      retry: { baseDelayMs: 5, maxDelayMs: 10, maxAttempts: 2 },
    });
    const seen: string[] = [];
    hub.on('rejected', ({ eventId }) => seen.push(`rejected ${eventId}`));
    hub.on('delivered', ({ envelope }) => seen.push(`delivered ${envelope.eventId}`));
    hub.on('failed', ({ envelope, willRetry }) =>
      seen.push(`failed ${envelope.eventId}${willRetry ? '' : ' for good'}`),
    );
    const events$ = hub.register(connector).pipeline({
      ...gatedPipeline(),
      steps: [
        (value, context) => {
          const event = value as { id: string };
          context.reject(new ValidationError(`unusable ${event.id}`));
          if (event.id === 'throws') throw new Error('boom');
          return event.id === 'goes-on' ? value : undefined;
        },
      ],
    });
    await hub.start();
    await connector.activate();
    const at = Date.now();
    for (const id of ['ends', 'throws', 'goes-on']) await events$.publish({ id, key: id, at });
    await hub.idle();
    expect(await until(() => seen.length === 4)).toBe(true);
    expect(seen.sort()).toEqual([
      'delivered goes-on',
      'failed throws',
      'failed throws for good',
      'rejected ends',
    ]);
    expect([...vendor.accepted.keys()]).toEqual(['events:goes-on']);
  });

  it('ignores a reject() that comes after its step finished, and carries the envelope', async () => {
    const vendor = new GatedVendor('k');
    const connector = gatedConnector({ id: 'crm', apiKey: 'k', vendor });
    hub = createHub({ store: new MemoryReplayStore() });
    const seen: string[] = [];
    const rejectedEnvelopes: unknown[] = [];
    hub.on('rejected', ({ eventId, envelope }) => {
      seen.push(`rejected ${eventId}`);
      rejectedEnvelopes.push(envelope?.id);
    });
    hub.on('delivered', ({ envelope }) => seen.push(`delivered ${envelope.eventId}`));
    let late: (() => void) | undefined;
    const events$ = hub.register(connector).pipeline({
      ...gatedPipeline(),
      steps: [
        (value, context) => {
          const event = value as { id: string };
          // An un-awaited callback: it calls reject() while the action is under way.
          if (event.id === 'late') late = () => context.reject(new ValidationError('late'));
          else context.reject(new ValidationError('now'));
          return event.id === 'late' ? value : undefined;
        },
      ],
    });
    await hub.start();
    await connector.activate();
    const at = Date.now();
    vendor.hold('events:late');
    await events$.publish({ id: 'late', key: 'a', at });
    await vendor.arrived('events:late');
    late?.();
    vendor.release('events:late');
    await events$.publish({ id: 'now', key: 'b', at });
    await hub.idle();
    expect(await until(() => seen.length === 2)).toBe(true);
    expect(seen.sort()).toEqual(['delivered late', 'rejected now']);
    expect(rejectedEnvelopes).toEqual(['events:now']);
  });
});

describe('notBefore and the clock-skew limit', () => {
  it('is held however small maxFutureSkewMs is (up to a week), unlike occurredAt', async () => {
    const vendor = new GatedVendor('k');
    const connector = gatedConnector({ id: 'crm', apiKey: 'k', vendor });
    hub = createHub({ store: new MemoryReplayStore(), maxFutureSkewMs: 1_000 });
    const at = Date.now();
    const events$ = hub.register(connector).pipeline({
      ...gatedPipeline(),
      occurredAt: () => at,
      notBefore: (event) => event.at,
    });
    await hub.start();
    await connector.activate();
    await expect(events$.publish({ id: 'held', key: 'a', at: at + 62_000 })).resolves.toEqual({
      envelopeId: 'events:held',
      duplicate: false,
    });
    await expect(
      events$.publish({ id: 'too-far', key: 'a', at: at + 8 * 86_400_000 }),
    ).rejects.toThrow(/notBefore is \d+ ms ahead of the clock \(allowed: 604800000 ms\)/);
    expect(await hub.pending()).toEqual({ crm: 1 });
  });
});
