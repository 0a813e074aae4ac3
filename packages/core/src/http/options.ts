import { z } from 'zod';
import { ConfigError } from '../errors/config-error.js';
import type { HttpClientOptions } from './types.js';

const fn = z.custom<(...args: never[]) => unknown>((value) => typeof value === 'function', {
  message: 'expected a function',
});
const nonEmpty = z.string().min(1);
const authSchema = z.union([
  z.object({ type: z.literal('header'), name: nonEmpty, value: nonEmpty }),
  z.object({ type: z.literal('bearer'), token: nonEmpty }),
  z.object({ type: z.literal('query'), name: nonEmpty, value: nonEmpty }),
  z.object({ type: z.literal('basic'), username: nonEmpty, password: nonEmpty }),
  fn,
]);
const milliseconds = z.number().int().nonnegative().max(2_147_483_647);
const methodsOf = (...names: string[]) =>
  z.custom(
    (value) => {
      if (typeof value !== 'object' || value === null) return false;
      const record = value as Record<string, unknown>;
      return names.every((name) => typeof record[name] === 'function');
    },
    `expected an object with ${names.join(', ')}`,
  );

const optionsSchema = z.object({
  baseUrl: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
    .refine((url) => !/^[a-z]+:\/\/[^/]*@/i.test(url), {
      message: 'must not contain credentials; use `auth`',
    }),
  connectorId: nonEmpty.optional(),
  auth: authSchema.optional(),
  secrets: z.array(z.string()).optional(),
  headers: z.record(z.string(), z.string()).optional(),
  timeoutMs: milliseconds.positive().optional(),
  retry: z
    .object({
      retries: z.number().int().min(0).max(20).optional(),
      baseDelayMs: milliseconds.optional(),
      maxDelayMs: milliseconds.optional(),
      throttleDelayMs: milliseconds.optional(),
      maxRetryAfterMs: milliseconds.optional(),
    })
    .optional(),
  rateLimiter: methodsOf('schedule', 'pause').optional(),
  logger: methodsOf('debug', 'info', 'warn', 'error').optional(),
  fetch: fn.optional(),
  interpretResponse: fn.optional(),
  onRetry: fn.optional(),
  onThrottled: fn.optional(),
  random: fn.optional(),
});

/**
 * Validates {@link HttpClientOptions} once, at construction: a bad option throws a
 * {@link ConfigError} naming the field. Messages never echo option values, so a misplaced
 * secret cannot leak through them.
 */
export function validateHttpClientOptions(options: HttpClientOptions): void {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) {
    throw ConfigError.fromIssues('createHttpClient', parsed.error.issues, {
      connectorId: typeof options?.connectorId === 'string' ? options.connectorId : undefined,
    });
  }
}
