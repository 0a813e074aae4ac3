import type { DatabaseSync, SQLOutputValue, StatementSync } from 'node:sqlite';
import type { Envelope } from './replay-store.js';

const columns =
  'seq, id, pipeline_id, connector_id, event_id, key, occurred_at, payload, attempts, next_attempt_at, last_error, state';

/** The statements of the outbox, prepared once per connection. */
export function prepareStatements(db: DatabaseSync, synchronous: 'FULL' | 'NORMAL') {
  const prepare = (sql: string): StatementSync => db.prepare(sql);
  return {
    // ON CONFLICT (id) ignores a duplicate id only; any other failure is reported.
    insert: prepare(
      `INSERT INTO envelopes (id, pipeline_id, connector_id, event_id, key, occurred_at, payload, next_attempt_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING RETURNING id`,
    ),
    scan: prepare(
      `SELECT ${columns} FROM envelopes WHERE connector_id = ? AND state = 'pending' AND seq > ? ORDER BY seq LIMIT ?`,
    ),
    lastSeq: prepare(
      `SELECT COALESCE(MAX(seq), 0) AS last FROM envelopes WHERE connector_id = ? AND state = 'pending'`,
    ),
    olderThan: prepare(
      `SELECT ${columns} FROM envelopes WHERE connector_id = ? AND state = 'pending' AND occurred_at < ? ORDER BY seq LIMIT ?`,
    ),
    dead: prepare(
      `SELECT ${columns} FROM envelopes WHERE connector_id = ? AND state = 'dead' ORDER BY seq LIMIT ?`,
    ),
    settle: prepare(
      `UPDATE envelopes SET state = ?, settled_at = ?, payload = 'null' WHERE id = ? AND state IN ('pending', 'dead')`,
    ),
    prune: prepare('DELETE FROM envelopes WHERE settled_at IS NOT NULL AND settled_at < ?'),
    fail: prepare(
      `UPDATE envelopes SET attempts = ?, last_error = ?, next_attempt_at = COALESCE(?, next_attempt_at), state = ?
       WHERE id = ? AND state = 'pending'`,
    ),
    revive: prepare(
      `UPDATE envelopes SET state = 'pending', next_attempt_at = 0, attempts = 0 WHERE id = ? AND state = 'dead'`,
    ),
    getCursor: prepare('SELECT cursor FROM cursors WHERE pipeline_id = ?'),
    setCursor: prepare(
      `INSERT INTO cursors (pipeline_id, cursor, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (pipeline_id) DO UPDATE SET cursor = excluded.cursor, updated_at = excluded.updated_at`,
    ),
    counts: prepare(
      `SELECT connector_id, COUNT(*) AS pending FROM envelopes WHERE state = 'pending' GROUP BY connector_id`,
    ),
    // Transaction control, prepared once (`exec` would parse the SQL on every commit).
    begin: prepare('BEGIN IMMEDIATE'),
    commit: prepare('COMMIT'),
    rollback: prepare('ROLLBACK'),
    relax: prepare('PRAGMA synchronous = NORMAL'),
    restore: prepare(`PRAGMA synchronous = ${synchronous}`),
    savepoint: prepare('SAVEPOINT append'),
    release: prepare('RELEASE append'),
    rollbackTo: prepare('ROLLBACK TO append'),
  };
}

/** The prepared statements of one connection. */
export type Statements = ReturnType<typeof prepareStatements>;

/** Reads an envelope row. */
export function toEnvelope(row: Record<string, SQLOutputValue>): Envelope {
  return {
    seq: Number(row.seq),
    id: String(row.id),
    pipelineId: String(row.pipeline_id),
    connectorId: String(row.connector_id),
    eventId: String(row.event_id),
    key: String(row.key),
    occurredAt: Number(row.occurred_at),
    payload: JSON.parse(String(row.payload)),
    attempts: Number(row.attempts),
    nextAttemptAt: Number(row.next_attempt_at),
    lastError: row.last_error === null ? undefined : String(row.last_error),
    state: row.state as Envelope['state'],
  };
}
