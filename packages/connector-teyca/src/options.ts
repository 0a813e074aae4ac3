import { phoneCountrySchema, timeZoneSchema } from '@crossline/core/model';
import { accountOrigin, refineAccountUrl } from '@crossline/core/sdk';
import { z } from 'zod';
import type { FingerprintStore } from './lib/installation.js';

const count = z.number().int().positive();

/** Teyca's request limits, counted together (UNCERTAIN: from a third party, see the guide). */
const limitsSchema = z.strictObject({
  /** Requests per second. @defaultValue 5 */
  perSecond: count.default(5),
  /** Requests per minute. @defaultValue 50 */
  perMinute: count.default(50),
  /** Requests per hour. @defaultValue 500 */
  perHour: count.default(500),
  /** Requests per day. @defaultValue 5000 */
  perDay: count.default(5000),
});

/** A pass field and the values of it that mean "yes". */
const flagFieldSchema = z.strictObject({
  /** The pass field, e.g. `key1`. */
  field: z.string().min(1),
  /**
   * The values that mean "yes" (compared as trimmed text, case-insensitively); when omitted,
   * any non-empty value other than `0`, `false`, `no` does.
   */
  values: z.array(z.string()).min(1).optional(),
});

/** How `bonuses.writeOff` is sent (UNCERTAIN: the API documents no write-off). */
const writeOffSchema = z.literal(['negative-accrual', 'set-balance']);

/** The polling source `passes`. */
const pollSchema = z.strictObject({
  /** Passes per page (`limit`; Teyca's maximum is UNCERTAIN). @defaultValue 100 */
  pageSize: z.number().int().min(1).max(1000).default(100),
  /**
   * The most list requests the source sends per day (UTC), out of the account's daily cap —
   * the rest is left to the actions. @defaultValue 1000
   */
  requestsPerDay: count.default(1000),
});

const fingerprintStoreSchema = z.custom<FingerprintStore>(
  (value) =>
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Partial<FingerprintStore>).get === 'function' &&
    typeof (value as Partial<FingerprintStore>).set === 'function',
  'expected an object with get and set',
);

const optionsSchema = z
  .object({
    /** The API's address. @defaultValue 'https://api.teyca.ru' */
    url: z.string().min(1).default('https://api.teyca.ru'),
    /**
     * The main authorization key (cabinet → Integration → API), sent as is in `Authorization`
     * (no `Bearer`). Never logged: redacted from every log line, error and event.
     */
    apiKey: z.string().min(8),
    /**
     * This installation's authorization token, sent in every URL path (`/v1/{token}/…`).
     * Never logged: redacted from every URL. One token per installation: Teyca blocks a token
     * used from a second one for good — replicas must not share a token.
     */
    token: z
      .string()
      .trim()
      .min(8)
      .regex(/^[^\s\p{Cc}]+$/u, 'must not contain whitespace or control characters'),
    /**
     * A stable id of this installation, given by the host (e.g. the deployment's name):
     * recorded with the token in `fingerprintStore`. Required with `fingerprintStore`.
     */
    installation: z.string().min(1).optional(),
    /**
     * The card layout (`template`, its name in the Teyca cabinet) a card is issued on when
     * `cards.create` is not told one — e.g. a card the loyalty sync issues for a new CRM
     * client. @defaultValue none (the input must name it; Teyca refuses a pass without one)
     */
    defaultTemplate: z.string().min(1).optional(),
    /**
     * Where the token's installation is recorded (`fileFingerprintStore(dir)`, or the host's
     * own): a second installation on the same token is refused with a `ConfigError` before
     * any request. @defaultValue none (no guard)
     */
    fingerprintStore: fingerprintStoreSchema.optional(),
    /** The country of numbers typed without a country code. @defaultValue 'UA' */
    defaultCountry: phoneCountrySchema.default('UA'),
    /** The account's time zone (UNCERTAIN: Teyca's dates carry none). @defaultValue 'Europe/Moscow' */
    timeZone: timeZoneSchema.default('Europe/Moscow'),
    /** The request limits, all counted at once. @defaultValue 5/s, 50/min, 500/h, 5,000/day */
    limits: limitsSchema.default({ perSecond: 5, perMinute: 50, perHour: 500, perDay: 5000 }),
    /** The first pause after a 429 without `Retry-After`, doubling per retry. @defaultValue 60000 */
    throttleDelayMs: z.number().int().min(1).default(60_000),
    /** Retries of a failed request before the outbox takes over. @defaultValue 4 */
    retries: z.number().int().min(0).max(10).default(4),
    /**
     * Where a holder's mailing consent is read on the pass (Teyca has no consent field; e.g.
     * `{ field: 'key1', values: ['confirmed'] }`). Without it, consent comes only from the
     * message's `mailingConsent`, and a message without it is refused. @defaultValue none
     */
    mailingConsent: flagFieldSchema.optional(),
    /**
     * Where "PUSH notifications allowed" is read on the pass (UNCERTAIN).
     * @defaultValue `{ field: 'o_s' }` — the card is installed on a device's wallet
     */
    pushAllowed: flagFieldSchema.default({ field: 'o_s' }),
    /**
     * How bonuses are written off: a negative accrual (keeps history) or a PUT of the new
     * balance (read first; loses history). UNCERTAIN which Teyca accepts.
     * @defaultValue 'negative-accrual'
     */
    bonusWriteOff: writeOffSchema.default('negative-accrual'),
    /** The polling source `passes`. @defaultValue 100 per page, 1,000 requests a day */
    poll: pollSchema.default({ pageSize: 100, requestsPerDay: 1000 }),
    /** Accept a loopback `http` URL: only for a simulator in tests and demos. @defaultValue false */
    allowLoopback: z.boolean().default(false),
  })
  .superRefine((options, context) => {
    refineAccountUrl(context, options.url, {
      path: 'url',
      label: 'API',
      allowLoopback: options.allowLoopback,
    });
    if (options.fingerprintStore && options.installation === undefined) {
      context.addIssue({
        code: 'custom',
        path: ['installation'],
        message: 'is required with fingerprintStore: a stable id of this installation',
      });
    }
  })
  .transform((options): typeof options & Derived => ({
    ...options,
    origin: accountOrigin(options.url, { allowLoopback: options.allowLoopback }),
  }));

/** What the options schema adds. */
interface Derived {
  /** The API's origin, e.g. `https://api.teyca.ru`. */
  readonly origin: string;
}

/**
 * Options of the Teyca connector, as given to `teyca()`: validated at once, a bad one throws a
 * `ConfigError` naming it (never echoing the key or the token).
 * @interface
 */
export type TeycaOptions = z.input<typeof optionsSchema>;

/**
 * Options of the Teyca connector, validated, with defaults and the API's origin.
 * @inline
 */
export interface TeycaConfig extends z.output<typeof optionsSchema> {}

/**
 * The options' schema, typed by what it takes ({@link TeycaOptions}) and gives
 * ({@link TeycaConfig}).
 */
export const teycaOptionsSchema: z.ZodType<TeycaConfig, TeycaOptions> = optionsSchema;
