import { lenient } from '@crossline/core/sdk';
import { z } from 'zod';

// The assumed Asteril API v3's requests and answers (see `contract.ts`). Every answer schema
// takes `null` for absent (`lenient`): a field the CRM has no value for may come as `null` or
// not at all; fields it does not know are kept.

/** The key's user: the manager the integration acts as. */
export const asterilUserSchema = lenient(
  z.looseObject({
    /** The user's id. */
    id: z.number(),
    /** Name. */
    name: z.string().optional(),
    /** E-mail. */
    email: z.string().optional(),
    /** Whether the user is an administrator (the integration needs one). */
    is_admin: z.boolean().optional(),
  }),
);

/** The key's user. */
export type AsterilUser = z.output<typeof asterilUserSchema>;

/** A Client. */
export const asterilClientSchema = lenient(
  z.looseObject({
    /** The Client's id. */
    id: z.number(),
    /** Name. */
    name: z.string().optional(),
    /** The phone, exactly as stored. */
    phone: z.string().optional(),
    /** Text fields by code. */
    text_fields: z.record(z.string(), z.unknown()).optional(),
  }),
);

/** A Client. */
export type AsterilClient = z.output<typeof asterilClientSchema>;

/** A field of Clients. */
export const asterilFieldSchema = lenient(
  z.looseObject({
    /** The field's code. */
    code: z.string(),
    /** Its name. */
    name: z.string().optional(),
    /** Its type; UTM tags go into `text` fields. */
    type: z.string().optional(),
  }),
);

/** A field of Clients. */
export type AsterilField = z.output<typeof asterilFieldSchema>;

/** A record with an id (a call, a task). */
export const asterilRecordSchema = lenient(
  z.looseObject({
    /** The id. */
    id: z.number(),
    /** The external id it was created with. */
    external_id: z.string().optional(),
  }),
);

/** A record with an id. */
export type AsterilRecord = z.output<typeof asterilRecordSchema>;

/** One item answered as `{ data }`; `null` anywhere in it counts as absent. */
export function itemSchema<Item extends z.ZodType>(item: Item) {
  return lenient(
    z.object({
      /** The item. */
      data: item,
    }),
  );
}

/**
 * A page of a list: `{ data: [...], meta: { current_page, last_page, total } }`; `null`
 * anywhere in it counts as absent.
 */
export function pageSchema<Item extends z.ZodType>(item: Item) {
  return lenient(
    z.object({
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
    }),
  );
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

// Requests.

/** A Client as sent to `POST /clients`: never a responsible manager (set by hand in the CRM). */
export interface AsterilClientInput {
  /** The Client's name. */
  name?: string;
  /** The number, canonical (`380671234567`). */
  phone: string;
  /** Text fields by code: UTM tags and extra parameters. */
  text_fields?: Readonly<Record<string, string>>;
}

/** A call as sent to `POST /calls`. */
export interface AsterilCallInput {
  /** The Client it is bound to. */
  client_id?: number;
  /** The client's number, canonical. */
  phone: string;
  /** `in` or `out`. */
  direction: 'in' | 'out';
  /** How it ended. */
  status: 'answered' | 'missed' | 'busy' | 'failed';
  /** Start, ISO 8601. */
  started_at: string;
  /** Talk time, seconds. */
  duration_sec: number;
  /** A recording that can be played and downloaded (answered calls). */
  record_url?: string;
  /** The call's id: looked up before create, refused twice. */
  external_id: string;
}

/** A task as sent to `POST /tasks`. */
export interface AsterilTaskInput {
  /** The title. */
  title: string;
  /** Details. */
  description?: string;
  /** The Client it is bound to. */
  client_id?: number;
  /** Who does it: the manager whose key set up the integration. */
  responsible_id: number;
  /** Due, ISO 8601. */
  due_at?: string;
  /** The task type, e.g. `missed_call`. */
  type: string;
  /** The task's id: looked up before create. */
  external_id: string;
}

// Answers, as `AsterilApi` reads them.

/** `GET /me`: `{ data: user }`. */
export const meAnswer = itemSchema(asterilUserSchema);
/** `POST /clients|calls|tasks`: `{ data: { id, … } }`. */
export const createdAnswer = itemSchema(asterilRecordSchema);
/** `GET /clients?phone=`: a page of Clients. */
export const clientsPage = pageSchema(asterilClientSchema);
/** `GET /client-fields`: a page of fields. */
export const fieldsPage = pageSchema(asterilFieldSchema);
/** `GET /calls|tasks?external_id=`: a page of records. */
export const recordsPage = pageSchema(asterilRecordSchema);
