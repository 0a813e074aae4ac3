import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../errors/config-error.js';
import { MemoryReplayStore } from './memory-replay-store.js';
import type { NewEnvelope, ReplayStore } from './replay-store.js';
import { SqliteReplayStore } from './sqlite-replay-store.js';
import { schemaVersion } from './sqlite-schema.js';

const directory = mkdtempSync(join(tmpdir(), 'crossline-store-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

let files = 0;
const nextFile = () => {
  files += 1;
  return join(directory, `store-${files}.db`);
};
const stores: Array<[string, () => ReplayStore]> = [
  ['MemoryReplayStore', () => new MemoryReplayStore()],
  ['SqliteReplayStore', () => new SqliteReplayStore({ path: nextFile() })],
];

function envelope(index: number, overrides: Partial<NewEnvelope> = {}): NewEnvelope {
  return {
    id: `calls:e${index}`,
    pipelineId: 'calls',
    connectorId: 'crm',
    eventId: `e${index}`,
    key: `k${index % 3}`,
    occurredAt: 1_000 + index,
    payload: { index, nested: { phones: ['380671234567'] } },
    ...overrides,
  };
}

describe.each(stores)('%s (the ReplayStore contract)', (_name, create) => {
  it('stores envelopes once, in order, and ignores a second append of the same id', async () => {
    const store = create();
    expect(await store.append([envelope(1), envelope(2)])).toEqual(['calls:e1', 'calls:e2']);
    expect(await store.append([envelope(2), envelope(3)])).toEqual(['calls:e3']);
    const all = await store.scan('crm', 0, 10);
    expect(all.map((item) => item.id)).toEqual(['calls:e1', 'calls:e2', 'calls:e3']);
    expect(all[0]).toMatchObject({
      attempts: 0,
      nextAttemptAt: 0,
      state: 'pending',
      payload: envelope(1).payload,
    });
    expect(all[0]?.seq).toBeLessThan(all[1]?.seq as number);
    await store.close();
  });

  it('starts an envelope due at its nextAttemptAt (0 without one)', async () => {
    const store = await create();
    await store.append([envelope(1, { nextAttemptAt: 5_000 }), envelope(2)]);
    const scanned = await store.scan('crm', 0, 10);
    expect(scanned.map((item) => item.nextAttemptAt)).toEqual([5_000, 0]);
    await expect(store.append([envelope(3, { nextAttemptAt: Number.NaN })])).rejects.toThrow(
      /nextAttemptAt must be an integer epoch ms/,
    );
    await store.close();
  });

  it('pages by seq and keeps connectors apart', async () => {
    const store = create();
    await store.append(Array.from({ length: 5 }, (_, index) => envelope(index)));
    await store.append([envelope(9, { id: 'other:e9', connectorId: 'helpdesk' })]);
    const first = await store.scan('crm', 0, 2);
    const rest = await store.scan('crm', first.at(-1)?.seq ?? 0, 10);
    expect([...first, ...rest].map((item) => item.eventId)).toEqual(['e0', 'e1', 'e2', 'e3', 'e4']);
    expect(await store.pendingCounts()).toEqual({ crm: 5, helpdesk: 1 });
    await store.close();
  });

  it('knows the last pending seq of a connector, whatever was settled or died', async () => {
    const store = create();
    expect(await store.lastSeq('crm')).toBe(0);
    await store.append(Array.from({ length: 4 }, (_, index) => envelope(index)));
    await store.append([envelope(9, { id: 'other:e9', connectorId: 'helpdesk' })]);
    const all = await store.scan('crm', 0, 10);
    const seqOf = (index: number) => all[index]?.seq as number;
    expect(await store.lastSeq('crm')).toBe(seqOf(3));
    await store.settle(['calls:e3'], 'delivered', 5_000);
    await store.fail('calls:e2', { attempts: 1, lastError: 'gone', dead: true });
    expect(await store.lastSeq('crm')).toBe(seqOf(1));
    expect(await store.lastSeq('nobody')).toBe(0);
    await store.close();
  });

  it('finds envelopes older than a moment; settled ones leave the queue but stay duplicates', async () => {
    const store = create();
    await store.append([envelope(1), envelope(2), envelope(3)]);
    expect((await store.olderThan('crm', 1_003, 10)).map((item) => item.eventId)).toEqual([
      'e1',
      'e2',
    ]);
    expect(await store.settle(['calls:e1', 'calls:unknown'], 'delivered', 10_000)).toEqual([
      'calls:e1',
    ]);
    expect(await store.settle(['calls:e3', 'calls:e1'], 'dropped', 20_000)).toEqual(['calls:e3']);
    expect((await store.scan('crm', 0, 10)).map((item) => item.eventId)).toEqual(['e2']);
    expect(await store.pendingCounts()).toEqual({ crm: 1 });
    // publishing a delivered or dropped event again stores nothing new
    expect(await store.append([envelope(1), envelope(3)])).toEqual([]);
    // until its tombstone is pruned
    expect(await store.prune(15_000)).toBe(1);
    expect(await store.append([envelope(1), envelope(3)])).toEqual(['calls:e1']);
    await store.close();
  });

  it('records failed attempts; a dead envelope leaves the queue until revived', async () => {
    const store = create();
    await store.append([envelope(1), envelope(2)]);
    await store.fail('calls:e1', { attempts: 1, lastError: 'HTTP 503', nextAttemptAt: 5_000 });
    expect((await store.scan('crm', 0, 10))[0]).toMatchObject({
      attempts: 1,
      lastError: 'HTTP 503',
      nextAttemptAt: 5_000,
    });
    await store.fail('calls:e2', { attempts: 1, lastError: 'HTTP 400', dead: true });
    expect((await store.scan('crm', 0, 10)).map((item) => item.id)).toEqual(['calls:e1']);
    expect((await store.dead('crm', 10)).map((item) => item.id)).toEqual(['calls:e2']);
    expect(await store.pendingCounts()).toEqual({ crm: 1 });
    await store.revive(['calls:e2']);
    expect((await store.scan('crm', 0, 10)).map((item) => [item.id, item.state])).toEqual([
      ['calls:e1', 'pending'],
      ['calls:e2', 'pending'],
    ]);
    await store.close();
  });

  it('saves and reads back source cursors per pipeline', async () => {
    const store = create();
    expect(await store.getCursor('orders')).toBeUndefined();
    await store.setCursor('orders', 'page-1');
    await store.setCursor('orders', 'page-2');
    await store.setCursor('messages', '2026-11-23T10:00:00Z');
    expect(await store.getCursor('orders')).toBe('page-2');
    expect(await store.getCursor('messages')).toBe('2026-11-23T10:00:00Z');
    await store.close();
  });

  it('stores every one of many concurrent appends', async () => {
    const store = create();
    const ids = await Promise.all(
      Array.from({ length: 500 }, (_, index) => store.append([envelope(index)])),
    );
    expect(ids.flat()).toHaveLength(500);
    expect((await store.pendingCounts()).crm).toBe(500);
    await store.close();
  });
});

describe('SqliteReplayStore', () => {
  it('keeps envelopes across a reopen of the file', async () => {
    const path = join(directory, 'reopen.db');
    const first = new SqliteReplayStore({ path });
    await first.append([envelope(1), envelope(2)]);
    await first.close();
    const second = new SqliteReplayStore({ path });
    expect((await second.scan('crm', 0, 10)).map((item) => item.id)).toEqual([
      'calls:e1',
      'calls:e2',
    ]);
    await second.close();
  });

  it('creates its schema in WAL mode and records the schema version', async () => {
    const path = join(directory, 'schema.db');
    await new SqliteReplayStore({ path }).close();
    const db = new DatabaseSync(path);
    expect(db.prepare('PRAGMA user_version').get()).toEqual({ user_version: schemaVersion });
    expect(db.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
    db.close();
  });

  it('migrates a file of an older schema version, keeping its envelopes', async () => {
    const path = join(directory, 'old.db');
    const current = new SqliteReplayStore({ path });
    await current.append([envelope(1)]);
    await current.close();
    const db = new DatabaseSync(path); // turn it back into a version 1 file
    db.exec('DROP TABLE cursors; PRAGMA user_version = 1');
    db.close();
    const migrated = new SqliteReplayStore({ path });
    await migrated.setCursor('orders', 'c-1');
    expect(await migrated.getCursor('orders')).toBe('c-1');
    expect((await migrated.scan('crm', 0, 10)).map((item) => item.id)).toEqual(['calls:e1']);
    await migrated.close();
  });

  it('refuses a file written by a newer release', () => {
    const path = join(directory, 'newer.db');
    const db = new DatabaseSync(path);
    db.exec('PRAGMA user_version = 99');
    db.close();
    expect(() => new SqliteReplayStore({ path })).toThrow(/newer than this release/);
    expect(() => new SqliteReplayStore({ path })).toThrow(ConfigError);
  });

  it('rejects a missing path with a config error', () => {
    expect(() => new SqliteReplayStore({ path: '' })).toThrow(ConfigError);
    expect(() => new SqliteReplayStore({ path: join(directory, 'no-such-dir', 'x.db') })).toThrow(
      ConfigError,
    );
  });
});
