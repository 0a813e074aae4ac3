import pino, { type DestinationStream } from 'pino';
import { z } from 'zod';
import { ConfigError } from '../errors/config-error.js';
import { crosslineRedactPaths, type Logger } from '../log.js';
import { protectLogger } from './protect-logger.js';

/** Options of {@link createLogger}. */
export interface CreateLoggerOptions {
  /** The lowest level written. @defaultValue 'info' */
  level?: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' | 'silent' | undefined;
  /** A name on every line (pino's `name`). */
  name?: string | undefined;
  /** More pino redaction paths, on top of {@link crosslineRedactPaths}. */
  redact?: readonly string[] | undefined;
  /**
   * Log phone numbers in full; by default they are masked above debug level.
   * @defaultValue false
   */
  logPersonalData?: boolean | undefined;
  /** Where lines go (a pino destination or any writable stream). @defaultValue stdout */
  destination?: DestinationStream | undefined;
}

const optionsSchema = z.strictObject({
  level: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).optional(),
  name: z.string().min(1).optional(),
  redact: z.array(z.string().min(1)).optional(),
  logPersonalData: z.boolean().optional(),
  destination: z
    .custom((value) => typeof (value as { write?: unknown } | null)?.write === 'function', {
      message: 'expected a stream with write()',
    })
    .optional(),
});

/**
 * Builds a pino logger for crossline with its protections built in: pino's `redact` set to
 * {@link crosslineRedactPaths} (plus any paths of your own), and phone numbers masked above
 * debug level unless `logPersonalData` is set. Hand it to `createHub`, a connector or
 * `createHttpClient` as `logger`.
 *
 * @param options - level, name, extra redaction paths, personal data, destination
 * @throws {@link ConfigError} when an option is invalid
 *
 * @example
 * ```ts
 * const logger = createLogger({ level: 'info' });
 * const hub = createHub({ store, logger });
 * ```
 */
export function createLogger(options: CreateLoggerOptions = {}): Logger {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) throw ConfigError.fromIssues('createLogger', parsed.error.issues);
  const { level = 'info', name, redact = [], logPersonalData, destination } = options;
  const logger = pino(
    {
      level,
      ...(name === undefined ? {} : { name }),
      redact: { paths: [...crosslineRedactPaths, ...redact] },
    },
    destination,
  );
  return protectLogger(logger, { logPersonalData });
}
