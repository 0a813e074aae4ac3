import { z } from 'zod';

/** A pass id, given as a number or a string, read as its digits (Teyca's `user_id`). */
export const cardIdSchema = z.union([
  z.string().trim().min(1),
  z.number().int().nonnegative().transform(String),
]);

/** An ISO 8601 date-time with an offset, e.g. `2026-01-10T00:00:00.000+00:00`. */
export const dateTimeSchema = z.iso.datetime({ offset: true });

/** The card fields a host may set (core's `LoyaltyCardFields`), every one optional. */
export const cardFieldsSchema = z.object({
  /** The card layout's name in the Teyca cabinet. */
  template: z.string().min(1).optional(),
  /** Given name. */
  firstName: z.string().optional(),
  /** Family name. */
  lastName: z.string().optional(),
  /** Patronymic. */
  middleName: z.string().optional(),
  /** The phone in any typed form: normalised with `defaultCountry` before it is sent. */
  phone: z.string().min(1).optional(),
  /** E-mail. */
  email: z.string().optional(),
  /** Birthday, `YYYY-MM-DD`. */
  birthday: z.iso.date().optional(),
  /** Gender. */
  gender: z.enum(['male', 'female']).optional(),
  /** The barcode. */
  barcode: z.string().min(1).optional(),
  /** The discount, e.g. `5%`. */
  discount: z.string().optional(),
  /** The loyalty level. */
  level: z.string().optional(),
  /** Custom fields `key1` … `keyN`. */
  customFields: z
    .record(z.string().regex(/^key\d+$/, 'must be key1 … keyN'), z.string())
    .optional(),
});

/** A card record as the actions resolve with it (core's `LoyaltyCardRecord`). */
export const cardRecordSchema = cardFieldsSchema.extend({
  /** The pass id. */
  id: z.string(),
  /** The phone, canonical digits. */
  phone: z.string().optional(),
  /** The active bonus balance. */
  bonusBalance: z.number(),
  /** Whether PUSH notifications are allowed (the `pushAllowed` option). */
  pushAllowed: z.boolean(),
  /** Mailing consent (the `mailingConsent` option; false when not kept on the pass). */
  mailingConsent: z.boolean(),
  /** When the card was installed. */
  installedAt: z.string().optional(),
  /** Custom fields with a value. */
  customFields: z.record(z.string(), z.string()),
});

/** What a bonus operation or a message resolves with (core's `LoyaltyOperation`). */
export const operationSchema = z.object({
  /** The pass id. */
  cardId: z.string(),
  /** The platform's id of the operation or mailing, when it returns one. */
  operationId: z.string().optional(),
});

/** The input of the bonus actions (core's `BonusOperation`). */
export const bonusInputSchema = z.object({
  /** The pass id. */
  cardId: cardIdSchema,
  /** How many bonuses, positive. */
  amount: z.number().positive().finite(),
  /** When they become active; the account's general rule applies when absent. */
  activatesAt: dateTimeSchema.optional(),
  /** When they expire; the account's general rule applies when absent. */
  expiresAt: dateTimeSchema.optional(),
});
