import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { envelopeId } from './envelope-id.js';
import { MemoryReplayStore } from './memory-replay-store.js';
import type { NewEnvelope, ReplayStore } from './replay-store.js';
import { SqliteReplayStore } from './sqlite-replay-store.js';
import { migrations, schemaVersion } from './sqlite-schema.js';

const directory = mkdtempSync(join(tmpdir(), 'crossline-ids-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('envelopeId', () => {
  it('keeps the ids of pipeline ids without ":" or "%" as they were', () => {
    expect(envelopeId('calls', 'call-42')).toBe('calls:call-42');
    expect(envelopeId('orders', 'eu:42')).toBe('orders:eu:42');
    expect(envelopeId('calls', '50%')).toBe('calls:50%');
  });

  it('keeps pipeline "orders" + event "eu:42" apart from pipeline "orders:eu" + event "42"', () => {
    expect(envelopeId('orders:eu', '42')).toBe('orders%3Aeu:42');
    expect(envelopeId('orders:eu', '42')).not.toBe(envelopeId('orders', 'eu:42'));
    expect(envelopeId('50%', 'x')).toBe('50%25:x');
    expect(envelopeId('a%3A', 'b')).not.toBe(envelopeId('a:', 'b'));
  });

  it('is injective over every pair of short strings of ":", "%", "3", "A", "a"', () => {
    const alphabet = [':', '%', '3', 'A', 'a'];
    const strings = [''];
    for (let length = 1; length <= 4; length += 1)
      for (const prefix of strings.filter((item) => item.length === length - 1))
        for (const letter of alphabet) strings.push(prefix + letter);
    const seen = new Map<string, string>();
    for (const pipelineId of strings.filter((item) => item.length > 0 && item.length <= 3))
      for (const eventId of strings) {
        const id = envelopeId(pipelineId, eventId);
        const pair = JSON.stringify([pipelineId, eventId]);
        expect(seen.get(id) ?? pair).toBe(pair);
        seen.set(id, pair);
      }
    expect(seen.size).toBeGreaterThan(100_000);
  });
});

const stores: Array<[string, () => ReplayStore]> = [
  ['MemoryReplayStore', () => new MemoryReplayStore()],
  ['SqliteReplayStore', () => new SqliteReplayStore({ path: join(directory, 'apart.db') })],
];

function envelope(pipelineId: string, eventId: string): NewEnvelope {
  return {
    id: envelopeId(pipelineId, eventId),
    pipelineId,
    connectorId: 'crm',
    eventId,
    key: pipelineId,
    occurredAt: 1_000,
    payload: { pipelineId, eventId },
  };
}

describe.each(stores)('%s with envelopeId', (_name, create) => {
  it('stores both events whose old ids collided through ":" (issue 13 item 5)', async () => {
    const store = create();
    const added = await store.append([envelope('orders', 'eu:42'), envelope('orders:eu', '42')]);
    expect(added).toEqual(['orders:eu:42', 'orders%3Aeu:42']);
    expect(await store.pendingCounts()).toEqual({ crm: 2 });
    await store.close();
  });
});

describe('SqliteReplayStore migration of envelope ids', () => {
  it('rewrites the ids of a v2 file whose pipeline ids hold ":" or "%", and only those', async () => {
    const path = join(directory, 'v2.db');
    const db = new DatabaseSync(path);
    db.exec('PRAGMA journal_mode = WAL');
    for (const migration of migrations.slice(0, 2)) db.exec(migration);
    db.exec('PRAGMA user_version = 2');
    const insert = db.prepare(
      `INSERT INTO envelopes (id, pipeline_id, connector_id, event_id, key, occurred_at, payload, state, settled_at)
       VALUES (?, ?, 'crm', ?, 'k', 1000, '{}', ?, ?)`,
    );
    insert.run('orders:eu:42', 'orders', 'eu:42', 'pending', null);
    insert.run('orders:eu:43', 'orders:eu', '43', 'pending', null);
    insert.run('50%:x', '50%', 'x', 'delivered', 5_000);
    insert.run('a%3A:b', 'a%3A', 'b', 'pending', null);
    insert.run('calls:c-1', 'calls', 'c-1', 'dead', null);
    db.close();

    const store = new SqliteReplayStore({ path });
    const check = new DatabaseSync(path);
    expect(check.prepare('PRAGMA user_version').get()).toEqual({ user_version: schemaVersion });
    expect(schemaVersion).toBe(3);
    const rows = check
      .prepare('SELECT id, pipeline_id, event_id FROM envelopes ORDER BY seq')
      .all();
    check.close();
    expect(rows.map((row) => row.id)).toEqual([
      'orders:eu:42',
      'orders%3Aeu:43',
      '50%25:x',
      'a%253A:b',
      'calls:c-1',
    ]);
    for (const row of rows)
      expect(row.id).toBe(envelopeId(String(row.pipeline_id), String(row.event_id)));
    // the event that used to collide can now be published; the migrated ones stay duplicates
    const added = await store.append([
      envelope('orders:eu', '42'),
      envelope('orders:eu', '43'),
      envelope('50%', 'x'),
    ]);
    expect(added).toEqual(['orders%3Aeu:42']);
    await store.close();
  });
});
