import { lenient, lenientEnum } from '@crossline/core/sdk';
import { z } from 'zod';

// Every schema here takes `null` for absent (`lenient`): the CRM answers `null` for empty fields.

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

/** A phone of a customer, as typed into the CRM. */
export const storedPhoneSchema = lenient(
  z.looseObject({
    /** The number, in whatever form it was typed. */
    number: z.string().optional(),
  }),
);

/** A reference to a user group. */
export const groupRefSchema = lenient(
  z.looseObject({
    /** The group's code. */
    code: z.string(),
  }),
);

/** A record with an id. */
export const idRefSchema = lenient(
  z.looseObject({
    /** The id. */
    id: z.number(),
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

/** UTM data as the CRM keeps it (`source` of customers, orders and calls). */
export const sourceSchema = lenient(
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

/** A task. */
export const taskSchema = lenient(
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

/** A task. */
export type RetailcrmTask = z.output<typeof taskSchema>;
