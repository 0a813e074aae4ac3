import { lenient, lenientEnum } from '@crossline/core/sdk';
import { z } from 'zod';
import {
  customerSchema,
  idRefSchema,
  type Pagination,
  paginationSchema,
  userSchema,
} from './schemas.js';

/** The success flag every answer carries. */
const ok = {
  /** Always `true`: a failure answers `success: false` and becomes an error. */
  success: z.literal(true),
};

/** `GET /api/credentials`: what the key may call. */
export const credentialsResponseSchema = lenient(
  z.object({
    ...ok,
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

/** A list answer whose entities are under `key`; `null` anywhere in it counts as absent. */
export function listSchema<Item extends z.ZodType, Key extends string>(key: Key, item: Item) {
  return lenient(
    z.object({
      ...ok,
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

/** An answer that created or edited something: `{ success, id }`. */
export const createdSchema = lenient(
  z.looseObject({
    ...ok,
    /** The record's id. */
    id: z.number(),
  }),
);

/** What a create or edit answers. */
export type CreatedAnswer = z.output<typeof createdSchema>;

/** An answer with nothing but success. */
export const successSchema = lenient(z.looseObject({ ...ok }));

/** An answer with nothing but success. */
export type SuccessAnswer = z.output<typeof successSchema>;

/** `GET /customers/{x}`. */
export const customerResponseSchema = lenient(
  z.object({
    ...ok,
    /** The customer. */
    customer: customerSchema,
  }),
);

/** What `GET /customers/{x}` answers. */
export type CustomerAnswer = z.output<typeof customerResponseSchema>;

/** `GET /users/{id}`. */
export const userResponseSchema = lenient(
  z.object({
    ...ok,
    /** The user. */
    user: userSchema,
  }),
);

/** What `GET /users/{id}` answers. */
export type UserAnswer = z.output<typeof userResponseSchema>;

/** An order, as the connector reads it. */
export const orderSchema = lenient(
  z.looseObject({
    /** The CRM's id. */
    id: z.number(),
    /** The order number. */
    number: z.string().optional(),
    /** The host's id. */
    externalId: z.string().optional(),
  }),
);

/** An order, as the connector reads it. */
export type RetailcrmOrder = z.output<typeof orderSchema>;

/** A user group. */
export const userGroupSchema = lenient(
  z.looseObject({
    /** The group's id. */
    id: z.number(),
    /** Its code. */
    code: z.string().optional(),
    /** Whether its members are managers. */
    isManager: z.boolean().optional(),
  }),
);

/** A user group. */
export type RetailcrmUserGroup = z.output<typeof userGroupSchema>;

/** A status group of orders. */
export const statusGroupSchema = lenient(
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
    ...ok,
    /** Groups by code. */
    statusGroups: z.record(z.string(), statusGroupSchema),
  }),
);

/** What `GET /reference/status-groups` answers. */
export type StatusGroupsAnswer = z.output<typeof statusGroupsResponseSchema>;

/** The stored integration module (only its code is relied on). */
export const storedModuleSchema = lenient(
  z.looseObject({
    /** The module's code. */
    code: z.string(),
  }),
);

/** `GET /integration-modules/{code}`. */
export const moduleResponseSchema = lenient(
  z.object({
    ...ok,
    /** The module as stored. */
    integrationModule: storedModuleSchema,
  }),
);

/** What `GET /integration-modules/{code}` answers. */
export type ModuleAnswer = z.output<typeof moduleResponseSchema>;

/** `POST /integration-modules/{code}/edit`: `info` is an object, or `[]` when empty. */
export const moduleEditResponseSchema = lenient(
  z.object({
    ...ok,
    /** Billing and warnings (`notExistUsersIds`…); `[]` when there is nothing to say. */
    info: z.union([z.record(z.string(), z.unknown()), z.array(z.unknown())]).optional(),
  }),
);

/** What `POST /integration-modules/{code}/edit` answers. */
export type ModuleEditAnswer = z.output<typeof moduleEditResponseSchema>;

/** `POST /telephony/calls/upload`. */
export const callsUploadResponseSchema = lenient(
  z.looseObject({
    ...ok,
    /** Calls stored. */
    processedCallsCount: z.number().optional(),
    /** External ids the CRM already had: not stored again. */
    duplicateCalls: z.array(z.string()).default([]),
  }),
);

/** What `POST /telephony/calls/upload` answers. */
export type CallsUploadAnswer = z.output<typeof callsUploadResponseSchema>;

/** `POST /telephony/call/event`. */
export const callEventResponseSchema = lenient(
  z.looseObject({
    ...ok,
    /** Extension codes the CRM does not know. */
    notExistCodes: z.array(z.string()).default([]),
    /** User ids the CRM does not know. */
    notExistUsers: z.array(z.union([z.number(), z.string()])).default([]),
  }),
);

/** What `POST /telephony/call/event` answers. */
export type CallEventAnswer = z.output<typeof callEventResponseSchema>;

/** The manager `GET /telephony/manager` names. */
export const telephonyManagerSchema = lenient(
  z.looseObject({
    /** The user's id. */
    id: z.number(),
    /** The user's extension. */
    code: z.string().optional(),
  }),
);

/** `GET /telephony/manager`: who answers a number, and whose number it is. */
export const managerResponseSchema = lenient(
  z.looseObject({
    ...ok,
    /** The responsible manager, with their extension `code`. */
    manager: telephonyManagerSchema.optional(),
    /** The customer with that number. */
    customer: customerSchema.optional(),
  }),
);

/** What `GET /telephony/manager` answers. */
export type ManagerAnswer = z.output<typeof managerResponseSchema>;

/** `GET /customers/history`. */
export const historyResponseSchema = lenient(
  z.object({
    ...ok,
    /** When the answer was made. */
    generatedAt: z.string().optional(),
    /** Changes, oldest first. */
    history: z.array(idRefSchema),
    /** The page. */
    pagination: paginationSchema,
  }),
);

/** What `GET /customers/history` answers. */
export type HistoryAnswer = z.output<typeof historyResponseSchema>;
