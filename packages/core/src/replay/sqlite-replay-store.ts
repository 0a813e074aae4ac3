import { DatabaseSync, type SQLOutputValue, type StatementSync } from 'node:sqlite';
import { ConfigError } from '../errors/config-error.js';
import type { Envelope, FailureUpdate, NewEnvelope, ReplayStore } from './replay-store.js';
import { migrate } from './sqlite-schema.js';

/** Options of {@link SqliteReplayStore}. */
export interface SqliteReplayStoreOptions {
  /** The database file; created with its directory's permissions. `:memory:` for tests. */
  path: string;
  /**
   * `full`: an append survives a power loss (it is synced to disk before `publish()`
   * resolves). `normal`: it survives a crash of the process, but the last appends may be lost
   * on a power loss; appends are faster. Either way, marking an envelope delivered is not
   * waited for: lost on a power cut, it only means a redelivery the vendor dedupes.
   * @defaultValue 'full'
   */
  synchronous?: 'full' | 'normal' | undefined;
}

type Row = Record<string, SQLOutputValue>;

interface PendingSettle {
  readonly ids: readonly string[];
  readonly outcome: 'delivered' | 'dropped';
  readonly at: number;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

interface PendingAppend {
  readonly envelopes: readonly NewEnvelope[];
  readonly resolve: (ids: string[]) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * The embedded {@link ReplayStore}: one SQLite file through `node:sqlite` (no native build),
 * in WAL mode. The library creates and migrates its schema. Appends (and settles) made in the
 * same tick are committed in one transaction (group commit), so many concurrent `publish()`
 * calls cost one disk sync; each still resolves only after its envelopes are committed.
 *
 * One Hub process per file: the worker that delivers reads the file without claiming rows.
 *
 * @example
 * ```ts
 * const store = new SqliteReplayStore({ path: '/var/lib/my-host/crossline.db' });
 * const hub = createHub({ store });
 * ```
 */
export class SqliteReplayStore implements ReplayStore {
  readonly #db: DatabaseSync;
  readonly #statements: Record<string, StatementSync>;
  /** Transaction control, prepared once (`exec` would parse the SQL on every commit). */
  readonly #control: Record<'relax' | 'restore' | 'begin' | 'commit' | 'rollback', StatementSync>;
  readonly #synchronous: 'FULL' | 'NORMAL';
  #queue: PendingAppend[] = [];
  #settles: PendingSettle[] = [];
  #closed = false;

  /** @throws {@link ConfigError} when `path` is empty or the file cannot be opened */
  constructor(options: SqliteReplayStoreOptions) {
    if (!options?.path) {
      throw new ConfigError('SqliteReplayStore needs a `path`', {
        issues: [{ path: 'path', message: 'required' }],
      });
    }
    this.#synchronous = options.synchronous === 'normal' ? 'NORMAL' : 'FULL';
    try {
      this.#db = new DatabaseSync(options.path);
    } catch (error) {
      throw new ConfigError(`SqliteReplayStore cannot open its file: ${(error as Error).message}`, {
        cause: error,
      });
    }
    try {
      this.#db.exec('PRAGMA journal_mode = WAL');
      this.#db.exec(`PRAGMA synchronous = ${this.#synchronous}`);
      this.#db.exec('PRAGMA busy_timeout = 5000');
      migrate(this.#db);
    } catch (error) {
      this.#db.close();
      throw new ConfigError(
        `SqliteReplayStore cannot use ${options.path}: ${(error as Error).message}`,
        {
          cause: error,
        },
      );
    }
    this.#statements = prepareStatements(this.#db);
    this.#control = {
      relax: this.#db.prepare('PRAGMA synchronous = NORMAL'),
      restore: this.#db.prepare(`PRAGMA synchronous = ${this.#synchronous}`),
      begin: this.#db.prepare('BEGIN IMMEDIATE'),
      commit: this.#db.prepare('COMMIT'),
      rollback: this.#db.prepare('ROLLBACK'),
    };
  }

  append(envelopes: readonly NewEnvelope[]): Promise<string[]> {
    if (this.#closed) return Promise.reject(new Error('SqliteReplayStore is closed'));
    return new Promise((resolve, reject) => {
      this.#queue.push({ envelopes, resolve, reject });
      if (this.#queue.length === 1) setImmediate(() => this.#flush());
    });
  }

  async scan(connectorId: string, afterSeq: number, limit: number): Promise<Envelope[]> {
    return this.#statements.scan?.all(connectorId, afterSeq, limit).map(toEnvelope) ?? [];
  }

  async lastSeq(connectorId: string): Promise<number> {
    return Number(this.#statements.lastSeq?.get(connectorId)?.last ?? 0);
  }

  async olderThan(connectorId: string, occurredBefore: number, limit: number): Promise<Envelope[]> {
    return (
      this.#statements.olderThan?.all(connectorId, occurredBefore, limit).map(toEnvelope) ?? []
    );
  }

  settle(ids: readonly string[], outcome: 'delivered' | 'dropped', at: number): Promise<void> {
    if (this.#closed) return Promise.reject(new Error('SqliteReplayStore is closed'));
    return new Promise((resolve, reject) => {
      this.#settles.push({ ids, outcome, at, resolve, reject });
      if (this.#settles.length === 1) setImmediate(() => this.#flushSettles());
    });
  }

  async prune(settledBefore: number): Promise<number> {
    return Number(this.#statements.prune?.run(settledBefore).changes ?? 0);
  }

  async fail(id: string, update: FailureUpdate): Promise<void> {
    this.#transaction(() => {
      this.#statements.fail?.run(
        update.attempts,
        update.lastError,
        update.nextAttemptAt ?? null,
        update.dead ? 'dead' : 'pending',
        id,
      );
    }, false);
  }

  async dead(connectorId: string, limit: number): Promise<Envelope[]> {
    return this.#statements.dead?.all(connectorId, limit).map(toEnvelope) ?? [];
  }

  async revive(ids: readonly string[]): Promise<void> {
    this.#transaction(() => {
      for (const id of ids) this.#statements.revive?.run(id);
    });
  }

  async pendingCounts(): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const row of this.#statements.counts?.all() ?? []) {
      counts[String(row.connector_id)] = Number(row.pending);
    }
    return counts;
  }

  async getCursor(pipelineId: string): Promise<string | undefined> {
    const row = this.#statements.getCursor?.get(pipelineId);
    return row ? String(row.cursor) : undefined;
  }

  async setCursor(pipelineId: string, cursor: string): Promise<void> {
    this.#statements.setCursor?.run(pipelineId, cursor, Date.now());
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#flush();
    this.#flushSettles();
    this.#closed = true;
    this.#db.close();
  }

  #flush(): void {
    const batch = this.#queue;
    this.#queue = [];
    if (batch.length === 0) return;
    // One transaction for the batch, a savepoint per append: a bad row fails its own append,
    // not the others sharing the commit.
    const outcomes: Array<{ ids: string[] } | { error: unknown }> = [];
    try {
      this.#transaction(() => {
        for (const { envelopes } of batch) {
          this.#db.exec('SAVEPOINT append');
          try {
            outcomes.push({
              ids: envelopes.map((envelope) => this.#insert(envelope)).filter(isString),
            });
            this.#db.exec('RELEASE append');
          } catch (error) {
            this.#db.exec('ROLLBACK TO append; RELEASE append');
            outcomes.push({ error });
          }
        }
      });
    } catch (error) {
      for (const pending of batch) pending.reject(error);
      return;
    }
    for (const [index, pending] of batch.entries()) {
      const outcome = outcomes[index];
      if (outcome && 'ids' in outcome) pending.resolve(outcome.ids);
      else pending.reject(outcome?.error);
    }
  }

  /** Settles made in the same tick share one transaction, like appends. */
  #flushSettles(): void {
    const batch = this.#settles;
    this.#settles = [];
    if (batch.length === 0) return;
    try {
      this.#transaction(() => {
        for (const { ids, outcome, at } of batch) {
          for (const id of ids) this.#statements.settle?.run(outcome, at, id);
        }
      }, false);
    } catch (error) {
      for (const pending of batch) pending.reject(error);
      return;
    }
    for (const pending of batch) pending.resolve();
  }

  #insert(envelope: NewEnvelope): string | undefined {
    const row = this.#statements.insert?.get(
      envelope.id,
      envelope.pipelineId,
      envelope.connectorId,
      envelope.eventId,
      envelope.key,
      envelope.occurredAt,
      JSON.stringify(envelope.payload ?? null),
    );
    return row ? String(row.id) : undefined;
  }

  /**
   * Runs `body` in one transaction. `durable: false` commits without waiting for the disk (the
   * next durable commit syncs it too): for settles and attempt counts, whose loss on a power
   * cut only means a redelivery the vendor dedupes — never for appends.
   */
  #transaction(body: () => void, durable = true): void {
    const { relax, restore, begin, commit, rollback } = this.#control;
    const relaxing = !durable && this.#synchronous === 'FULL';
    if (relaxing) relax.run();
    try {
      begin.run();
      try {
        body();
        commit.run();
      } catch (error) {
        rollback.run();
        throw error;
      }
    } finally {
      if (relaxing) restore.run();
    }
  }
}

function prepareStatements(db: DatabaseSync): Record<string, StatementSync> {
  const columns =
    'seq, id, pipeline_id, connector_id, event_id, key, occurred_at, payload, attempts, next_attempt_at, last_error, state';
  return {
    insert: db.prepare(
      `INSERT OR IGNORE INTO envelopes (id, pipeline_id, connector_id, event_id, key, occurred_at, payload)
       VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    ),
    scan: db.prepare(
      `SELECT ${columns} FROM envelopes WHERE connector_id = ? AND state = 'pending' AND seq > ? ORDER BY seq LIMIT ?`,
    ),
    lastSeq: db.prepare(
      `SELECT COALESCE(MAX(seq), 0) AS last FROM envelopes WHERE connector_id = ? AND state = 'pending'`,
    ),
    olderThan: db.prepare(
      `SELECT ${columns} FROM envelopes WHERE connector_id = ? AND state = 'pending' AND occurred_at < ? ORDER BY seq LIMIT ?`,
    ),
    dead: db.prepare(
      `SELECT ${columns} FROM envelopes WHERE connector_id = ? AND state = 'dead' ORDER BY seq LIMIT ?`,
    ),
    settle: db.prepare(
      `UPDATE envelopes SET state = ?, settled_at = ?, payload = 'null' WHERE id = ? AND state IN ('pending', 'dead')`,
    ),
    prune: db.prepare('DELETE FROM envelopes WHERE settled_at IS NOT NULL AND settled_at < ?'),
    fail: db.prepare(
      `UPDATE envelopes SET attempts = ?, last_error = ?, next_attempt_at = COALESCE(?, next_attempt_at), state = ?
       WHERE id = ? AND state = 'pending'`,
    ),
    revive: db.prepare(
      `UPDATE envelopes SET state = 'pending', next_attempt_at = 0, attempts = 0 WHERE id = ? AND state = 'dead'`,
    ),
    getCursor: db.prepare('SELECT cursor FROM cursors WHERE pipeline_id = ?'),
    setCursor: db.prepare(
      `INSERT INTO cursors (pipeline_id, cursor, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (pipeline_id) DO UPDATE SET cursor = excluded.cursor, updated_at = excluded.updated_at`,
    ),
    counts: db.prepare(
      `SELECT connector_id, COUNT(*) AS pending FROM envelopes WHERE state = 'pending' GROUP BY connector_id`,
    ),
  };
}

function toEnvelope(row: Row): Envelope {
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

function isString(value: string | undefined): value is string {
  return value !== undefined;
}
