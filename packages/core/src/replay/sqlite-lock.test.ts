import { mkdtempSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { ConfigError } from '../errors/config-error.js';
import { holdInChild } from './__fixtures__/store-process-runner.js';
import type { NewEnvelope } from './replay-store.js';
import { SqliteReplayStore } from './sqlite-replay-store.js';

const directory = mkdtempSync(join(tmpdir(), 'crossline-lock-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));
afterEach(() => {
  vi.useRealTimers();
});

let files = 0;
const nextFile = () => {
  files += 1;
  return join(directory, `outbox-${files}.db`);
};

function envelope(index: number): NewEnvelope {
  return {
    id: `calls:e${index}`,
    pipelineId: 'calls',
    connectorId: 'crm',
    eventId: `e${index}`,
    key: 'k',
    occurredAt: 1_000 + index,
    payload: { index },
  };
}

function thrown(build: () => unknown): Error {
  try {
    build();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw');
}

/** Reads (or rewrites) the owner row of a file from outside the store. */
function owner(path: string, update?: string): Record<string, unknown> | undefined {
  const db = new DatabaseSync(path);
  try {
    if (update) db.exec(update);
    return db.prepare('SELECT * FROM crossline_owner').get() as Record<string, unknown>;
  } finally {
    db.close();
  }
}

describe('SqliteReplayStore: one process per file', () => {
  it('refuses a second store on the same file in the same process, until the first closes', async () => {
    const path = nextFile();
    const first = new SqliteReplayStore({ path });
    const error = thrown(() => new SqliteReplayStore({ path }));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toContain(`pid ${process.pid}`);
    expect(error.message).toContain(hostname());
    expect(error.message).toContain('@crossline/postgres');
    await first.append([envelope(1)]);
    await first.close();
    const second = new SqliteReplayStore({ path });
    expect((await second.scan('crm', 0, 10)).map((item) => item.id)).toEqual(['calls:e1']);
    await second.close();
  });

  it('refuses a file held by another live process, naming it', async () => {
    const path = nextFile();
    const holder = await holdInChild(path);
    try {
      const error = thrown(() => new SqliteReplayStore({ path }));
      expect(error).toBeInstanceOf(ConfigError);
      expect(error.message).toContain(`pid ${holder.pid}`);
      expect(error.message).toContain('one process per file');
      expect(error.message).toContain('@crossline/postgres');
    } finally {
      await holder.release();
    }
    // released on close(): the file opens at once
    const store = new SqliteReplayStore({ path });
    await store.close();
  }, 30_000);

  it('takes the file over at once when its holder was SIGKILLed (same host, pid gone)', async () => {
    const path = nextFile();
    const seed = new SqliteReplayStore({ path });
    await seed.append([envelope(1), envelope(2)]);
    await seed.close();
    const holder = await holdInChild(path);
    await holder.kill();
    expect(owner(path)).toMatchObject({ pid: holder.pid }); // the dead holder's row is still there
    const store = new SqliteReplayStore({ path });
    expect(owner(path)).toMatchObject({ pid: process.pid, host: hostname() });
    expect((await store.scan('crm', 0, 10)).map((item) => item.id)).toEqual([
      'calls:e1',
      'calls:e2',
    ]);
    await store.close();
  }, 30_000);

  it('takes over a holder on another host only once its heartbeat is stale', async () => {
    const path = nextFile();
    await new SqliteReplayStore({ path }).close();
    const now = Date.now();
    const claim = (heartbeatAt: number) =>
      `INSERT INTO crossline_owner (id, pid, host, pid_namespace, token, opened_at, heartbeat_at)
       VALUES (1, 1, 'other-host', 'pid:[1]', 'their-token', ${now - 600_000}, ${heartbeatAt})
       ON CONFLICT (id) DO UPDATE SET heartbeat_at = excluded.heartbeat_at, token = excluded.token`;
    owner(path, claim(now - 5_000));
    const error = thrown(() => new SqliteReplayStore({ path }));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toMatch(/pid 1 on other-host/);
    expect(error.message).toMatch(/heartbeat \d+ s ago/);
    // a shorter stale timeout makes the same heartbeat old enough
    const taken = new SqliteReplayStore({
      path,
      lock: { staleAfterMs: 4_000, heartbeatMs: 1_000 },
    });
    expect(owner(path)).toMatchObject({ pid: process.pid });
    await taken.close();
    owner(path, claim(now - 31_000)); // default: stale after 30 s
    const store = new SqliteReplayStore({ path });
    await store.close();
  });

  it('keeps its heartbeat fresh while open, and releases the file on close()', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    const path = nextFile();
    const store = new SqliteReplayStore({
      path,
      lock: { heartbeatMs: 1_000, staleAfterMs: 5_000 },
    });
    const opened = Number(owner(path)?.heartbeat_at);
    vi.advanceTimersByTime(60_000);
    expect(Number(owner(path)?.heartbeat_at)).toBeGreaterThanOrEqual(opened + 59_000);
    expect(() => new SqliteReplayStore({ path })).toThrow(/in use/);
    await store.close();
    expect(owner(path)).toBeUndefined();
  });

  it('stops writing once another process took the file over', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const path = nextFile();
    const store = new SqliteReplayStore({
      path,
      lock: { heartbeatMs: 1_000, staleAfterMs: 5_000 },
    });
    owner(path, `UPDATE crossline_owner SET token = 'theirs', pid = 1, host = 'other-host'`);
    vi.advanceTimersByTime(1_000);
    await expect(store.append([envelope(1)])).rejects.toMatchObject({
      name: 'StorageError',
      reason: 'lock-lost',
    });
    await store.close();
    expect(owner(path)).toMatchObject({ token: 'theirs' }); // its close() left the new owner alone
  });

  it('refuses lock options that cannot work', () => {
    const path = nextFile();
    expect(() => new SqliteReplayStore({ path, lock: { heartbeatMs: 0 } })).toThrow(
      /lock\.heartbeatMs/,
    );
    expect(
      () => new SqliteReplayStore({ path, lock: { heartbeatMs: 10_000, staleAfterMs: 5_000 } }),
    ).toThrow(/lock\.staleAfterMs/);
  });

  it('needs no lock for :memory:', async () => {
    const first = new SqliteReplayStore({ path: ':memory:' });
    const second = new SqliteReplayStore({ path: ':memory:' });
    await first.close();
    await second.close();
  });
});
