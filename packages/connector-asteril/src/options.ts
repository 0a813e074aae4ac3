import { phoneCountrySchema, timeZoneSchema } from '@crossline/core/model';
import { checkAccountUrl } from '@crossline/core/sdk';
import { z } from 'zod';
import { type AsterilContract, defaultAsterilContract } from './contract.js';

/** The integration's behaviour, as the CRM side sets it up. */
export const behaviourSchema = z.strictObject({
  /** Create a Client after a call from a new number. @defaultValue true */
  createClient: z.boolean().default(true),
  /** Create a "missed call" Task for a missed incoming call. @defaultValue true */
  createTask: z.boolean().default(true),
  /** Which calls go to the CRM. @defaultValue 'both' */
  directions: z.literal(['incoming', 'both']).default('both'),
  /** Write UTM tags into the Client's text fields. @defaultValue true */
  passUtm: z.boolean().default(true),
});

/** Where UTM tags go by default: the Client's text fields of the same name. */
export const defaultFieldMap: Readonly<Record<string, string>> = {
  'utm.source': 'utm_source',
  'utm.medium': 'utm_medium',
  'utm.campaign': 'utm_campaign',
  'utm.term': 'utm_term',
  'utm.content': 'utm_content',
};

const contractPath = z.string().startsWith('/').optional();

const contractSchema = z.strictObject({
  /** The API's path. */
  basePath: z.string().startsWith('/').optional(),
  /** Paths below it. */
  paths: z
    .strictObject({
      /** The key's user. */
      me: contractPath,
      /** Clients. */
      clients: contractPath,
      /** The clients' fields. */
      clientFields: contractPath,
      /** Calls. */
      calls: contractPath,
      /** Tasks. */
      tasks: contractPath,
    })
    .optional(),
  /** The missed-call task type. */
  missedCallTaskType: z.string().min(1).optional(),
  /** Items per page. */
  perPage: z.number().int().min(1).max(100).optional(),
});

/** Options of the Asteril connector. */
export const asterilOptionsSchema = z
  .object({
    /** The CRM cabinet's address, e.g. `https://my-shop.asteril.ua` (each customer has its own). */
    url: z.string().min(1),
    /** The API key (v3, admin level, issued by Asteril's support). Never logged. */
    apiKey: z.string().min(8),
    /** The account's time zone, for task due dates. @defaultValue 'Europe/Kyiv' */
    timeZone: timeZoneSchema.default('Europe/Kyiv'),
    /** The country of numbers stored without a country code. @defaultValue 'UA' */
    defaultCountry: phoneCountrySchema.default('UA'),
    /** Requests per second per key (UNCERTAIN: the vendor publishes none). @defaultValue 5 */
    rateLimit: z.number().positive().default(5),
    /** The integration's behaviour. */
    behaviour: behaviourSchema.default({
      createClient: true,
      createTask: true,
      directions: 'both',
      passUtm: true,
    }),
    /**
     * Canonical path → Client text field code, merged over {@link defaultFieldMap}; `null`
     * removes a default. E.g. `{ 'customFields.landing': 'landing_page' }`.
     */
    fieldMap: z.record(z.string(), z.string().min(1).nullable()).default({}),
    /**
     * How many forms of a number a look-up searches (Asteril matches numbers exactly as
     * stored). @defaultValue all of them (16 for a Ukrainian mobile)
     */
    lookupVariants: z.number().int().min(1).max(20).optional(),
    /** Overrides of the assumed API contract (UNCERTAIN): paths, task type, page size. */
    contract: contractSchema.default({}),
    /** Self-hosted hosts are accepted as they are; this is only for a loopback simulator. */
    allowLoopback: z.boolean().default(false),
    /** Retries of a failed request before the outbox takes over. @defaultValue 4 */
    retries: z.number().int().min(0).max(10).default(4),
  })
  .superRefine((options, context) => {
    const account = checkAccountUrl(options.url, { allowLoopback: options.allowLoopback });
    if ('problem' in account) {
      context.addIssue({
        code: 'custom',
        path: ['url'],
        message: `cabinet URL ${account.problem}`,
      });
    }
  })
  .transform((options): typeof options & AsterilDerived => {
    const { contract } = options;
    return {
      ...options,
      origin: (checkAccountUrl(options.url, options) as { origin: string }).origin,
      api: {
        ...defaultAsterilContract,
        ...(contract.basePath ? { basePath: contract.basePath } : {}),
        ...(contract.missedCallTaskType ? { missedCallTaskType: contract.missedCallTaskType } : {}),
        ...(contract.perPage ? { perPage: contract.perPage } : {}),
        paths: { ...defaultAsterilContract.paths, ...definedOnly(contract.paths ?? {}) },
      },
    };
  });

function definedOnly(paths: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(paths).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

/** What the options schema adds: the cabinet's origin and the contract in force. */
export interface AsterilDerived {
  /** The cabinet's origin, e.g. `https://my-shop.asteril.ua`. */
  readonly origin: string;
  /** The API contract: the defaults with the host's overrides. */
  readonly api: AsterilContract;
}

/** Options of the Asteril connector, as given. */
export type AsterilOptions = z.input<typeof asterilOptionsSchema>;
/** Options of the Asteril connector, validated, with defaults. */
export type AsterilConfig = z.output<typeof asterilOptionsSchema>;
