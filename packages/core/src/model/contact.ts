import { z } from 'zod';
import { customFieldsSchema, dateSchema, phoneSchema, utmSchema } from './common.js';

/** A person the host knows: a caller, a CRM client, a loyalty card holder. */
export const contactSchema = z.object({
  /** The host's id of the contact, when it has one. */
  id: z.string().min(1).optional(),
  /** Given name. */
  firstName: z.string().optional(),
  /** Family name. */
  lastName: z.string().optional(),
  /** Middle name or patronymic. */
  middleName: z.string().optional(),
  /** Phone numbers, normalised to canonical digits as they are parsed. */
  phones: z.array(phoneSchema).default([]),
  /** E-mail addresses. */
  emails: z.array(z.email()).default([]),
  /** Date of birth, `YYYY-MM-DD`. */
  birthday: dateSchema.optional(),
  /** Host-defined fields, name → value; a field map decides where they go at a vendor. */
  customFields: customFieldsSchema.default({}),
  /** UTM tags of the visit that brought the contact. */
  utm: utmSchema.optional(),
  /** What the contact agreed to receive; absent means not asked. */
  consents: z
    .object({
      /** Mailings by e-mail. */
      email: z.boolean().optional(),
      /** Text messages. */
      sms: z.boolean().optional(),
      /** Push notifications (wallet cards, apps). */
      push: z.boolean().optional(),
      /** Marketing in general. */
      marketing: z.boolean().optional(),
    })
    .optional(),
});

/** A contact as parsed: phones canonical, defaults applied. */
export type Contact = z.output<typeof contactSchema>;
/** A contact as the host may give it (phones in any form). */
export type ContactInput = z.input<typeof contactSchema>;
