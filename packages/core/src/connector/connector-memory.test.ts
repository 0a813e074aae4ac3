import { describe, expect, it } from 'vitest';
import { ConnectorMemory } from './connector-memory.js';

/** A load that resolves when told to, counting its calls. */
function gatedLoad<T>(value: T) {
  let calls = 0;
  let open: () => void = () => {};
  const gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  return {
    load: async () => {
      calls += 1;
      await gate;
      return value;
    },
    open: () => open(),
    calls: () => calls,
  };
}

describe('ConnectorMemory.remember', () => {
  it('shares one load between concurrent callers of a key', async () => {
    const memory = new ConnectorMemory();
    const gated = gatedLoad(7);
    const both = Promise.all([
      memory.remember('k', 60_000, gated.load),
      memory.remember('k', 60_000, gated.load),
    ]);
    gated.open();
    expect(await both).toEqual([7, 7]);
    expect(gated.calls()).toBe(1);
    expect(await memory.remember('k', 60_000, async () => 8)).toBe(7);
  });

  it('remembers neither a failed load nor one that clear() overtook', async () => {
    const memory = new ConnectorMemory();
    await expect(
      memory.remember('k', 60_000, async () => {
        throw new Error('down');
      }),
    ).rejects.toThrow('down');
    expect(await memory.remember('k', 60_000, async () => 1)).toBe(1);
    const gated = gatedLoad(2);
    memory.clear();
    const stale = memory.remember('other', 60_000, gated.load);
    memory.clear();
    gated.open();
    expect(await stale).toBe(2);
    expect(memory.get('other')).toBeUndefined();
    expect(await memory.remember('other', 60_000, async () => 3)).toBe(3);
  });
});
