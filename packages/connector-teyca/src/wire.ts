import { lenient, lenientEnum } from '@crossline/core/sdk';
import { z } from 'zod';

// Teyca's requests and answers (vendors/teyca.md). Every answer is read through `lenient()` —
// `null` counts as absent — with open objects: Teyca adds pass fields over time, and many
// numbers arrive as strings. Never `.strict()` on an answer.

/** A number Teyca may send as a number or as a numeric string (`"1500.0"`). */
const looseNumber = z.union([
  z.number(),
  z
    .string()
    .trim()
    .regex(/^-?\d+(\.\d+)?$/)
    .transform(Number),
]);

/** A pass id: an integer, sometimes typed as a string; read as its digits. */
const userIdSchema = z
  .union([
    z.number().int().positive(),
    z.string().regex(/^\d{1,18}$/, 'must be a positive integer'),
  ])
  .transform(String);

/** A text field Teyca may send as a number (`barcode`, `key1` …): read as text. */
const text = z.union([z.string(), z.number()]).transform(String);

/**
 * A pass (a card, and the client record) as Teyca sends it: in a single GET (bare, no
 * envelope), a list page and a webhook. Open: unknown keys (`key7`, new fields) are kept.
 */
export const teycaPassSchema = z.looseObject({
  /** The pass id. */
  user_id: userIdSchema,
  /** The card layout's name. */
  template: z.string().optional(),
  /** Given name. */
  first_name: z.string().optional(),
  /** Family name. */
  last_name: z.string().optional(),
  /** Patronymic. */
  pat_name: z.string().optional(),
  /** The phone, `7XXXXXXXXXX` as seen. */
  phone: text.optional(),
  /** E-mail. */
  email: z.string().optional(),
  /** Birthday, `DD.MM.YYYY`. */
  birthday: z.string().optional(),
  /** A Cyrillic letter: `м`/`ж` (any case). */
  gender: z.string().optional(),
  /** The barcode (leading zeros matter). */
  barcode: text.optional(),
  /** The discount, e.g. `5%`. */
  discount: text.optional(),
  /** The active bonus balance. */
  bonus: looseNumber.optional(),
  /** The loyalty level. */
  loyalty_level: z.string().optional(),
  /** The OS the card is installed on (`IOS` …). */
  o_s: z.string().optional(),
  /** When the pass was created, ISO 8601. */
  created_at: z.string().optional(),
  /** Tags: an array that may hold `null` holes (taken out by `lenient`). */
  tags: z.array(z.unknown()).optional(),
});

/** A pass as read. */
export type TeycaPass = z.output<typeof teycaPassSchema>;

/** A single pass (`GET /passes/userid/{id}`, `/passes/barcode/{code}`, the create answer). */
export const passAnswer = lenient(teycaPassSchema);

/** A list or search page: `{ meta: { size, limit, offset }, passes: [...] }` (meta may be text). */
export const passListAnswer = lenient(
  z.looseObject({
    /** The page's counts. */
    meta: z
      .looseObject({
        /** How many passes match in all. */
        size: looseNumber.optional(),
      })
      .optional(),
    /** The page. */
    passes: z.array(teycaPassSchema).default([]),
  }),
);

/** The fields of a pass a host may send on create and update (only those given are sent). */
export interface TeycaPassFields {
  /** The layout's name. */
  template?: string;
  /** Given name. */
  first_name?: string;
  /** Family name. */
  last_name?: string;
  /** Patronymic. */
  pat_name?: string;
  /** Digits, e.g. `79001234567`. */
  phone?: string;
  /** E-mail. */
  email?: string;
  /** `DD.MM.YYYY`. */
  birthday?: string;
  /** `м` or `ж`. */
  gender?: string;
  /** The barcode. */
  barcode?: string;
  /** The discount, e.g. `5%`. */
  discount?: string;
  /** The balance: a PUT of it SETS the balance (not an accrual). */
  bonus?: number;
  /** The loyalty level. */
  loyalty_level?: string;
  /** Custom fields `key1` … `keyN`. */
  [custom: `key${number}`]: string;
}

/** One accrual of `POST /passes/{id}/bonuses`: `value` a decimal string, dates optional. */
export interface TeycaBonus {
  /** The amount as a decimal string, e.g. `"250.0"`; negative for a write-off (UNCERTAIN). */
  value: string;
  /** When it becomes active, ISO 8601 with an offset. */
  active_from?: string;
  /** When it expires, ISO 8601 with an offset. */
  expires_at?: string;
}

/** The mailing channels and their body's text key. */
export type TeycaChannel = 'push' | 'sms' | 'telegram';

/** The answer of a mailing (`{ users_count, message_id }` in one third-party model: UNCERTAIN). */
export const mailingAnswer = lenient(
  z.union([
    z.looseObject({
      /** How many holders it goes to. */
      users_count: looseNumber.optional(),
      /** The mailing's id. */
      message_id: z.union([z.number(), z.string()]).transform(String).optional(),
    }),
    z.unknown().transform(() => ({})),
  ]),
);

/** An answer whose shape is UNCERTAIN (update, delete, accrual, send link): anything. */
export const anyAnswer = z.unknown();

/** The answer of `GET /v1/authorization` (shape UNCERTAIN): anything, read with care. */
export const tokenListAnswer = z.unknown();

/** Webhook event types (UPDATE covers card installs and bonus changes). */
export const webhookTypeSchema = lenientEnum(['CREATE', 'UPDATE', 'DELETE']);

/** A webhook body `{ type, pass: { user_id, … } }`: only the type and the id are read. */
export const webhookBodySchema = lenient(
  z.looseObject({
    /** `CREATE`, `UPDATE` or `DELETE`. */
    type: webhookTypeSchema,
    /** The pass (never trusted: re-fetched by id). */
    pass: z.looseObject({
      /** The pass id. */
      user_id: userIdSchema,
    }),
  }),
);
