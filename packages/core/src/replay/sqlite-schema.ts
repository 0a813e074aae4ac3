import type { DatabaseSync } from 'node:sqlite';
import { ConfigError } from '../errors/config-error.js';
import { rollbackQuietly } from './sqlite-errors.js';

/**
 * The outbox schema, one migration per version; `PRAGMA user_version` records how far a file
 * has come. Migrations run in one transaction, so a file is never left half-migrated. Never
 * edit a shipped migration: add the next one.
 */
export const migrations: readonly string[] = [
  `CREATE TABLE envelopes (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     id TEXT NOT NULL UNIQUE,
     pipeline_id TEXT NOT NULL,
     connector_id TEXT NOT NULL,
     event_id TEXT NOT NULL,
     key TEXT NOT NULL,
     occurred_at INTEGER NOT NULL,
     payload TEXT NOT NULL,
     attempts INTEGER NOT NULL DEFAULT 0,
     next_attempt_at INTEGER NOT NULL DEFAULT 0,
     last_error TEXT,
     state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'dead', 'delivered', 'dropped')),
     settled_at INTEGER
   );
   CREATE INDEX envelopes_by_settlement ON envelopes (settled_at) WHERE settled_at IS NOT NULL;
   CREATE INDEX envelopes_by_connector ON envelopes (connector_id, state, seq);
   CREATE INDEX envelopes_by_occurrence ON envelopes (connector_id, state, occurred_at);`,
  `CREATE TABLE cursors (
     pipeline_id TEXT PRIMARY KEY,
     cursor TEXT NOT NULL,
     updated_at INTEGER NOT NULL
   );`,
  // v3: envelope ids are injective (see envelopeId): the pipeline id's `%` and `:` are
  // percent-escaped. Only rows of pipeline ids holding either change; a detour through a
  // temporary id keeps the UNIQUE index from seeing two rows mid-rewrite.
  `UPDATE envelopes SET id = char(1) || seq
     WHERE instr(pipeline_id, ':') > 0 OR instr(pipeline_id, '%') > 0;
   UPDATE envelopes
     SET id = replace(replace(pipeline_id, '%', '%25'), ':', '%3A') || ':' || event_id
     WHERE id = char(1) || seq;`,
];

/** The schema version this release writes. */
export const schemaVersion = migrations.length;

function readVersion(db: DatabaseSync): number {
  return Number(db.prepare('PRAGMA user_version').get()?.user_version ?? 0);
}

/**
 * Refuses a file from a newer release before anything is written to it.
 * @throws {@link ConfigError} naming both versions
 */
export function checkVersion(db: DatabaseSync, path: string): void {
  const current = readVersion(db);
  if (current > schemaVersion) {
    throw new ConfigError(
      `SqliteReplayStore cannot use ${path}: crossline outbox schema v${current} is newer than this release (v${schemaVersion})`,
    );
  }
}

/**
 * Brings a database file up to {@link schemaVersion}, one migration per transaction; the
 * version is read inside each transaction, so a migration never runs twice.
 */
export function migrate(db: DatabaseSync, path: string): void {
  for (;;) {
    db.exec('BEGIN IMMEDIATE');
    try {
      const version = readVersion(db);
      if (version >= schemaVersion) {
        db.exec('COMMIT');
        checkVersion(db, path);
        return;
      }
      db.exec(migrations[version] as string);
      db.exec(`PRAGMA user_version = ${version + 1}`);
      db.exec('COMMIT');
    } catch (error) {
      rollbackQuietly(() => db.exec('ROLLBACK'));
      throw error;
    }
  }
}
