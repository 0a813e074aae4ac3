import { z } from 'zod';

/** The key's user: the manager the integration acts as. */
export const asterilUserSchema = z.looseObject({
  /** The user's id. */
  id: z.number(),
  /** Name. */
  name: z.string().optional(),
  /** E-mail. */
  email: z.string().optional(),
  /** Whether the user is an administrator (the integration needs one). */
  is_admin: z.boolean().optional(),
});

/** The key's user. */
export type AsterilUser = z.output<typeof asterilUserSchema>;

/** A Client. */
export const asterilClientSchema = z.looseObject({
  /** The Client's id. */
  id: z.number(),
  /** Name. */
  name: z.string().nullish(),
  /** The phone, exactly as stored. */
  phone: z.string().nullish(),
  /** Text fields by code. */
  text_fields: z.record(z.string(), z.unknown()).nullish(),
});

/** A Client. */
export type AsterilClient = z.output<typeof asterilClientSchema>;

/** A field of Clients. */
export const asterilFieldSchema = z.looseObject({
  /** The field's code. */
  code: z.string(),
  /** Its name. */
  name: z.string().optional(),
  /** Its type; UTM tags go into `text` fields. */
  type: z.string().optional(),
});

/** A field of Clients. */
export type AsterilField = z.output<typeof asterilFieldSchema>;

/** A record with an id (a call, a task). */
export const asterilRecordSchema = z.looseObject({
  /** The id. */
  id: z.number(),
  /** The external id it was created with. */
  external_id: z.string().nullish(),
});

/** A record with an id. */
export type AsterilRecord = z.output<typeof asterilRecordSchema>;

/** One item answered as `{ data }`. */
export function itemSchema<Item extends z.ZodType>(item: Item) {
  return z.object({
    /** The item. */
    data: item,
  });
}

/** A page of a list: `{ data: [...], meta: { current_page, last_page, total } }`. */
export function pageSchema<Item extends z.ZodType>(item: Item) {
  return z.object({
    /** The items. */
    data: z.array(item),
    /** Where the page is. */
    meta: z
      .looseObject({
        /** This page, from 1. */
        current_page: z.number(),
        /** The last page. */
        last_page: z.number(),
        /** Items in the whole list. */
        total: z.number().optional(),
      })
      .optional(),
  });
}

/** A page of a list. */
export interface AsterilPage<Item> {
  /** The items. */
  readonly data: Item[];
  /** Where the page is; absent on a one-page answer. */
  readonly meta?:
    | {
        /** This page, from 1. */
        readonly current_page: number;
        /** The last page. */
        readonly last_page: number;
      }
    | undefined;
}
