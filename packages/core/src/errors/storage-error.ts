import {
  CrosslineError,
  type CrosslineErrorOptions,
  hasMarker,
  markError,
} from './crossline-error.js';

const marker = 'crossline.error.StorageError';

/**
 * Why the outbox could not be read or written:
 * - `disk-full`: the disk (or the database's size limit) is full; retry once space is freed.
 * - `corrupt`: the file is damaged or is not a crossline outbox; restore it from a backup.
 * - `read-only`: the file or its directory cannot be written.
 * - `busy`: another connection held the file longer than the busy timeout.
 * - `io`: the operating system failed a read or a write.
 * - `lock-lost`: another process took the file over; this store stopped writing to it.
 * - `closed`: the store was used after `close()`.
 * - `failed`: any other storage failure.
 */
export type StorageFailure =
  | 'disk-full'
  | 'corrupt'
  | 'read-only'
  | 'busy'
  | 'io'
  | 'lock-lost'
  | 'closed'
  | 'failed';

/** Options of a {@link StorageError}. */
export interface StorageErrorOptions extends CrosslineErrorOptions {
  /** Why the storage failed. */
  reason: StorageFailure;
}

/**
 * The outbox's storage failed: the disk is full, the file is corrupted, it cannot be written,
 * or it was taken over by another process. `reason` says which; the message says what to do.
 * The underlying driver error is kept as `cause`.
 */
export class StorageError extends CrosslineError {
  /** Why the storage failed. */
  readonly reason: StorageFailure;

  /**
   * @param message - what failed, why, and how to fix it
   * @param options - the reason, retryability (default: true for `disk-full` and `busy`) and cause
   */
  constructor(message: string, options: StorageErrorOptions) {
    super('STORAGE_FAILED', message, {
      ...options,
      retryable: options.retryable ?? (options.reason === 'disk-full' || options.reason === 'busy'),
    });
    this.name = 'StorageError';
    this.reason = options.reason;
    markError(this, marker);
  }

  /** Whether `value` is a {@link StorageError} from any copy of the package. */
  static override isInstance(value: unknown): value is StorageError {
    return hasMarker(value, marker);
  }
}
