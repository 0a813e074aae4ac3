import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfigError } from '../errors/config-error.js';

afterEach(() => {
  vi.restoreAllMocks();
  vi.resetModules();
});

describe('node:sqlite is loaded when a SQLite store is built', () => {
  it('on a Node.js without node:sqlite, building the store is a ConfigError naming the version needed', async () => {
    vi.spyOn(process, 'getBuiltinModule').mockReturnValue(undefined as never);
    const { SqliteReplayStore } = await import('./sqlite-replay-store.js');
    expect(() => new SqliteReplayStore({ path: ':memory:' })).toThrow(ConfigError);
    expect(() => new SqliteReplayStore({ path: ':memory:' })).toThrow(/Node\.js >= 22\.13/);
  });

  it('importing the library does not load node:sqlite', async () => {
    const load = vi.spyOn(process, 'getBuiltinModule');
    await import('../index.js');
    expect(load.mock.calls.some(([name]) => String(name).includes('sqlite'))).toBe(false);
  });
});
