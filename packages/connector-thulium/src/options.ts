import { timeZoneSchema } from '@crossline/core/model';
import { accountOrigin, refineAccountUrl } from '@crossline/core/sdk';
import { z } from 'zod';

/** A queue or category: its id, or its exact name (looked up in the account's list). */
const dictionaryRef = z.union([z.number().int().positive(), z.string().trim().min(1)]);

/** How messages written on the host's side are marked in the ticket, per author. */
const authorLabelsSchema = z.strictObject({
  /** The shop's messages from the marketplace. @defaultValue 'Shop' */
  shop: z.string().min(1).default('Shop'),
  /** A marketplace operator's messages. @defaultValue 'Marketplace operator' */
  operator: z.string().min(1).default('Marketplace operator'),
  /** Automatic replies the host sent (e.g. an acknowledgement). @defaultValue 'Automatic reply' */
  agent: z.string().min(1).default('Automatic reply'),
});

/**
 * Ticket custom fields (by their names in the panel) the connector writes; `null` leaves a value
 * out of the fields and puts it into an internal comment instead. The names are the account's
 * own, so each is an option.
 */
const ticketFieldsSchema = z.strictObject({
  /** The origin's conversation id (the link back). @defaultValue 'Empik thread' */
  conversationId: z.string().min(1).nullable().default('Empik thread'),
  /** The order number. @defaultValue 'Order number' */
  orderNumber: z.string().min(1).nullable().default('Order number'),
  /** The link to the order. @defaultValue 'Order link' */
  orderUrl: z.string().min(1).nullable().default('Order link'),
  /** The link to the conversation. @defaultValue 'Conversation link' */
  conversationUrl: z.string().min(1).nullable().default('Conversation link'),
  /** The origin's customer id, on a ticket bound to no CRM customer. @defaultValue 'Empik customer' */
  customerId: z.string().min(1).nullable().default('Empik customer'),
});

/** Paths of the endpoints the fact sheet knows only from third-party code (SECONDARY). */
const pathsSchema = z.strictObject({
  /** Ticket queues. @defaultValue '/ticket_queues' */
  queues: z.string().startsWith('/').default('/ticket_queues'),
  /** Ticket categories. @defaultValue '/ticket_categories' */
  categories: z.string().startsWith('/').default('/ticket_categories'),
});

/** How the `agentReplies` source polls. */
const pollSchema = z.strictObject({
  /** How far each poll reaches back before its cursor, ms. @defaultValue 600000 (10 min) */
  overlapMs: z.number().int().min(0).default(600_000),
  /** Tickets per page (Thulium's maximum is 100). @defaultValue 100 */
  pageSize: z.number().int().min(1).max(100).default(100),
  /**
   * Replies written before this moment (ISO 8601) are never yielded — e.g. when the integration
   * was enabled. @defaultValue none: the first poll starts `overlapMs` before it runs
   */
  since: z.iso.datetime({ offset: true }).optional(),
});

const optionsSchema = z
  .object({
    /**
     * The account's origin, e.g. `https://acme.thulium.com`; `/api` is appended (older accounts
     * live on other hosts, so the whole origin is an option).
     */
    url: z.string().min(1),
    /** The API user's login (Administration → Users → API users). */
    user: z.string().trim().min(1),
    /** The API user's password, sent with the login as HTTP Basic. Never logged. */
    password: z.string().min(1),
    /** The customer custom field (type text) holding the origin's customer id, by its name. */
    customerField: z.string().trim().min(1),
    /** The ticket queue tickets go to: its id or exact name. */
    queue: dictionaryRef,
    /** The ticket category: its id or exact name. */
    category: dictionaryRef,
    /** The mailbox address tickets are created for (`to`, which Thulium requires). */
    mailbox: z.email(),
    /**
     * The agent login the connector writes host-side messages as (`agent_response` requires
     * one); replies by this login are never yielded by `agentReplies` — use a dedicated agent.
     */
    agentLogin: z.string().trim().min(1),
    /**
     * Text that marks a reply as the connector's own (UNCERTAIN whether Thulium keeps it
     * verbatim): a reply containing it is never yielded. @defaultValue none
     */
    ownReplyMarker: z.string().min(1).optional(),
    /** The ticket `source` (UNCERTAIN whether values beyond the documented ones are accepted). @defaultValue 'www' */
    source: z.string().min(1).default('www'),
    /** Tags every created ticket gets, so the origin's tickets can be filtered. @defaultValue ['EmpikPlace'] */
    tags: z.array(z.string().min(1)).default(['EmpikPlace']),
    /** Surname of a customer created without one (Thulium requires it). @defaultValue 'Customer' */
    surnamePlaceholder: z.string().min(1).default('Customer'),
    /**
     * Where host-side messages go: `agentResponse` (a REPLY by `agentLogin`; UNCERTAIN whether
     * Thulium also e-mails it) or `comment` (an internal comment). @defaultValue 'agentResponse'
     */
    authoredMessages: z.literal(['agentResponse', 'comment']).default('agentResponse'),
    /** The marks of host-side messages, by author. @defaultValue Shop, Marketplace operator, Automatic reply */
    authorLabels: authorLabelsSchema.default({
      shop: 'Shop',
      operator: 'Marketplace operator',
      agent: 'Automatic reply',
    }),
    /** Ticket custom fields by name. @defaultValue see each field */
    ticketFields: ticketFieldsSchema.default({
      conversationId: 'Empik thread',
      orderNumber: 'Order number',
      orderUrl: 'Order link',
      conversationUrl: 'Conversation link',
      customerId: 'Empik customer',
    }),
    /** The body field of `POST /tickets/:id/comment` (UNCERTAIN). @defaultValue 'comment' */
    commentField: z.string().min(1).default('comment'),
    /** Paths of the dictionary endpoints (SECONDARY). @defaultValue the third-party client's */
    paths: pathsSchema.default({ queues: '/ticket_queues', categories: '/ticket_categories' }),
    /** The API's path on the origin. @defaultValue '/api' */
    apiPath: z.string().startsWith('/').default('/api'),
    /** Time zone of the API's dates (UNCERTAIN: the account's local time). @defaultValue 'Europe/Warsaw' */
    timeZone: timeZoneSchema.default('Europe/Warsaw'),
    /** `Accept-Language` of error messages (`en` or `pl`). @defaultValue 'en' */
    language: z.string().min(2).default('en'),
    /** The `agentReplies` poll. @defaultValue 10 minutes of overlap, 100 tickets a page */
    poll: pollSchema.default({ overlapMs: 600_000, pageSize: 100 }),
    /** Customers read per look-up (Thulium's maximum is 1000). @defaultValue 100 */
    customerPageSize: z.number().int().min(1).max(1000).default(100),
    /** Requests per second (UNCERTAIN: Thulium documents no limit). @defaultValue 5 */
    rateLimit: z.number().positive().default(5),
    /** Retries of a failed request before the outbox takes over. @defaultValue 4 */
    retries: z.number().int().min(0).max(10).default(4),
    /** Accept a loopback `http` URL: only for a simulator in tests and demos. @defaultValue false */
    allowLoopback: z.boolean().default(false),
  })
  .superRefine((options, context) => {
    refineAccountUrl(context, options.url, {
      path: 'url',
      label: 'account',
      allowLoopback: options.allowLoopback,
    });
  })
  .transform((options): typeof options & Derived => ({
    ...options,
    origin: accountOrigin(options.url, { allowLoopback: options.allowLoopback }),
  }));

/** What the options schema adds. */
interface Derived {
  /** The account's origin, e.g. `https://acme.thulium.com`. */
  readonly origin: string;
}

/**
 * Options of the Thulium connector, as given to `thulium()`: validated at once, a bad one
 * throws a `ConfigError` naming it (never echoing the password).
 * @interface
 */
export type ThuliumOptions = z.input<typeof optionsSchema>;

/**
 * Options of the Thulium connector, validated, with defaults and the account's origin.
 * @inline
 */
export interface ThuliumConfig extends z.output<typeof optionsSchema> {}

/**
 * The options' schema, typed by what it takes ({@link ThuliumOptions}) and gives
 * ({@link ThuliumConfig}): unknown nested keys are refused, the account URL is checked.
 */
export const thuliumOptionsSchema: z.ZodType<ThuliumConfig, ThuliumOptions> = optionsSchema;
