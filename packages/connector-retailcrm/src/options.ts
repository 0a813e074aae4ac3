import { phoneCountrySchema, timeZoneSchema } from '@crossline/core/model';
import { z } from 'zod';
import { normalizePortalUrl } from './lib/portal.js';

/** A host employee linked to a CRM user (an active member of the Managers group). */
const employeeLinkSchema = z.strictObject({
  /** The host's id of the employee (a call's `employee.id`). */
  employeeId: z.string().min(1),
  /** The CRM user's id. */
  userId: z.number().int().positive(),
  /** The user's extension code in the telephony module (`additionalCodes`). */
  code: z.string().min(1).optional(),
  /**
   * The senior manager: gets every call and task that can't be routed to someone else.
   * @defaultValue false
   */
  senior: z.boolean().optional(),
});

/** A host employee linked to a CRM user. */
export type EmployeeLink = z.output<typeof employeeLinkSchema>;

/** How the telephony integration module shows in the CRM. */
const moduleSettingsSchema = z.strictObject({
  /** The name in the CRM's marketplace list. @defaultValue 'crossline' */
  name: z.string().min(1).default('crossline'),
  /** An SVG logo URL. */
  logo: z.url().optional(),
  /** The host's base URL, shown with the module. */
  baseUrl: z.url().optional(),
  /** The host's settings page for this account. */
  accountUrl: z.url().optional(),
  /** Where the CRM sends click-to-call requests (a GET with `clientId`, `code`, `phone`). */
  makeCallUrl: z.url().optional(),
  /** Where the CRM sends users' status changes. */
  changeUserStatusUrl: z.url().optional(),
  /** The id the CRM sends back with those requests, so the host knows the account. */
  clientId: z.string().min(1).optional(),
  /** The host's tracking numbers per shop, shown in the CRM. @defaultValue `[]` */
  externalPhones: z
    .array(
      z.strictObject({
        /** The shop code. */
        siteCode: z.string().min(1),
        /** The number, as the CRM should show it. */
        externalPhone: z.string().min(1),
      }),
    )
    .default([]),
});

/** What the options schema adds: the portal's origin and the module code. */
interface PortalDerived {
  /** The portal's origin, e.g. `https://shop.retailcrm.ru`; the API is under `/api`. */
  readonly origin: string;
  /** The module's code, given or `<integrationCode>-<site>`. */
  readonly moduleCode: string;
}

/** Options of the retailCRM connector: see {@link retailcrmOptionsSchema}. */
const optionsSchema = z
  .object({
    /** The portal address, e.g. `https://my-shop.retailcrm.ru`. */
    url: z.string().min(1),
    /** The API key (Settings → Integration → API keys). Never logged. */
    apiKey: z.string().min(8),
    /** The shop's text code (`site`). */
    site: z.string().min(1),
    /** The portal admin's e-mail: the CRM user who gets tasks when no manager is linked. */
    adminEmail: z.email(),
    /** The integration code; the module code must start with it. @defaultValue 'crossline' */
    integrationCode: z.string().min(1).default('crossline'),
    /** The module's code in this CRM. @defaultValue `<integrationCode>-<site>` */
    moduleCode: z.string().min(1).optional(),
    /**
     * How the module shows in the CRM.
     * @defaultValue `{ name: 'crossline', externalPhones: [] }`
     */
    module: moduleSettingsSchema.default({ name: 'crossline', externalPhones: [] }),
    /** The account's time zone: dates are sent in it (UNCERTAIN). @defaultValue 'Europe/Kyiv' */
    timeZone: timeZoneSchema.default('Europe/Kyiv'),
    /** The country of numbers written without a country code. @defaultValue 'UA' */
    defaultCountry: phoneCountrySchema.default('UA'),
    /**
     * How many forms of a number a customer search tries (`380…`, `+380…`, `0…`).
     * @defaultValue 3
     */
    lookupVariants: z.number().int().min(1).max(16).default(3),
    /** Requests per second per key. @defaultValue `{ general: 10, telephony: 40 }` */
    rateLimits: z
      .strictObject({
        /** Every route but telephony. @defaultValue 10 */
        general: z.number().positive().default(10),
        /** `/telephony/*`. @defaultValue 40 */
        telephony: z.number().positive().default(40),
      })
      .default({ general: 10, telephony: 40 }),
    /** Host employees linked to CRM users; at most one is the senior manager. @defaultValue `[]` */
    employees: z.array(employeeLinkSchema).default([]),
    /**
     * Where a contact's custom fields, UTM tags and extra call parameters go: canonical path →
     * customer path, e.g. `{ 'customFields.landing': 'customFields.landing_page' }`. Fields not
     * in the map are not sent (a custom field the CRM does not have would fail the request).
     * @defaultValue `{}`
     */
    customFields: z.record(z.string(), z.string()).default({}),
    /** The order method code of orders created for calls, e.g. `phone`. */
    orderMethod: z.string().min(1).optional(),
    /** Self-hosted ("box") portal hosts to accept. @defaultValue `[]` */
    customDomains: z.array(z.string().min(1)).default([]),
    /**
     * Accept a loopback `http` portal: only for the simulator in tests and demos.
     * @defaultValue false
     */
    allowLoopback: z.boolean().default(false),
    /** Call pop-ups older than this are skipped (a replay after an outage). @defaultValue 120 */
    popupMaxAgeSec: z.number().int().positive().default(120),
    /** The `contacts` source (new customers from `GET /customers/history`). */
    contactsSource: z
      .strictObject({
        /**
         * Where a source without a cursor starts: `'now'` (the feed's last entry when it is first
         * read: no backfill) or `'beginning'` (every customer the feed holds).
         * @defaultValue 'now'
         */
        start: z.enum(['now', 'beginning']).default('now'),
      })
      .default({ start: 'now' }),
    /** Retries of a failed request before the outbox takes over. @defaultValue 4 */
    retries: z.number().int().min(0).max(10).default(4),
  })
  .superRefine((options, context) => {
    const portal = normalizePortalUrl(options.url, options);
    if ('problem' in portal) {
      context.addIssue({ code: 'custom', path: ['url'], message: `portal URL ${portal.problem}` });
    }
    if (options.module.makeCallUrl && !options.module.clientId) {
      context.addIssue({
        code: 'custom',
        path: ['module', 'clientId'],
        message:
          'required with makeCallUrl: it tells the host which account a click-to-call is for',
      });
    }
    const code = options.moduleCode;
    if (code !== undefined && !code.startsWith(options.integrationCode)) {
      context.addIssue({
        code: 'custom',
        path: ['moduleCode'],
        message: 'must start with integrationCode (the CRM refuses it otherwise)',
      });
    }
    if (options.employees.filter((link) => link.senior).length > 1) {
      context.addIssue({ code: 'custom', path: ['employees'], message: 'more than one senior' });
    }
    const ids = options.employees.map((link) => link.employeeId);
    if (new Set(ids).size !== ids.length) {
      context.addIssue({ code: 'custom', path: ['employees'], message: 'an employee twice' });
    }
  })
  .transform((options): Omit<typeof options, 'moduleCode'> & PortalDerived => ({
    ...options,
    origin: (normalizePortalUrl(options.url, options) as { origin: string }).origin,
    moduleCode: options.moduleCode ?? `${options.integrationCode}-${options.site}`,
  }));

/**
 * Options of the retailCRM connector, as given to {@link retailcrm}: validated at once, a bad one
 * throws a `ConfigError` naming it (never echoing the key).
 * @interface
 */
export type RetailcrmOptions = z.input<typeof optionsSchema>;
/**
 * Options of the retailCRM connector, validated, with defaults and the portal's origin.
 * @inline
 */
export interface RetailcrmConfig extends z.output<typeof optionsSchema> {}

/**
 * The options' schema, typed by what it takes ({@link RetailcrmOptions}) and gives
 * ({@link RetailcrmConfig}): unknown nested keys are refused, the portal URL is checked, the
 * module code and the senior manager are cross-checked, and the portal's origin is derived.
 */
export const retailcrmOptionsSchema: z.ZodType<RetailcrmConfig, RetailcrmOptions> = optionsSchema;
