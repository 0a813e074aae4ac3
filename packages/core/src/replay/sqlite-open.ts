import type { DatabaseSync } from 'node:sqlite';
import { ConfigError } from '../errors/config-error.js';
import { CrosslineError } from '../errors/crossline-error.js';
import { nodeSqlite } from './node-sqlite.js';
import { rollbackQuietly, sqliteCode, toStorageError } from './sqlite-errors.js';
import { FileLock, type SqliteLockOptions } from './sqlite-lock.js';
import { checkVersion, migrate } from './sqlite-schema.js';

/** An outbox file opened for writing, held by this process, at the current schema. */
export interface OpenedDatabase {
  readonly db: DatabaseSync;
  /** The one-process-per-file lock; none for `:memory:`. */
  readonly lock: FileLock | undefined;
}

const readOnlyDirectory = 1544; // SQLITE_READONLY_DIRECTORY

/**
 * SQLite opens a file it may not write read-only without a word, and a directory it may not
 * write leaves it no room for the `-wal` file: a write proves the file is usable. The write is
 * rolled back, so nothing changes.
 */
function proveWritable(db: DatabaseSync): void {
  db.exec('BEGIN IMMEDIATE');
  try {
    const version = Number(db.prepare('PRAGMA user_version').get()?.user_version ?? 0);
    db.exec(`PRAGMA user_version = ${version}`);
  } finally {
    rollbackQuietly(() => db.exec('ROLLBACK'));
  }
}

function openFailure(error: unknown, path: string): CrosslineError {
  if (CrosslineError.isInstance(error)) return error;
  const issues = (message: string) => [{ path: 'path', message }];
  if (sqliteCode(error) === 8) {
    const where =
      (error as { errcode: number }).errcode === readOnlyDirectory
        ? 'its directory is not writable (SQLite keeps the -wal and -shm files beside it)'
        : 'the file is not writable (SQLite opened it read-only)';
    return new ConfigError(
      `SqliteReplayStore cannot use ${path}: ${where}. The outbox must be writable: check the permissions of the file and of its directory.`,
      { cause: error, issues: issues('not writable') },
    );
  }
  const code = sqliteCode(error);
  if (code === 11 || code === 26 || code === 13) return toStorageError(error, `open ${path}`);
  return new ConfigError(`SqliteReplayStore cannot use ${path}: ${(error as Error).message}`, {
    cause: error,
    issues: issues('cannot be used'),
  });
}

/**
 * Opens the outbox file: WAL mode, the durability asked for, a proof that it can be written,
 * the one-process-per-file lock, then the migrations.
 *
 * @throws {@link ConfigError} when the file cannot be opened or written, is held by another
 * process, or comes from a newer release
 * @throws {@link StorageError} when the file is corrupted or the disk is full
 */
export function openDatabase(
  path: string,
  synchronous: 'FULL' | 'NORMAL',
  lockOptions: SqliteLockOptions | undefined,
): OpenedDatabase {
  let db: DatabaseSync;
  try {
    db = new (nodeSqlite().DatabaseSync)(path);
  } catch (error) {
    throw new ConfigError(`SqliteReplayStore cannot open ${path}: ${(error as Error).message}`, {
      cause: error,
      issues: [{ path: 'path', message: 'cannot be opened' }],
    });
  }
  let lock: FileLock | undefined;
  try {
    db.exec('PRAGMA busy_timeout = 5000');
    db.exec('PRAGMA journal_mode = WAL');
    db.exec(`PRAGMA synchronous = ${synchronous}`);
    proveWritable(db);
    checkVersion(db, path);
    lock = path === ':memory:' ? undefined : new FileLock(db, path, lockOptions);
    migrate(db, path);
    return { db, lock };
  } catch (error) {
    lock?.release();
    db.close();
    throw openFailure(error, path);
  }
}
