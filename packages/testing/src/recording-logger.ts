import type { Logger } from '@crossline/core';

/** What {@link recordingLogger} gives: the logger to hand to crossline, and every line it got. */
export interface RecordingLogger {
  /** A pino-compatible logger at debug level (its `child` is itself). */
  readonly logger: Logger;
  /** Every line, as the JSON of its arguments (errors with their message and stack). */
  readonly lines: string[];
}

/**
 * A logger that keeps every line it is given, at every level, as JSON — for secret canaries:
 * hand it to a connector or a Hub, then assert that no line holds the key.
 *
 * @example
 * ```ts
 * const { logger, lines } = recordingLogger();
 * const crm = retailcrm({ ...options, apiKey: canary, logger });
 * // … make it fail …
 * expect(lines.join('\n')).not.toContain(canary);
 * ```
 */
export function recordingLogger(): RecordingLogger {
  const lines: string[] = [];
  const log = (...args: unknown[]) => {
    lines.push(
      JSON.stringify(args, (_key, value) =>
        value instanceof Error ? { message: value.message, stack: value.stack } : value,
      ),
    );
  };
  const logger: Logger & { level: string } = {
    debug: log,
    info: log,
    warn: log,
    error: log,
    child: () => logger,
    level: 'debug',
  };
  return { logger, lines };
}
