import { dateTimeSchema, defaultAttachmentLimitBytes, timeZoneSchema } from '@crossline/core/model';
import { accountOrigin, refineAccountUrl } from '@crossline/core/sdk';
import { z } from 'zod';

/** The production host of the EmpikPlace seller panel and API. */
export const defaultBaseUrl = 'https://marketplace.empik.com';

/** How the `threads` source reads conversations. */
const threadsSchema = z.strictObject({
  /**
   * When the integration was switched on, ISO 8601: only conversations with a customer message
   * posted at or after it are read, and only messages posted at or after it are emitted (no
   * historical backfill). Store it with the host's settings when the integration is enabled.
   * @defaultValue the first read's time, kept in the cursor from the first message on
   */
  enabledAt: dateTimeSchema.optional(),
  /**
   * How far before the cursor each poll reads again (M11 `updated_since`), so a thread
   * committed late is not missed; messages read twice are dropped by the outbox.
   * @defaultValue 120000 (2 minutes)
   */
  overlapMs: z.number().int().min(0).max(86_400_000).default(120_000),
  /** Threads per page of M11 (UNCERTAIN: the maximum is not published). @defaultValue 50 */
  pageSize: z.number().int().min(1).max(100).default(50),
  /**
   * M11's `entity_type` filter, e.g. `MMP_ORDER` (product orders) only. @defaultValue every type
   */
  entityType: z.string().min(1).optional(),
  /**
   * Send the filters again with `page_token` (UNCERTAIN: one client sends only the token and
   * `shop_id`, the safe choice). @defaultValue false
   */
  repeatFiltersWithPageToken: z.boolean().default(false),
});

/** The marketplace's limits on a reply. */
const repliesSchema = z.strictObject({
  /**
   * The most attachment bytes one conversation may carry, those already in it plus the new
   * ones (UNCERTAIN: "10 MB" is not defined more precisely). @defaultValue 10485760 (10 MiB)
   */
  attachmentLimitBytes: z.number().int().positive().default(defaultAttachmentLimitBytes),
  /** The most attachments one conversation may carry (Mirakl: 50 per entity). @defaultValue 50 */
  maxAttachments: z.number().int().min(0).max(50).default(50),
  /** A footer added to every reply, after a blank line (plain text). @defaultValue none */
  footer: z.string().optional(),
  /** The fewest characters a reply's text may have (Mirakl M12: 3). @defaultValue 3 */
  minLength: z.number().int().min(1).default(3),
  /** The most characters a reply's text may have (Mirakl M12: 50 000). @defaultValue 50000 */
  maxLength: z.number().int().min(3).max(50_000).default(50_000),
});

/** Links into the seller panel: `{baseUrl}`, `{orderId}` and `{threadId}` are filled in. */
const linksSchema = z.strictObject({
  /** The order in the seller panel (UNCERTAIN). @defaultValue '{baseUrl}/mmp/shop/order/{orderId}' */
  order: z.string().min(1).default('{baseUrl}/mmp/shop/order/{orderId}'),
  /**
   * The conversation in the seller panel's inbox (UNCERTAIN).
   * @defaultValue '{baseUrl}/mmp/shop/inbox?threadId={threadId}'
   */
  conversation: z.string().min(1).default('{baseUrl}/mmp/shop/inbox?threadId={threadId}'),
});

const optionsSchema = z
  .object({
    /** The shop's API key (seller panel → Profile → "Klucz API"), sent raw in `Authorization`. */
    apiKey: z.string().min(8),
    /**
     * The shop id (`shop_id` on every request): needed when the key's user has several shops;
     * `verify()` checks it. @defaultValue the key user's default shop
     */
    shopId: z.union([z.number().int().positive(), z.string().regex(/^\d+$/)]).optional(),
    /** The panel and API host; the API is under `/api`. @defaultValue 'https://marketplace.empik.com' */
    baseUrl: z.string().min(1).default(defaultBaseUrl),
    /** The shop's time zone: the Hub counts replay days in it. @defaultValue 'Europe/Warsaw' */
    timeZone: timeZoneSchema.default('Europe/Warsaw'),
    /**
     * Requests per second per key (UNCERTAIN: Mirakl publishes no number, only "synchronous
     * use"; 429 answers with `Retry-After` are honoured whatever this says). @defaultValue 2
     */
    rateLimit: z.number().positive().max(50).default(2),
    /** Retries of a failed request before the outbox takes over. @defaultValue 4 */
    retries: z.number().int().min(0).max(10).default(4),
    /** How the `threads` source reads. @defaultValue see each field */
    threads: threadsSchema.default({
      overlapMs: 120_000,
      pageSize: 50,
      repeatFiltersWithPageToken: false,
    }),
    /** Reply limits and footer. @defaultValue see each field */
    replies: repliesSchema.default({
      attachmentLimitBytes: defaultAttachmentLimitBytes,
      maxAttachments: 50,
      minLength: 3,
      maxLength: 50_000,
    }),
    /** Links into the seller panel. @defaultValue see each field */
    links: linksSchema.default({
      order: '{baseUrl}/mmp/shop/order/{orderId}',
      conversation: '{baseUrl}/mmp/shop/inbox?threadId={threadId}',
    }),
    /** Accept a loopback `http` base URL: only for the simulator in tests. @defaultValue false */
    allowLoopback: z.boolean().default(false),
  })
  .superRefine((options, context) => {
    refineAccountUrl(context, options.baseUrl, {
      path: 'baseUrl',
      allowLoopback: options.allowLoopback,
    });
    if (options.replies.minLength > options.replies.maxLength) {
      context.addIssue({
        code: 'custom',
        path: ['replies', 'minLength'],
        message: 'must not exceed replies.maxLength',
      });
    }
  })
  .transform((options): Omit<typeof options, 'shopId'> & Derived => ({
    ...options,
    shopId: options.shopId === undefined ? undefined : String(options.shopId),
    origin: accountOrigin(options.baseUrl, { allowLoopback: options.allowLoopback }),
  }));

/** What the options schema derives: the shop id as digits and the panel's origin. */
interface Derived {
  /** The shop id, as digits, sent as `shop_id`; absent: the key user's default shop. */
  readonly shopId: string | undefined;
  /** The panel's origin, e.g. `https://marketplace.empik.com`; the API is under `/api`. */
  readonly origin: string;
}

/**
 * Options of the EmpikPlace connector, as given to `empikplace()`: validated at once, a bad one
 * throws a `ConfigError` naming it (never echoing the key).
 * @interface
 */
export type EmpikplaceOptions = z.input<typeof optionsSchema>;

/**
 * Options of the EmpikPlace connector, validated, with defaults, the shop id as digits and the
 * panel's origin (`connector.config`).
 * @inline
 */
export interface EmpikplaceConfig extends z.output<typeof optionsSchema> {}

/**
 * The options' schema, validated once, at construction: a bad option throws a `ConfigError`
 * naming it (never echoing its value), an unknown key (a typo) is refused.
 */
export const empikplaceOptionsSchema: z.ZodType<EmpikplaceConfig, EmpikplaceOptions> =
  optionsSchema;

/** A seller-panel link from its template. */
export function panelLink(template: string, config: EmpikplaceConfig, ids: Record<string, string>) {
  let link = template.replaceAll('{baseUrl}', config.origin);
  for (const [name, value] of Object.entries(ids))
    link = link.replaceAll(`{${name}}`, encodeURIComponent(value));
  return link;
}
