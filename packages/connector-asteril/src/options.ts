import { phoneCountrySchema, timeZoneSchema } from '@crossline/core/model';
import { accountOrigin, refineAccountUrl } from '@crossline/core/sdk';
import { z } from 'zod';
import { type AsterilContract, defaultAsterilContract } from './contract.js';

/** The integration's behaviour, as the CRM side sets it up. */
const behaviourSchema = z.strictObject({
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

/** Overrides of the assumed API ({@link AsterilContract}): each part given replaces its default. */
const contractSchema = z.strictObject({
  /** The API's path on the cabinet's domain. @defaultValue '/api/v3' */
  basePath: z.string().startsWith('/').optional(),
  /** Paths below `basePath`; another name is refused. */
  paths: z
    .strictObject({
      /** The key's user. @defaultValue '/me' */
      me: contractPath,
      /** Clients. @defaultValue '/clients' */
      clients: contractPath,
      /** The clients' fields. @defaultValue '/client-fields' */
      clientFields: contractPath,
      /** Calls. @defaultValue '/calls' */
      calls: contractPath,
      /** Tasks. @defaultValue '/tasks' */
      tasks: contractPath,
    })
    .optional(),
  /** The `type` of a missed-call task. @defaultValue 'missed_call' */
  missedCallTaskType: z.string().min(1).optional(),
  /** Items per page of a list (1–100). @defaultValue 100 */
  perPage: z.number().int().min(1).max(100).optional(),
});

const optionsSchema = z
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
    /** The integration's behaviour. @defaultValue all on, `directions: 'both'` */
    behaviour: behaviourSchema.default({
      createClient: true,
      createTask: true,
      directions: 'both',
      passUtm: true,
    }),
    /**
     * Canonical path → Client text field code, over the defaults (`utm.source` → `utm_source`
     * … `utm.content` → `utm_content`); `null` removes a default. The call's extra parameters are `customFields.<name>`, e.g.
     * `{ 'customFields.landing': 'landing_page' }`. @defaultValue `{}`
     */
    fieldMap: z.record(z.string(), z.string().min(1).nullable()).default({}),
    /**
     * How many forms of a number a look-up searches (Asteril matches numbers exactly as
     * stored). @defaultValue all of them (16 for a Ukrainian mobile)
     */
    lookupVariants: z.number().int().min(1).max(20).optional(),
    /**
     * Overrides of the assumed API contract (UNCERTAIN: no public reference exists): base path,
     * paths, the missed-call task type, the page size — see {@link AsterilContract}.
     * @defaultValue `{}` (the contract of the vendor fact sheet)
     */
    contract: contractSchema.default({}),
    /**
     * Accept a loopback `http` cabinet: only for the simulator in tests and demos (any other
     * domain is accepted as it is). @defaultValue false
     */
    allowLoopback: z.boolean().default(false),
    /** Retries of a failed request before the outbox takes over. @defaultValue 4 */
    retries: z.number().int().min(0).max(10).default(4),
  })
  .superRefine((options, context) => {
    refineAccountUrl(context, options.url, {
      path: 'url',
      label: 'cabinet',
      allowLoopback: options.allowLoopback,
    });
  })
  .transform((options): typeof options & Derived => {
    const { contract } = options;
    return {
      ...options,
      origin: accountOrigin(options.url, { allowLoopback: options.allowLoopback }),
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
interface Derived {
  /** The cabinet's origin, e.g. `https://my-shop.asteril.ua`. */
  readonly origin: string;
  /** The API contract: the defaults with the host's overrides. */
  readonly api: AsterilContract;
}

/**
 * Options of the Asteril connector, as given to `asteril()`: validated at once, a bad one throws
 * a `ConfigError` naming it (never echoing the key).
 * @interface
 */
export type AsterilOptions = z.input<typeof optionsSchema>;
/**
 * Options of the Asteril connector, validated, with defaults, the cabinet's origin and the API
 * contract in force.
 * @inline
 */
export interface AsterilConfig extends z.output<typeof optionsSchema> {}

/**
 * The options' schema, typed by what it takes ({@link AsterilOptions}) and gives
 * ({@link AsterilConfig}): unknown nested keys are refused, the cabinet URL is checked, and the
 * origin and the contract in force are derived.
 */
export const asterilOptionsSchema: z.ZodType<AsterilConfig, AsterilOptions> = optionsSchema;
