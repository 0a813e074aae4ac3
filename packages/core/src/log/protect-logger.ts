import type { Logger, LogMethod } from '../log.js';
import { maskPersonalData, maskPhones } from './mask-phones.js';

/** Options of {@link protectLogger}. */
export interface ProtectLoggerOptions {
  /**
   * Log phone numbers in full at every level. By default they are masked in the message and
   * in every string of the log object at info, warn and error (debug keeps them in full).
   * @defaultValue false
   */
  logPersonalData?: boolean | undefined;
}

const marker = Symbol.for('crossline.logger.protected');

/** Whether a logger is already one of crossline's protected loggers. */
export function isProtectedLogger(logger: Logger): boolean {
  return (logger as unknown as Record<symbol, unknown>)[marker] === true;
}

/**
 * Wraps a host's logger so that personal data stays out of its lines: phone-like digit runs
 * are masked (`38067*****67`) at info, warn and error unless `logPersonalData` is set; debug
 * lines keep them in full. The host's logger is always called as a method (pino's `this` is
 * kept); `child` returns a protected logger too. Wrapping a protected logger again returns it
 * unchanged, so the first setting — the host's — wins.
 *
 * @example
 * ```ts
 * import pino from 'pino';
 * const logger = protectLogger(pino(), { logPersonalData: true }); // phone numbers in full
 * createHub({ store, logger });
 * ```
 */
export function protectLogger(logger: Logger, options: ProtectLoggerOptions = {}): Logger {
  if (isProtectedLogger(logger)) return logger;
  const full = options.logPersonalData === true;
  const masked =
    (level: 'info' | 'warn' | 'error'): LogMethod =>
    (object, message) => {
      if (full) logger[level](object, message);
      else {
        const safe = maskPersonalData(object) as Record<string, unknown>;
        logger[level](safe, message === undefined ? undefined : maskPhones(message));
      }
    };
  const protectedLogger: Logger = {
    debug: (object, message) => logger.debug(object, message),
    info: masked('info'),
    warn: masked('warn'),
    error: masked('error'),
    child: (bindings) => {
      const safe = full ? bindings : (maskPersonalData(bindings) as Record<string, unknown>);
      const inner = typeof logger.child === 'function' ? logger.child(safe) : logger;
      return protectLogger(inner, options);
    },
  };
  Object.defineProperty(protectedLogger, marker, { value: true, enumerable: false });
  return protectedLogger;
}
