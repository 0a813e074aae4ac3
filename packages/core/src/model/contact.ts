import { z } from 'zod';
import { customFieldsSchema, dateSchema, phoneSchema, utmSchema } from './common.js';

/** A person the host knows: a caller, a CRM client, a loyalty card holder. */
export const contactSchema = z.object({
  /** The host's id of the contact, when it has one. */
  id: z.string().min(1).optional(),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  middleName: z.string().optional(),
  /** Phone numbers, normalised to canonical digits as they are parsed. */
  phones: z.array(phoneSchema).default([]),
  emails: z.array(z.email()).default([]),
  birthday: dateSchema.optional(),
  customFields: customFieldsSchema.default({}),
  utm: utmSchema.optional(),
  consents: z
    .object({
      email: z.boolean().optional(),
      sms: z.boolean().optional(),
      push: z.boolean().optional(),
      marketing: z.boolean().optional(),
    })
    .optional(),
});

/** A contact as parsed: phones canonical, defaults applied. */
export type Contact = z.output<typeof contactSchema>;
/** A contact as the host may give it (phones in any form). */
export type ContactInput = z.input<typeof contactSchema>;
