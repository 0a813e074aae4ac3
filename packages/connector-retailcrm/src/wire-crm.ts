import { lenient, lenientEnum } from '@crossline/core/sdk';
import { z } from 'zod';
import { paginationSchema, successField } from './wire.js';

/** A phone of a customer, as typed into the CRM. */
const storedPhoneSchema = lenient(
  z.looseObject({
    /** The number, in whatever form it was typed. */
    number: z.string().optional(),
  }),
);

/** A customer. */
export const customerSchema = lenient(
  z.looseObject({
    /** The CRM's id. */
    id: z.number(),
    /** The host's id, when one was set. */
    externalId: z.string().optional(),
    /** Given name. */
    firstName: z.string().optional(),
    /** Family name. */
    lastName: z.string().optional(),
    /** Phones as typed into the CRM. */
    phones: z.array(storedPhoneSchema).default([]),
    /** The responsible manager. */
    managerId: z.number().optional(),
    /** The shop code. */
    site: z.string().optional(),
    /** Custom fields by code. */
    customFields: z.union([z.record(z.string(), z.unknown()), z.array(z.unknown())]).optional(),
  }),
);

/** A customer. */
export type RetailcrmCustomer = z.output<typeof customerSchema>;

/** `GET /customers/{x}`. */
export const customerResponseSchema = lenient(
  z.object({
    ...successField,
    /** The customer. */
    customer: customerSchema,
  }),
);

/** What `GET /customers/{x}` answers. */
export type CustomerAnswer = z.output<typeof customerResponseSchema>;

/** One change of a customer (`GET /customers/history`). */
export const historyEntrySchema = lenient(
  z.looseObject({
    /** The entry's id, increasing. */
    id: z.number(),
    /** When the change happened, `Y-m-d H:i:s` in the account's time zone. */
    createdAt: z.string().optional(),
    /** Set on the entry that records the customer's creation. */
    created: z.boolean().optional(),
    /** The customer after the change. */
    customer: customerSchema.optional(),
  }),
);

/** One change of a customer. */
export type RetailcrmHistoryEntry = z.output<typeof historyEntrySchema>;

/** `GET /customers/history`. */
export const historyResponseSchema = lenient(
  z.object({
    ...successField,
    /** When the answer was made. */
    generatedAt: z.string().optional(),
    /** Changes, oldest first. */
    history: z.array(historyEntrySchema),
    /** The page. */
    pagination: paginationSchema,
  }),
);

/** What `GET /customers/history` answers. */
export type HistoryAnswer = z.output<typeof historyResponseSchema>;

/** A reference to a user group. */
const groupRefSchema = lenient(
  z.looseObject({
    /** The group's code. */
    code: z.string(),
  }),
);

/** A CRM user. */
export const userSchema = lenient(
  z.looseObject({
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
    /** `free`, `busy`, `dinner` or `break` — or a status the CRM added since. */
    status: lenientEnum(['free', 'busy', 'dinner', 'break']).optional(),
    /** A member of a managers group. */
    isManager: z.boolean().optional(),
    /** An administrator. */
    isAdmin: z.boolean().optional(),
    /** The user's groups. */
    groups: z.array(groupRefSchema).optional(),
  }),
);

/** A CRM user. */
export type RetailcrmUser = z.output<typeof userSchema>;

/** `GET /users/{id}`. */
export const userResponseSchema = lenient(
  z.object({
    ...successField,
    /** The user. */
    user: userSchema,
  }),
);

/** What `GET /users/{id}` answers. */
export type UserAnswer = z.output<typeof userResponseSchema>;

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

/** A task, as the connector reads it. */
export const taskRecordSchema = lenient(
  z.looseObject({
    /** The task's id. */
    id: z.number(),
    /** The title. */
    text: z.string().optional(),
    /** Details. */
    commentary: z.string().optional(),
    /** The user it is for. */
    performerId: z.number().optional(),
  }),
);

/** A task, as the connector reads it. */
export type RetailcrmTask = z.output<typeof taskRecordSchema>;

/** An order, as the connector reads it. */
export const orderRecordSchema = lenient(
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
export type RetailcrmOrder = z.output<typeof orderRecordSchema>;
