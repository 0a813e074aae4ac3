import type { DatabaseSync } from 'node:sqlite';

/**
 * The outbox schema, one migration per version; `PRAGMA user_version` records how far a file
 * has come. Migrations run in one transaction, so a file is never left half-migrated. Never
 * edit a shipped migration: add the next one.
 */
const migrations: readonly string[] = [
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
];

/** The schema version this release writes. */
export const schemaVersion = migrations.length;

/** Brings a database file up to {@link schemaVersion}; refuses a file from a newer release. */
export function migrate(db: DatabaseSync): void {
  const current = Number(db.prepare('PRAGMA user_version').get()?.user_version ?? 0);
  if (current > schemaVersion) {
    throw new Error(
      `crossline outbox schema v${current} is newer than this release (v${schemaVersion})`,
    );
  }
  for (let version = current; version < schemaVersion; version += 1) {
    db.exec('BEGIN IMMEDIATE');
    try {
      db.exec(migrations[version] as string);
      db.exec(`PRAGMA user_version = ${version + 1}`);
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  }
}
