import { lenient, lenientEnum } from '@crossline/core/sdk';
import { z } from 'zod';

// retailCRM's answers, read tolerantly: every schema goes through `lenient()` (the CRM answers
// `null` for empty fields: null counts as absent), enumerations keep values the CRM adds later
// (`lenientEnum`), and answers are never `.strict()`. This file: what every answer shares;
// wire-crm.ts: customers, users, tasks, orders; wire-telephony.ts: telephony and the module;
// wire-requests.ts: what is sent.

/** The success flag every answer carries. */
export const successField = {
  /** Always `true`: a failure answers `success: false` and becomes an error. */
  success: z.literal(true),
};

/** A page's position in a list answer. */
export const paginationSchema = lenient(
  z.object({
    /** Items per page. */
    limit: z.number(),
    /** Items in the whole list. */
    totalCount: z.number(),
    /** This page, from 1. */
    currentPage: z.number(),
    /** Pages in the whole list. */
    totalPageCount: z.number(),
  }),
);

/** A list answer's pagination. */
export type Pagination = z.output<typeof paginationSchema>;

/** A list answer whose entities are under `key`; `null` anywhere in it counts as absent. */
export function listSchema<Item extends z.ZodType, Key extends string>(key: Key, item: Item) {
  return lenient(
    z.object({
      ...successField,
      /** The page. */
      pagination: paginationSchema,
      ...({ [key]: z.array(item) } as Record<Key, z.ZodArray<Item>>),
    }),
  );
}

/** A page of a list answer: the page, and its entities under `Key`. */
export type ListAnswer<Key extends string, Item> = {
  /** Always `true`. */
  readonly success: true;
  /** The page. */
  readonly pagination: Pagination;
} & { readonly [K in Key]: Item[] };

/** A record with an id. */
export const idRefSchema = lenient(
  z.looseObject({
    /** The id. */
    id: z.number(),
  }),
);

/** An answer that created or edited something: `{ success, id }`. */
export const createdSchema = lenient(
  z.looseObject({
    ...successField,
    /** The record's id. */
    id: z.number(),
  }),
);

/** What a create or edit answers. */
export type CreatedAnswer = z.output<typeof createdSchema>;

/** An answer with nothing but success. */
export const successSchema = lenient(z.looseObject({ ...successField }));

/** An answer with nothing but success. */
export type SuccessAnswer = z.output<typeof successSchema>;

/** `GET /api/credentials`: what the key may call. */
export const credentialsResponseSchema = lenient(
  z.object({
    ...successField,
    /** Scope names, e.g. `customer_write`. */
    scopes: z.array(z.string()).default([]),
    /** Allowed methods as unversioned paths, e.g. `/api/customers/create`. */
    credentials: z.array(z.string()).default([]),
    /** `access_full` or `access_selective`. */
    siteAccess: lenientEnum(['access_full', 'access_selective']).optional(),
    /** The shops the key may see. */
    sitesAvailable: z.array(z.string()).default([]),
  }),
);

/** What `GET /api/credentials` answers. */
export type CredentialsAnswer = z.output<typeof credentialsResponseSchema>;

/** UTM data as the CRM keeps it (`source` of customers, orders and calls). */
const sourceSchema = lenient(
  z.object({
    /** `utm_source`. */
    source: z.string().optional(),
    /** `utm_medium`. */
    medium: z.string().optional(),
    /** `utm_campaign`. */
    campaign: z.string().optional(),
    /** `utm_term`. */
    keyword: z.string().optional(),
    /** `utm_content`. */
    content: z.string().optional(),
  }),
);

/** UTM data as the CRM keeps it. */
export type RetailcrmSource = z.output<typeof sourceSchema>;

/** A status group of orders. */
const statusGroupSchema = lenient(
  z.looseObject({
    /** The group's name. */
    name: z.string(),
    /** Its status codes. */
    statuses: z.array(z.string()).default([]),
  }),
);

/** `GET /reference/status-groups`: an object keyed by group code, not an array. */
export const statusGroupsResponseSchema = lenient(
  z.object({
    ...successField,
    /** Groups by code. */
    statusGroups: z.record(z.string(), statusGroupSchema),
  }),
);

/** What `GET /reference/status-groups` answers. */
export type StatusGroupsAnswer = z.output<typeof statusGroupsResponseSchema>;
