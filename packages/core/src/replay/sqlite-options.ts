import { z } from 'zod';
import { limitsSchema, type ReplayStoreLimits } from './envelope-checks.js';
import { lockSchema, type SqliteLockOptions } from './sqlite-lock.js';

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
  /** Size limits of ids, keys, payloads and failure messages. */
  limits?: ReplayStoreLimits | undefined;
  /** The one-process-per-file lock's heartbeat and take-over timeout. */
  lock?: SqliteLockOptions | undefined;
}

/** {@link SqliteReplayStoreOptions} as a zod schema: unknown keys are refused. */
export const optionsSchema = z.strictObject({
  path: z.string().min(1),
  synchronous: z.enum(['full', 'normal']).optional(),
  limits: limitsSchema,
  lock: lockSchema,
});
