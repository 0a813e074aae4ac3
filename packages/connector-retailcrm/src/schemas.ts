import { z } from 'zod';

/** A page's position in a list answer. */
export const paginationSchema = z.object({
  /** Items per page. */
  limit: z.number(),
  /** Items in the whole list. */
  totalCount: z.number(),
  /** This page, from 1. */
  currentPage: z.number(),
  /** Pages in the whole list. */
  totalPageCount: z.number(),
});

/** A list answer's pagination. */
export type Pagination = z.output<typeof paginationSchema>;

/** The success flag every answer carries. */
const ok = { success: z.literal(true) };

/** A CRM user. */
export const userSchema = z.looseObject({
  /** The user's id. */
  id: z.number(),
  /** Whether the user may log in. */
  active: z.boolean().optional(),
  /** Login e-mail. */
  email: z.string().optional(),
  /** Given name. */
  firstName: z.string().optional(),
  /** Family name. */
  lastName: z.string().optional(),
  /** `free`, `busy`, `dinner` or `break`. */
  status: z.string().optional(),
  /** A member of a managers group. */
  isManager: z.boolean().optional(),
  /** An administrator. */
  isAdmin: z.boolean().optional(),
  /** The user's groups. */
  groups: z.array(z.looseObject({ /** The group's code. */ code: z.string() })).optional(),
});

/** A CRM user. */
export type RetailcrmUser = z.output<typeof userSchema>;

/** UTM data as the CRM keeps it (`source` of customers, orders and calls). */
export const sourceSchema = z.object({
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
});

/** UTM data as the CRM keeps it. */
export type RetailcrmSource = z.output<typeof sourceSchema>;

/** A customer. */
export const customerSchema = z.looseObject({
  /** The CRM's id. */
  id: z.number(),
  /** The host's id, when one was set. */
  externalId: z.string().optional(),
  /** Given name. */
  firstName: z.string().optional(),
  /** Family name. */
  lastName: z.string().optional(),
  /** Phones as typed into the CRM. */
  phones: z.array(z.looseObject({ /** The number. */ number: z.string().optional() })).default([]),
  /** The responsible manager. */
  managerId: z.number().optional(),
  /** The shop code. */
  site: z.string().optional(),
  /** Custom fields by code. */
  customFields: z.union([z.record(z.string(), z.unknown()), z.array(z.unknown())]).optional(),
});

/** A customer. */
export type RetailcrmCustomer = z.output<typeof customerSchema>;

/** A task. */
export const taskSchema = z.looseObject({
  /** The task's id. */
  id: z.number(),
  /** The title. */
  text: z.string().optional(),
  /** Details. */
  commentary: z.string().optional(),
  /** The user it is for. */
  performerId: z.number().optional(),
});

/** A task. */
export type RetailcrmTask = z.output<typeof taskSchema>;

/** `GET /api/credentials`: what the key may call. */
export const credentialsResponseSchema = z.object({
  ...ok,
  /** Scope names, e.g. `customer_write`. */
  scopes: z.array(z.string()).default([]),
  /** Allowed methods as unversioned paths, e.g. `/api/customers/create`. */
  credentials: z.array(z.string()).default([]),
  /** `access_full` or `access_selective`. */
  siteAccess: z.string().optional(),
  /** The shops the key may see. */
  sitesAvailable: z.array(z.string()).default([]),
});

/** A list answer: `items` is the key that holds the entities. */
export function listSchema<Item extends z.ZodType, Key extends string>(key: Key, item: Item) {
  return z.object({
    ...ok,
    pagination: paginationSchema,
    ...({ [key]: z.array(item) } as Record<Key, z.ZodArray<Item>>),
  });
}

/** An answer that created something: `{ success, id }`. */
export const createdSchema = z.looseObject({ ...ok, /** The new id. */ id: z.number() });

/** An answer with nothing but success. */
export const successSchema = z.looseObject({ ...ok });

/** `GET /customers/{x}`. */
export const customerResponseSchema = z.object({
  ...ok,
  /** The customer. */ customer: customerSchema,
});

/** `GET /users/{id}`. */
export const userResponseSchema = z.object({ ...ok, /** The user. */ user: userSchema });

/** `GET /reference/status-groups`: an object keyed by group code, not an array. */
export const statusGroupsResponseSchema = z.object({
  ...ok,
  /** Groups by code. */
  statusGroups: z.record(
    z.string(),
    z.looseObject({
      /** The group's name. */
      name: z.string(),
      /** Its status codes. */
      statuses: z.array(z.string()).default([]),
    }),
  ),
});

/** `GET /integration-modules/{code}`. */
export const moduleResponseSchema = z.object({
  ...ok,
  /** The module as stored. */
  integrationModule: z.looseObject({ /** Its code. */ code: z.string() }),
});

/** `POST /integration-modules/{code}/edit`: `info` is an object, or `[]` when empty. */
export const moduleEditResponseSchema = z.object({
  ...ok,
  /** Billing and warnings (`notExistUsersIds`…); `[]` when there is nothing to say. */
  info: z.union([z.record(z.string(), z.unknown()), z.array(z.unknown())]).optional(),
});

/** `POST /telephony/calls/upload`. */
export const callsUploadResponseSchema = z.looseObject({
  ...ok,
  /** Calls stored. */
  processedCallsCount: z.number().optional(),
  /** External ids the CRM already had: not stored again. */
  duplicateCalls: z.array(z.string()).default([]),
});

/** `POST /telephony/call/event`. */
export const callEventResponseSchema = z.looseObject({
  ...ok,
  /** Extension codes the CRM does not know. */
  notExistCodes: z.array(z.string()).default([]),
  /** User ids the CRM does not know. */
  notExistUsers: z.array(z.union([z.number(), z.string()])).default([]),
});

/** `GET /telephony/manager`: who answers a number, and whose number it is. */
export const managerResponseSchema = z.looseObject({
  ...ok,
  /** The responsible manager, with their extension `code`. */
  manager: z
    .looseObject({
      /** The user's id. */ id: z.number(),
      /** Extension. */ code: z.string().optional(),
    })
    .optional(),
  /** The customer with that number. */
  customer: customerSchema.optional(),
});

/** `POST /orders/create`. */
export const orderCreatedSchema = z.looseObject({
  ...ok,
  /** The new order's id. */ id: z.number(),
});

/** `GET /customers/history`. */
export const historyResponseSchema = z.object({
  ...ok,
  /** When the answer was made. */
  generatedAt: z.string().optional(),
  /** Changes, oldest first. */
  history: z.array(z.looseObject({ /** The change's id. */ id: z.number() })),
  /** The page. */
  pagination: paginationSchema,
});
