import type { DatabaseSync } from 'node:sqlite';
import { ConfigError } from '../errors/config-error.js';
import { StorageError } from '../errors/storage-error.js';
import {
  checkEnvelopes,
  type ResolvedLimits,
  resolveLimits,
  truncateError,
} from './envelope-checks.js';
import type { Envelope, FailureUpdate, NewEnvelope, ReplayStore } from './replay-store.js';
import { rollbackQuietly, toStorageError } from './sqlite-errors.js';
import type { FileLock } from './sqlite-lock.js';
import { openDatabase } from './sqlite-open.js';
import { optionsSchema, type SqliteReplayStoreOptions } from './sqlite-options.js';
import { prepareStatements, type Statements, toEnvelope } from './sqlite-statements.js';

export type { SqliteReplayStoreOptions } from './sqlite-options.js';

let connectionOf: (store: SqliteReplayStore) => DatabaseSync;

interface PendingWrite<T> {
  readonly resolve: (value: T) => void;
  readonly reject: (error: unknown) => void;
}
interface PendingAppend extends PendingWrite<string[]> {
  readonly envelopes: readonly NewEnvelope[];
  readonly payloads: readonly string[];
}
interface PendingSettle extends PendingWrite<string[]> {
  readonly ids: readonly string[];
  readonly outcome: 'delivered' | 'dropped';
  readonly at: number;
}

/**
 * The embedded {@link ReplayStore}: one SQLite file through `node:sqlite` (no native build),
 * in WAL mode. The library creates and migrates its schema. Appends (and settles) made in the
 * same tick are committed in one transaction (group commit), so many concurrent `publish()`
 * calls cost one disk sync; each still resolves only after its envelopes are committed.
 *
 * One process per file: the store holds the file with a heartbeat while open and refuses a
 * second opener (a {@link ConfigError} naming the holder). A holder that is gone — its process
 * no longer running on this host, or its heartbeat stale — is taken over. A storage failure
 * (a full disk, a corrupted file) is a {@link StorageError}; no raw SQLite error escapes.
 *
 * @example
 * ```ts
 * const store = new SqliteReplayStore({ path: '/var/lib/my-host/crossline.db' });
 * const hub = createHub({ store });
 * ```
 */
export class SqliteReplayStore implements ReplayStore {
  static {
    connectionOf = (store) => store.#db;
  }
  readonly #db: DatabaseSync;
  readonly #lock: FileLock | undefined;
  readonly #path: string;
  readonly #statements: Statements;
  readonly #synchronous: 'FULL' | 'NORMAL';
  readonly #limits: ResolvedLimits;
  #queue: PendingAppend[] = [];
  #settles: PendingSettle[] = [];
  #closed = false;

  /**
   * @throws {@link ConfigError} when an option is invalid, or the file cannot be opened or
   * written, is held by another process, or comes from a newer release
   * @throws {@link StorageError} when the file is corrupted
   */
  constructor(options: SqliteReplayStoreOptions) {
    const parsed = optionsSchema.safeParse(options);
    if (!parsed.success) throw ConfigError.fromIssues('SqliteReplayStore', parsed.error.issues);
    this.#path = options.path;
    this.#limits = resolveLimits(options.limits);
    this.#synchronous = options.synchronous === 'normal' ? 'NORMAL' : 'FULL';
    ({ db: this.#db, lock: this.#lock } = openDatabase(
      this.#path,
      this.#synchronous,
      options.lock,
    ));
    this.#statements = prepareStatements(this.#db, this.#synchronous);
  }

  /** @throws {@link ValidationError} when an envelope breaks a rule or a limit; nothing is stored */
  append(envelopes: readonly NewEnvelope[]): Promise<string[]> {
    let payloads: string[];
    try {
      this.#checkOpen();
      payloads = checkEnvelopes(envelopes, this.#limits);
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise((resolve, reject) => {
      this.#queue.push({ envelopes, payloads, resolve, reject });
      if (this.#queue.length === 1) setImmediate(() => this.#flush());
    });
  }

  async scan(connectorId: string, afterSeq: number, limit: number): Promise<Envelope[]> {
    return this.#read(() =>
      this.#statements.scan.all(connectorId, afterSeq, limit).map(toEnvelope),
    );
  }

  async lastSeq(connectorId: string): Promise<number> {
    return this.#read(() => Number(this.#statements.lastSeq.get(connectorId)?.last ?? 0));
  }

  async olderThan(connectorId: string, occurredBefore: number, limit: number): Promise<Envelope[]> {
    return this.#read(() =>
      this.#statements.olderThan.all(connectorId, occurredBefore, limit).map(toEnvelope),
    );
  }

  settle(ids: readonly string[], outcome: 'delivered' | 'dropped', at: number): Promise<string[]> {
    try {
      this.#checkOpen();
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise((resolve, reject) => {
      this.#settles.push({ ids, outcome, at, resolve, reject });
      if (this.#settles.length === 1) setImmediate(() => this.#flushSettles());
    });
  }

  async prune(settledBefore: number): Promise<number> {
    let pruned = 0;
    this.#write('prune', () => {
      pruned = Number(this.#statements.prune.run(settledBefore).changes);
    });
    return pruned;
  }

  async fail(id: string, update: FailureUpdate): Promise<void> {
    const lastError = truncateError(update.lastError, this.#limits.maxErrorLength);
    const state = update.dead ? 'dead' : 'pending';
    this.#write('record a failure in', () => {
      this.#statements.fail.run(
        update.attempts,
        lastError,
        update.nextAttemptAt ?? null,
        state,
        id,
      );
    });
  }

  async dead(connectorId: string, limit: number): Promise<Envelope[]> {
    return this.#read(() => this.#statements.dead.all(connectorId, limit).map(toEnvelope));
  }

  async revive(ids: readonly string[]): Promise<void> {
    this.#write('revive envelopes in', () => {
      for (const id of ids) this.#statements.revive.run(id);
    });
  }

  async pendingCounts(): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const row of this.#read(() => this.#statements.counts.all()))
      counts[String(row.connector_id)] = Number(row.pending);
    return counts;
  }

  async getCursor(pipelineId: string): Promise<string | undefined> {
    const row = this.#read(() => this.#statements.getCursor.get(pipelineId));
    return row ? String(row.cursor) : undefined;
  }

  async setCursor(pipelineId: string, cursor: string): Promise<void> {
    this.#write('save a cursor in', () => {
      this.#statements.setCursor.run(pipelineId, cursor, Date.now());
    });
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#flush();
    this.#flushSettles();
    this.#closed = true;
    this.#lock?.release();
    try {
      this.#db.close();
    } catch (error) {
      throw toStorageError(error, `close ${this.#path}`);
    }
  }

  #checkOpen(): void {
    if (this.#closed)
      throw new StorageError(`SqliteReplayStore on ${this.#path} is closed`, { reason: 'closed' });
    if (this.#lock?.lost) throw this.#lock.lost;
  }

  #read<T>(body: () => T): T {
    this.#checkOpen();
    try {
      return body();
    } catch (error) {
      throw toStorageError(error, `read ${this.#path}`);
    }
  }

  #write(action: string, body: () => void, durable = true): void {
    this.#checkOpen();
    try {
      this.#transaction(body, durable);
    } catch (error) {
      throw toStorageError(error, `${action} ${this.#path}`);
    }
  }

  #flush(): void {
    const batch = this.#queue;
    this.#queue = [];
    if (batch.length === 0) return;
    // One transaction for the batch, a savepoint per append: a bad row fails its own append,
    // not the others sharing the commit.
    const outcomes: Array<{ ids: string[] } | { error: unknown }> = [];
    const { savepoint, release, rollbackTo } = this.#statements;
    try {
      this.#write('append to', () => {
        for (const { envelopes, payloads } of batch) {
          savepoint.run();
          try {
            const ids = envelopes.map((envelope, index) => this.#insert(envelope, payloads[index]));
            outcomes.push({ ids: ids.filter((id) => id !== undefined) });
            release.run();
          } catch (error) {
            // SQLite ended the whole transaction (a full disk …): every append of it fails.
            try {
              rollbackTo.run();
              release.run();
            } catch {
              throw error;
            }
            outcomes.push({ error: toStorageError(error, `append to ${this.#path}`) });
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
    const settled: string[][] = [];
    try {
      this.#write(
        'settle envelopes in',
        () => {
          for (const { ids, outcome, at } of batch) {
            settled.push(
              ids.filter((id) => Number(this.#statements.settle.run(outcome, at, id).changes) > 0),
            );
          }
        },
        false,
      );
    } catch (error) {
      for (const pending of batch) pending.reject(error);
      return;
    }
    for (const [index, pending] of batch.entries()) pending.resolve(settled[index] ?? []);
  }

  #insert(envelope: NewEnvelope, payload: string | undefined): string | undefined {
    const row = this.#statements.insert.get(
      envelope.id,
      envelope.pipelineId,
      envelope.connectorId,
      envelope.eventId,
      envelope.key,
      envelope.occurredAt,
      payload ?? 'null',
      envelope.nextAttemptAt ?? 0,
    );
    return row ? String(row.id) : undefined;
  }

  /**
   * Runs `body` in one transaction, once the lock proves the file is still this process's.
   * `durable: false` commits without waiting for the disk (the next durable commit syncs it
   * too): for settles and attempt counts, whose loss on a power cut only means a redelivery
   * the vendor dedupes — never for appends.
   */
  #transaction(body: () => void, durable = true): void {
    const { begin, commit, rollback, relax, restore } = this.#statements;
    const relaxing = !durable && this.#synchronous === 'FULL';
    if (relaxing) relax.run();
    try {
      begin.run();
      try {
        this.#lock?.verify();
        body();
        commit.run();
      } catch (error) {
        rollbackQuietly(() => rollback.run());
        throw error;
      }
    } finally {
      if (relaxing) restore.run();
    }
  }
}

/** @internal For tests only: the store's own SQLite connection (per-connection pragmas). */
export function sqliteConnectionOf(store: SqliteReplayStore): DatabaseSync {
  return connectionOf(store);
}
