import { type ProtectLoggerOptions, protectLogger } from './log/protect-logger.js';

/**
 * One log method of a pino-compatible logger: a structured object first, then a message.
 */
export type LogMethod = (object: Record<string, unknown>, message?: string) => void;

/**
 * Any pino-compatible logger: pino itself, or an object with `debug`, `info`, `warn` and
 * `error` that take `(object, message)`. crossline always calls them as methods of the logger
 * (`logger.debug(...)`), so pino's `this` binding is kept.
 */
export interface Logger {
  /** Request-level detail: every attempt, retry and pause. */
  debug: LogMethod;
  /** Lifecycle events worth keeping. */
  info: LogMethod;
  /** Something went wrong but was handled (a dropped envelope, a throttled account). */
  warn: LogMethod;
  /** Something went wrong and was not handled. */
  error: LogMethod;
  /** Optional: a logger that adds `bindings` to every line (pino's `child`). */
  child?: (bindings: Record<string, unknown>) => Logger;
}

const noop: LogMethod = () => {};

/** A logger that discards everything: crossline's default, so a library never prints. */
export const silentLogger: Logger = { debug: noop, info: noop, warn: noop, error: noop };

/**
 * Paths to pass to pino's `redact` option when a host creates its own pino logger for
 * crossline ({@link createLogger} sets them for you). crossline already redacts what it logs;
 * this guards the host's own fields too. A mutable `string[]`, as pino's option is typed; copy
 * it rather than changing it.
 *
 * @example
 * ```ts
 * import pino from 'pino';
 * const logger = pino({ redact: crosslineRedactPaths });
 * ```
 */
export const crosslineRedactPaths: string[] = [
  ...['apiKey', 'apikey', 'api_key', 'token', 'accessToken', 'access_token', 'refreshToken'],
  ...['secret', 'clientSecret', 'client_secret', 'password', 'authorization', 'Authorization'],
  ...[
    'headers.authorization',
    'headers.Authorization',
    'headers["x-api-key"]',
    'headers["X-API-KEY"]',
  ],
  ...[
    '*.apiKey',
    '*.api_key',
    '*.token',
    '*.accessToken',
    '*.secret',
    '*.password',
    '*.authorization',
  ],
];

/**
 * Returns the logger crossline writes to: the host's logger (a child with `bindings` when it
 * supports `child`) wrapped by {@link protectLogger} — phone numbers masked above debug level
 * unless `logPersonalData` is set — or the silent logger when none was given. A logger that is
 * already protected (from {@link createLogger} or {@link protectLogger}) keeps its setting.
 */
export function resolveLogger(
  logger: Logger | undefined,
  bindings: Record<string, unknown> = {},
  options: ProtectLoggerOptions = {},
): Logger {
  if (!logger) return silentLogger;
  const bound = typeof logger.child === 'function' ? logger.child(bindings) : logger;
  return protectLogger(bound, options);
}
