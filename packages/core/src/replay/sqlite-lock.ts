import { randomBytes } from 'node:crypto';
import { readlinkSync } from 'node:fs';
import { hostname } from 'node:os';
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { z } from 'zod';
import { ConfigError } from '../errors/config-error.js';
import { StorageError } from '../errors/storage-error.js';
import { rollbackQuietly } from './sqlite-errors.js';

/** How {@link index!SqliteReplayStore} keeps one process per file. */
export interface SqliteLockOptions {
  /** How often the process holding the file refreshes its heartbeat. @defaultValue 5_000 */
  heartbeatMs?: number | undefined;
  /**
   * How old a holder's heartbeat must be before another process may take the file over (a
   * holder on the same host whose process is gone is taken over at once). At least twice
   * `heartbeatMs`. @defaultValue 30_000
   */
  staleAfterMs?: number | undefined;
}

const defaults = { heartbeatMs: 5_000, staleAfterMs: 30_000 };

/** The `lock` option, as a zod schema. */
export const lockSchema = z
  .strictObject({
    heartbeatMs: z.number().int().min(10).max(3_600_000).optional(),
    staleAfterMs: z.number().int().min(20).max(86_400_000).optional(),
  })
  .refine(
    (lock) =>
      (lock.staleAfterMs ?? defaults.staleAfterMs) >=
      2 * (lock.heartbeatMs ?? defaults.heartbeatMs),
    { path: ['staleAfterMs'], message: 'must be at least twice lock.heartbeatMs' },
  )
  .optional();

/**
 * The owner table sits outside the versioned migrations on purpose: every release reads it
 * before it migrates anything, so its shape never changes.
 */
const ownerTable = `CREATE TABLE IF NOT EXISTS crossline_owner (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  pid INTEGER NOT NULL,
  host TEXT NOT NULL,
  pid_namespace TEXT NOT NULL,
  token TEXT NOT NULL,
  opened_at INTEGER NOT NULL,
  heartbeat_at INTEGER NOT NULL
)`;

interface Owner {
  readonly pid: number;
  readonly host: string;
  readonly pid_namespace: string;
  readonly opened_at: number;
  readonly heartbeat_at: number;
}

/** Containers on one host may share a host name but not their process ids. */
function pidNamespace(): string {
  try {
    return readlinkSync('/proc/self/ns/pid');
  } catch {
    return '';
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function refusal(path: string, owner: Owner, now: number, staleAfterMs: number): ConfigError {
  const age = Math.max(0, Math.round((now - owner.heartbeat_at) / 1000));
  const opened = new Date(owner.opened_at).toISOString();
  return new ConfigError(
    `SqliteReplayStore cannot use ${path}: it is in use by pid ${owner.pid} on ${owner.host} (opened ${opened}, last heartbeat ${age} s ago). crossline allows one process per file: stop that process or give this one its own file; several processes sharing one outbox need a multi-process store (@crossline/postgres, planned). The file is taken over once its holder is gone: its process no longer runs on this host, or its heartbeat is older than ${staleAfterMs} ms.`,
    { issues: [{ path: 'path', message: `in use by pid ${owner.pid} on ${owner.host}` }] },
  );
}

/**
 * One process per outbox file: a row naming the holder (pid, host, a random token) whose
 * heartbeat the holder refreshes. Another process takes the file over only once the holder is
 * gone; a holder that finds its row taken stops writing.
 */
export class FileLock {
  readonly #path: string;
  readonly #token = randomBytes(16).toString('hex');
  readonly #beat: StatementSync;
  readonly #owned: StatementSync;
  readonly #release: StatementSync;
  readonly #timer: NodeJS.Timeout;
  #lost: StorageError | undefined;

  /**
   * Takes the file for this process.
   * @throws {@link index!ConfigError} naming the holder when another live process has it
   */
  constructor(db: DatabaseSync, path: string, options: SqliteLockOptions = {}) {
    const heartbeatMs = options.heartbeatMs ?? defaults.heartbeatMs;
    const staleAfterMs = options.staleAfterMs ?? defaults.staleAfterMs;
    this.#path = path;
    const self = { pid: process.pid, host: hostname(), pid_namespace: pidNamespace() };
    db.exec('BEGIN IMMEDIATE');
    try {
      db.exec(ownerTable);
      const now = Date.now();
      const owner = db.prepare('SELECT * FROM crossline_owner WHERE id = 1').get() as
        | Owner
        | undefined;
      const gone =
        !owner ||
        now - owner.heartbeat_at > staleAfterMs ||
        (owner.host === self.host &&
          owner.pid_namespace === self.pid_namespace &&
          !isRunning(owner.pid));
      if (!gone) throw refusal(path, owner, now, staleAfterMs);
      db.prepare(
        `INSERT INTO crossline_owner (id, pid, host, pid_namespace, token, opened_at, heartbeat_at)
         VALUES (1, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET pid = excluded.pid, host = excluded.host,
           pid_namespace = excluded.pid_namespace, token = excluded.token,
           opened_at = excluded.opened_at, heartbeat_at = excluded.heartbeat_at`,
      ).run(self.pid, self.host, self.pid_namespace, this.#token, now, now);
      db.exec('COMMIT');
    } catch (error) {
      rollbackQuietly(() => db.exec('ROLLBACK'));
      throw error;
    }
    this.#beat = db.prepare('UPDATE crossline_owner SET heartbeat_at = ? WHERE token = ?');
    this.#owned = db.prepare('SELECT 1 AS owned FROM crossline_owner WHERE token = ?');
    this.#release = db.prepare('DELETE FROM crossline_owner WHERE token = ?');
    this.#timer = setInterval(() => this.#heartbeat(), heartbeatMs).unref();
  }

  /**
   * Throws once another process has taken the file over. Called inside every write
   * transaction, so a write never lands after a take-over.
   * @throws {@link StorageError} (`lock-lost`)
   */
  verify(): void {
    if (!this.#lost && this.#owned.get(this.#token) === undefined) this.#lose();
    if (this.#lost) throw this.#lost;
  }

  /** The take-over error, once another process has the file. */
  get lost(): StorageError | undefined {
    return this.#lost;
  }

  /** Stops the heartbeat and gives the file up (if it is still this process's). */
  release(): void {
    clearInterval(this.#timer);
    if (this.#lost) return;
    try {
      this.#release.run(this.#token);
    } catch {
      // left behind, the row names a process that is gone: the next opener takes it over
    }
  }

  #heartbeat(): void {
    try {
      if (this.#beat.run(Date.now(), this.#token).changes === 0) this.#lose();
    } catch {
      // a failed beat (a full disk, a busy file) is tried again at the next one
    }
  }

  #lose(): void {
    clearInterval(this.#timer);
    this.#lost = new StorageError(
      `SqliteReplayStore stopped writing to ${this.#path}: another process took the file over (this one's heartbeat went stale). Only one process may use an outbox file.`,
      { reason: 'lock-lost' },
    );
  }
}
