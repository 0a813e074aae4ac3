import { chmodSync, closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { openInChild } from './__fixtures__/store-process-runner.js';
import type { NewEnvelope } from './replay-store.js';
import { SqliteReplayStore, sqliteConnectionOf } from './sqlite-replay-store.js';

const directory = mkdtempSync(join(tmpdir(), 'crossline-faults-'));
chmodSync(directory, 0o755);
afterAll(() => rmSync(directory, { recursive: true, force: true }));

function envelope(index: number, overrides: Partial<NewEnvelope> = {}): NewEnvelope {
  return {
    id: `calls:e${index}`,
    pipelineId: 'calls',
    connectorId: 'crm',
    eventId: `e${index}`,
    key: `k${index % 3}`,
    occurredAt: 1_000 + index,
    payload: { index, text: 'x'.repeat(300) },
    ...overrides,
  };
}

async function rejection(promise: Promise<unknown>): Promise<Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    return error as Record<string, unknown>;
  }
  throw new Error('expected a rejection');
}

function thrown(build: () => unknown): Record<string, unknown> {
  try {
    build();
  } catch (error) {
    return error as Record<string, unknown>;
  }
  throw new Error('expected a throw');
}

/** A store file with `count` envelopes, closed (its WAL checkpointed into the file). */
async function fileWith(name: string, count: number): Promise<string> {
  const path = join(directory, name);
  const store = new SqliteReplayStore({ path });
  await store.append(Array.from({ length: count }, (_, index) => envelope(index)));
  await store.close();
  return path;
}

function overwrite(path: string, position: number, length: number): void {
  const fd = openSync(path, 'r+');
  writeSync(fd, Buffer.alloc(length, 0xab), 0, length, position);
  closeSync(fd);
}

describe('SqliteReplayStore on a file it cannot write', () => {
  it('refuses a read-only file (mode 0444) at construction with a ConfigError', async () => {
    const folder = join(directory, 'read-only-file');
    mkdirSync(folder);
    const path = await fileWith('read-only-file/outbox.db', 1);
    chmodSync(folder, 0o777);
    chmodSync(path, 0o444);
    const outcome = await openInChild(path);
    expect(outcome).toMatchObject({ opened: false, error: { name: 'ConfigError' } });
    expect(outcome.error?.message).toMatch(/not writable/);
    expect(outcome.error?.message).toContain(path);
    expect(outcome.error?.message).not.toMatch(/ERR_SQLITE|SQLITE_/);
  }, 30_000);

  it('refuses a file in a read-only directory (no room for the WAL) with a ConfigError', async () => {
    const folder = join(directory, 'read-only-directory');
    mkdirSync(folder);
    const path = await fileWith('read-only-directory/outbox.db', 1);
    chmodSync(path, 0o666);
    chmodSync(folder, 0o555);
    try {
      const outcome = await openInChild(path);
      expect(outcome).toMatchObject({ opened: false, error: { name: 'ConfigError' } });
      expect(outcome.error?.message).toMatch(/not writable/);
      expect(outcome.error?.message).toMatch(/its directory is not writable/);
    } finally {
      chmodSync(folder, 0o755);
    }
  }, 30_000);
});

describe('SqliteReplayStore when the disk is full', () => {
  it('reports SQLITE_FULL as a StorageError (disk-full), not "cannot rollback"', async () => {
    const path = await fileWith('full.db', 10);
    const store = new SqliteReplayStore({ path });
    const db = sqliteConnectionOf(store);
    const pages = Number(db.prepare('PRAGMA page_count').get()?.page_count);
    db.exec(`PRAGMA max_page_count = ${pages}`);
    const batch = Array.from({ length: 200 }, (_, index) => envelope(100 + index));
    const errors = await Promise.all([
      rejection(store.append(batch.slice(0, 100))),
      rejection(store.append(batch.slice(100))),
    ]);
    for (const error of errors) {
      expect(error).toMatchObject({
        name: 'StorageError',
        code: 'STORAGE_FAILED',
        reason: 'disk-full',
        retryable: true,
      });
      expect(String(error.message)).toMatch(/disk is full/);
      expect(String(error.message)).not.toMatch(/cannot rollback/);
      expect(error.cause).toMatchObject({ errcode: 13 });
    }
    // the store stays usable once there is room again, and lost none of what it had
    db.exec(`PRAGMA max_page_count = ${pages * 100}`);
    expect(await store.append([envelope(500)])).toEqual(['calls:e500']);
    expect((await store.pendingCounts()).crm).toBe(11);
    await store.close();
  });

  it('reports a full disk on fail() the same way', async () => {
    const path = await fileWith('full-fail.db', 30);
    const store = new SqliteReplayStore({ path });
    const db = sqliteConnectionOf(store);
    db.exec(`PRAGMA max_page_count = ${Number(db.prepare('PRAGMA page_count').get()?.page_count)}`);
    const update = { attempts: 1, lastError: 'E'.repeat(1_990), nextAttemptAt: 1 };
    const outcomes = [];
    for (let index = 0; index < 30; index += 1)
      outcomes.push(await store.fail(`calls:e${index}`, update).catch((error: unknown) => error));
    expect(outcomes.find((outcome) => outcome !== undefined)).toMatchObject({
      name: 'StorageError',
      reason: 'disk-full',
    });
    await store.close();
  });
});

describe('SqliteReplayStore on a corrupted file', () => {
  it('reports a corrupted page as a StorageError (corrupt) on append and on scan', async () => {
    const path = await fileWith('corrupt-page.db', 200);
    const probe = new DatabaseSync(path);
    const root = probe
      .prepare(`SELECT rootpage FROM sqlite_master WHERE name = 'envelopes_by_connector'`)
      .get();
    const pageSize = Number(probe.prepare('PRAGMA page_size').get()?.page_size);
    probe.close();
    overwrite(path, (Number(root?.rootpage) - 1) * pageSize, 64);
    const store = new SqliteReplayStore({ path });
    const appended = await rejection(store.append([envelope(1_000, { key: 'k1' })]));
    expect(appended).toMatchObject({ name: 'StorageError', reason: 'corrupt', retryable: false });
    expect(String(appended.message)).toMatch(/corrupted/);
    expect(String(appended.message)).not.toMatch(/cannot rollback/);
    const scanned = await rejection(store.scan('crm', 0, 10));
    expect(scanned).toMatchObject({ name: 'StorageError', reason: 'corrupt' });
    await store.close();
  });

  it('refuses a file whose header is overwritten with a StorageError (corrupt) at construction', async () => {
    const path = await fileWith('corrupt-header.db', 5);
    overwrite(path, 0, 100);
    const error = thrown(() => new SqliteReplayStore({ path }));
    expect(error).toMatchObject({ name: 'StorageError', reason: 'corrupt' });
    expect(String(error.message)).toContain(path);
  });
});

describe('SqliteReplayStore inserts', () => {
  it('reports a constraint failure other than a duplicate id, never takes it for a duplicate', async () => {
    const path = await fileWith('constraint.db', 0);
    const db = new DatabaseSync(path);
    db.exec('CREATE UNIQUE INDEX test_one_per_key ON envelopes (key)'); // a foreign constraint
    db.close();
    const store = new SqliteReplayStore({ path });
    expect(await store.append([envelope(1, { key: 'same' })])).toEqual(['calls:e1']);
    const error = await rejection(store.append([envelope(2, { key: 'same' })]));
    expect(error).toMatchObject({ name: 'StorageError', code: 'STORAGE_FAILED' });
    expect(String(error.message)).toMatch(/UNIQUE constraint failed: envelopes.key/);
    // a real duplicate is still ignored quietly
    expect(await store.append([envelope(1, { key: 'same' })])).toEqual([]);
    await store.close();
  });
});
