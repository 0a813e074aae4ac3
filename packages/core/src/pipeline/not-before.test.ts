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

async function until(condition: () => boolean, timeoutMs = 5_000): Promise<boolean> {
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
      notBefore: (event) => (event.id === 'later' ? event.at + 400 : undefined),
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
    expect(Date.now()).toBeGreaterThanOrEqual(at + 400);
    await expect(
      hub.pipeline({ ...gatedPipeline(), id: 'bad', notBefore: () => Number.NaN }).publish({
        id: 'x',
        key: 'c',
        at,
      }),
    ).rejects.toThrow(ValidationError);
  });
});
