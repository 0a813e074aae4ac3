import { CrosslineError } from '../errors/crossline-error.js';
import { StorageError, type StorageFailure } from '../errors/storage-error.js';

/** What `node:sqlite` throws: `errcode` is SQLite's extended result code. */
interface SqliteDriverError extends Error {
  readonly code: 'ERR_SQLITE_ERROR';
  readonly errcode: number;
  readonly errstr: string;
}

/** Whether `error` came from SQLite itself (not from the driver's argument checks). */
export function isSqliteError(error: unknown): error is SqliteDriverError {
  return (
    error instanceof Error &&
    (error as Partial<SqliteDriverError>).code === 'ERR_SQLITE_ERROR' &&
    typeof (error as Partial<SqliteDriverError>).errcode === 'number'
  );
}

/** SQLite's primary result code (the low byte of an extended one). */
export function sqliteCode(error: unknown): number | undefined {
  return isSqliteError(error) ? error.errcode & 0xff : undefined;
}

const failures: Record<number, [StorageFailure, string]> = {
  13: ['disk-full', 'the disk is full (SQLITE_FULL); free some space and try again'],
  11: ['corrupt', 'the file is corrupted (SQLITE_CORRUPT); restore it from a backup'],
  26: [
    'corrupt',
    'the file is corrupted or is not a database (SQLITE_NOTADB); restore it from a backup',
  ],
  8: ['read-only', 'the file or its directory is not writable (SQLITE_READONLY)'],
  5: ['busy', 'another connection kept the file busy (SQLITE_BUSY)'],
  6: ['busy', 'the file is locked (SQLITE_LOCKED)'],
  10: ['io', 'the operating system failed a read or a write (SQLITE_IOERR)'],
  14: ['io', 'the file cannot be opened (SQLITE_CANTOPEN)'],
};

/**
 * Turns whatever a SQLite call threw into a crossline error: a crossline error stays as it
 * is; a SQLite error becomes a {@link StorageError} whose `reason` and message name the real
 * cause (a full disk, a corrupted file …), with the driver's error as `cause`.
 *
 * @param error - what was thrown
 * @param action - what the store was doing, e.g. `append to /var/lib/host/outbox.db`
 */
export function toStorageError(error: unknown, action: string): CrosslineError {
  if (CrosslineError.isInstance(error)) return error;
  const known = failures[sqliteCode(error) ?? -1];
  const [reason, explanation] = known ?? [
    'failed' as const,
    isSqliteError(error) ? error.message : String((error as Error)?.message ?? error),
  ];
  return new StorageError(`SqliteReplayStore could not ${action}: ${explanation}`, {
    reason,
    cause: error,
  });
}

/**
 * Rolls back after a failure. SQLite may already have rolled the transaction back itself (on
 * SQLITE_FULL, SQLITE_IOERR, SQLITE_CORRUPT …), so the ROLLBACK can fail in turn; that failure
 * is dropped so it never hides the error that caused it.
 */
export function rollbackQuietly(rollback: () => unknown): void {
  try {
    rollback();
  } catch {
    // no transaction left to roll back
  }
}
