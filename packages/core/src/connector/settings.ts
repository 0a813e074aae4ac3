import { z } from 'zod';
import { ConfigError } from '../errors/config-error.js';
import type { Logger } from '../log.js';

const logMethods = ['debug', 'info', 'warn', 'error'] as const;

const settingsSchema = z.object({
  id: z.string().min(1).max(200).optional(),
  logger: z
    .custom<Logger>(
      (value) =>
        typeof value === 'object' &&
        value !== null &&
        logMethods.every((name) => typeof (value as Record<string, unknown>)[name] === 'function'),
      'expected a pino-compatible logger (debug, info, warn, error)',
    )
    .optional(),
  replayOnReactivate: z.boolean().optional(),
});

/**
 * Checks the SDK's own options of a connector (`id`, `logger`, `replayOnReactivate`).
 * @throws {@link ConfigError} naming the field
 */
export function checkSettings(vendor: string, settings: Record<string, unknown>): void {
  const parsed = settingsSchema.safeParse(settings);
  if (!parsed.success) throw ConfigError.fromIssues(`${vendor} connector`, parsed.error.issues);
}

/**
 * Checks `activate()`'s options.
 * @throws {@link ConfigError} naming the field
 */
export function checkActivateOptions(connectorId: string, options: unknown): void {
  const parsed = z
    .object({ replay: z.boolean().optional() })
    .optional()
    .safeParse(options ?? undefined);
  if (!parsed.success) {
    throw ConfigError.fromIssues(`activate() of connector ${connectorId}`, parsed.error.issues, {
      connectorId,
    });
  }
}
