import { timeZoneSchema } from '@crossline/core/model';
import { checkAccountUrl } from '@crossline/core/sdk';
import { z } from 'zod';

const optionsSchema = z
  .object({
    /** The account's address, e.g. `https://acme.thulium.example` (each customer has its own). */
    url: z.string().min(1),
    /** The API key. Never logged: redacted from every log line and error. */
    apiKey: z.string().min(8),
    /** The account's IANA time zone: the Hub counts replay days in it. @defaultValue 'UTC' */
    timeZone: timeZoneSchema.default('UTC'),
    /** Requests per second per key (UNCERTAIN until the vendor publishes it). @defaultValue 5 */
    rateLimit: z.number().positive().default(5),
    /** Retries of a failed request before the outbox takes over. @defaultValue 4 */
    retries: z.number().int().min(0).max(10).default(4),
    /** Accept a loopback `http` URL: only for a simulator in tests and demos. @defaultValue false */
    allowLoopback: z.boolean().default(false),
  })
  .superRefine((options, context) => {
    const account = checkAccountUrl(options.url, { allowLoopback: options.allowLoopback });
    if ('problem' in account) {
      context.addIssue({
        code: 'custom',
        path: ['url'],
        message: `account URL ${account.problem}`,
      });
    }
  });

/**
 * Options of the Thulium connector, as given to the factory: validated at once, a bad one
 * throws a `ConfigError` naming it (never echoing the key).
 * @interface
 */
export type ThuliumOptions = z.input<typeof optionsSchema>;

/**
 * Options of the Thulium connector, validated, with defaults (`connector.config`).
 * @interface
 */
export type ThuliumConfig = z.output<typeof optionsSchema>;

/**
 * The options' schema, validated once, at construction: a bad option throws a `ConfigError`
 * naming it (never echoing its value), an unknown key (a typo) is refused. Typed by its input
 * and output only, so the factory's type names no zod internals.
 */
export const thuliumOptionsSchema: z.ZodType<ThuliumConfig, ThuliumOptions> = optionsSchema;

/** The account's origin, e.g. `https://acme.thulium.example` (the URL is checked already). */
export function accountOrigin(config: ThuliumConfig): string {
  const account = checkAccountUrl(config.url, { allowLoopback: config.allowLoopback });
  if ('problem' in account) throw new Error(`unreachable: the account URL ${account.problem}`);
  return account.origin;
}
