import { lenient, lenientEnum } from '@crossline/core/sdk';
import { z } from 'zod';

// Thulium's requests and answers. Answers are read through `lenient()` (`null` = absent), open
// objects and `lenientEnum`. Ids come as numbers or as strings: both are read as strings.

/** An id Thulium sends as a number or a string. */
const id = z.union([z.number(), z.string().min(1)]).transform(String);

/** A customer (`GET /customers`, `GET /customers/:id`). */
export const customerAnswer = lenient(
  z.looseObject({
    /** The customer's id. */
    customer_id: id,
    /** Custom fields: name → value (`null` when empty, kept as `null`). */
    custom_fields: z.record(z.string(), z.unknown()).optional(),
  }),
);

/** A customer as read. */
export type ThuliumCustomer = z.output<typeof customerAnswer>;

/** A list: a bare array, or an object holding one (the shape is UNCERTAIN — both are read). */
export function listAnswer<Item extends z.ZodType>(item: Item) {
  const items = z.array(item);
  return z.union([
    items,
    z
      .record(z.string(), z.unknown())
      .transform((wrapped) => Object.values(wrapped).find(Array.isArray) ?? [])
      .pipe(items),
  ]);
}

/** `POST /customers`: the new id (UNCERTAIN: `{ customer_id }`, `{ id }` or nothing). */
export const createdCustomerAnswer = z.unknown().transform((body) => {
  if (typeof body === 'number' || typeof body === 'string') return String(body);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const { customer_id, id } = body as Record<string, unknown>;
  const value = customer_id ?? id;
  return typeof value === 'number' || typeof value === 'string' ? String(value) : undefined;
});

/** `POST /customers`. */
export interface CustomerBody {
  /** First name. */
  name?: string;
  /** Family name: required by Thulium. */
  surname: string;
  /** E-mail. */
  email?: string;
  /** Phone. */
  phone_number?: string;
  /** Custom fields by name. */
  custom_fields: Record<string, string>;
}

/** `POST /tickets`. */
export interface TicketBody {
  /** The mailbox, required. */
  to: string;
  /** Required. */
  subject: string;
  /** Required: the first message. */
  body: string;
  /** Always sent: `PLAIN` here. */
  body_type: 'PLAIN' | 'HTML';
  /** An internal comment added with the ticket. */
  comment?: string;
  /** Temporary-file tokens. */
  attachments?: string[];
  /** E.g. `www`. */
  source: string;
  /** `in_behalf_of`: created on the customer's behalf, no e-mail goes out. */
  direction: 'in_behalf_of';
  /** The CRM customer. */
  customer_id?: number | string;
  /** Tags. */
  tags: string[];
  /** The category. */
  category_id: number;
  /** The queue. */
  ticket_queue_id: number;
  /** Ticket custom fields by name. */
  custom_fields?: Record<string, string>;
}

/** `POST /tickets` → `{ ticket_id }`. */
export const createdTicketAnswer = lenient(z.looseObject({ ticket_id: id }));

/** `POST /tickets/:id/customer_response` and `agent_response`. */
export interface ResponseBody {
  /** Required. */
  body: string;
  /** Always sent (the default differs per call). */
  body_type: 'PLAIN' | 'HTML';
  /** `YYYY-MM-DD HH:MM`, account time. */
  date?: string;
  /** Required on `agent_response`. */
  user_login?: string;
  /** Temporary-file tokens (`agent_response` only). */
  attachments?: string[];
}

/** A ticket's message (`GET /tickets/:id` → `messages[]`). */
export const messageAnswer = lenient(
  z.looseObject({
    /** The message's id. */
    message_id: id,
    /** `MAIL` (from the customer), `REPLY` (to the customer), `COMMENT` (internal). */
    type: lenientEnum(['MAIL', 'REPLY', 'COMMENT']),
    /** The agent who wrote it. */
    user_login: z.string().optional(),
    /** Its content (HTML or text). */
    body: z.string().default(''),
    /** A comment's text, where Thulium keeps it apart from `body` (UNCERTAIN). */
    comment: z.string().optional(),
    /** `YYYY-MM-DD HH:MM[:SS]`, account time. */
    created_at: z.string().optional(),
    /** Attachments (shape UNCERTAIN). */
    attachments: z.array(z.unknown()).default([]),
  }),
);

/** A message as read. */
export type ThuliumMessage = z.output<typeof messageAnswer>;

/** A ticket in a list (`GET /tickets`; assumed to be the single ticket without messages). */
export const ticketListItem = lenient(
  z.looseObject({
    /** The ticket's id. */
    ticket_id: id,
    /** Last change, account time. */
    updated_at: z.string().optional(),
  }),
);

/** One ticket (`GET /tickets/:id`). */
export const ticketAnswer = lenient(
  z.looseObject({
    /** The ticket's id. */
    ticket_id: id,
    /** Its messages, oldest first. */
    messages: z.array(messageAnswer).default([]),
    /** Custom fields by name. */
    custom_fields: z.record(z.string(), z.unknown()).optional(),
  }),
);

/** A ticket as read. */
export type ThuliumTicket = z.output<typeof ticketAnswer>;

/** `POST /temporary_files` → `{ filename, token, size }`. */
export const temporaryFileAnswer = lenient(
  z.looseObject({
    /** The stored name. */
    filename: z.string().optional(),
    /** The token for `attachments[]`. */
    token: z.string().min(1),
    /** Bytes. */
    size: z.coerce.number().optional(),
  }),
);

/** An entry of a dictionary (queues, categories): its id and name under the keys it has. */
export const dictionaryEntry = z.record(z.string(), z.unknown()).transform((entry) => ({
  id: firstValue(entry, ['id', 'ticket_queue_id', 'queue_id', 'category_id', 'ticket_category_id']),
  name: firstValue(entry, ['name', 'title']),
}));

function firstValue(entry: Record<string, unknown>, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const value = entry[key];
    if (typeof value === 'number' || (typeof value === 'string' && value !== '')) {
      return String(value);
    }
  }
  return undefined;
}

/** Any answer (an empty body or `[]` is a success). */
export const anyAnswer = z.unknown();
