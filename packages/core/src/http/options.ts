import { z } from 'zod';
import { ConfigError } from '../errors/config-error.js';
import { headerNameSchema, headerValueSchema, secretSchema } from './secrets.js';
import type { HttpClientOptions } from './types.js';

const fn = z.custom<(...args: never[]) => unknown>((value) => typeof value === 'function', {
  message: 'expected a function',
});
const nonEmpty = z.string().min(1);
const authSchema = z.union([
  z.strictObject({
    type: z.literal('header'),
    name: headerNameSchema,
    value: secretSchema({ inHeader: true }),
  }),
  z.strictObject({ type: z.literal('bearer'), token: secretSchema({ inHeader: true }) }),
  z.strictObject({ type: z.literal('query'), name: nonEmpty, value: secretSchema() }),
  z.strictObject({
    type: z.literal('basic'),
    username: secretSchema(),
    password: secretSchema({ innerSpaces: true }),
  }),
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

/** Whether a URL's host is this machine: the only place plain `http://` may go. */
export function isLoopbackUrl(url: string): boolean {
  try {
    const { hostname } = new URL(url);
    return (
      hostname === 'localhost' ||
      hostname === '[::1]' ||
      /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname)
    );
  } catch {
    return false;
  }
}

const baseUrlSchema = z
  .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
  .refine((url) => !/^[a-z]+:\/\/[^/]*@/i.test(url), {
    message: 'must not contain credentials; use `auth`',
  })
  .refine((url) => !/^http:/i.test(url) || isLoopbackUrl(url), {
    message: 'must use https (plain http is allowed only to loopback: localhost, 127.0.0.1, [::1])',
  });

/** The retry options' schema. */
const retrySchema = z.strictObject({
  retries: z.number().int().min(0).max(20).optional(),
  baseDelayMs: milliseconds.optional(),
  maxDelayMs: milliseconds.optional(),
  throttleDelayMs: milliseconds.optional(),
  maxRetryAfterMs: milliseconds.optional(),
  maxThrottlePauseMs: milliseconds.optional(),
});

/** The schema of {@link HttpClientOptions}; unknown keys are refused (a typo is a bug). */
export const httpClientOptionsSchema = z.strictObject({
  baseUrl: baseUrlSchema,
  connectorId: nonEmpty.optional(),
  auth: authSchema.optional(),
  secrets: z.array(z.string()).optional(),
  headers: z.record(headerNameSchema, headerValueSchema).optional(),
  timeoutMs: milliseconds.positive().optional(),
  retry: retrySchema.optional(),
  rateLimiter: methodsOf('schedule', 'pause').optional(),
  logger: methodsOf('debug', 'info', 'warn', 'error').optional(),
  logPersonalData: z.boolean().optional(),
  fetch: fn.optional(),
  interpretResponse: fn.optional(),
  onRetry: fn.optional(),
  onThrottled: fn.optional(),
  random: fn.optional(),
});

/**
 * Validates options once, at construction: a bad option throws a {@link ConfigError} naming
 * the field. Messages never echo option values, so a misplaced secret cannot leak through
 * them.
 *
 * @param subject - the factory named in the error, e.g. `createHttpClient`
 */
export function validateOptions(schema: z.ZodType, options: unknown, subject: string): void {
  const parsed = schema.safeParse(options);
  if (!parsed.success) {
    const connectorId = (options as { connectorId?: unknown } | null | undefined)?.connectorId;
    throw ConfigError.fromIssues(subject, parsed.error.issues, {
      connectorId: typeof connectorId === 'string' ? connectorId : undefined,
    });
  }
}

/** Validates {@link HttpClientOptions}; see {@link validateOptions}. */
export function validateHttpClientOptions(options: HttpClientOptions): void {
  validateOptions(httpClientOptionsSchema, options, 'createHttpClient');
}
