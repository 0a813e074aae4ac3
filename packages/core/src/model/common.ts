import { z } from 'zod';
import { InvalidPhoneError } from '../errors/invalid-phone-error.js';
import { type NormalizePhoneOptions, normalizePhone } from '../phone/normalize-phone.js';

/**
 * A phone number in any typed form, normalised to canonical digits (`380671234567`) as it is
 * parsed; a value that is not a phone number is a validation issue at its path.
 */
export const phoneSchema = z.string().transform((value, context) => {
  try {
    return normalizePhone(value);
  } catch (error) {
    const reason = InvalidPhoneError.isInstance(error) ? error.reason : 'invalid';
    context.addIssue({ code: 'custom', message: `not a phone number (${reason})`, input: value });
    return z.NEVER;
  }
});

/** UTM tags of the visit that led to the event. */
export const utmSchema = z.object({
  /** `utm_source`: where the visit came from (google, newsletter). */
  source: z.string().optional(),
  /** `utm_medium`: the channel (cpc, email). */
  medium: z.string().optional(),
  /** `utm_campaign`: the campaign name. */
  campaign: z.string().optional(),
  /** `utm_term`: the paid keyword. */
  term: z.string().optional(),
  /** `utm_content`: which ad or link. */
  content: z.string().optional(),
});

/** UTM tags of the visit that led to the event. */
export type Utm = z.output<typeof utmSchema>;

/**
 * A link in a canonical entity (a call recording, an attachment): an absolute `http:` or
 * `https:` URL — a `javascript:`, `file:` or `data:` link is refused.
 */
export const httpUrlSchema = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

/** A calendar date, `YYYY-MM-DD`. */
export const dateSchema = z.iso.date();

/** A moment in time as an ISO 8601 string with offset, kept as given. */
export const dateTimeSchema = z.iso.datetime({ offset: true });

/** Free-form custom fields: name → scalar value. */
export const customFieldsSchema = z.record(
  z.string(),
  z.union([z.string(), z.number(), z.boolean(), z.null()]),
);

/** A reference to an employee of the host (a call's operator, a task's assignee). */
export const employeeRefSchema = z.object({
  /** The host's id of the employee. */
  id: z.string().min(1),
  /** The employee's name, for display. */
  name: z.string().optional(),
  /** Internal phone extension. */
  extension: z.string().optional(),
});

/** A reference to an employee of the host. */
export type EmployeeRef = z.output<typeof employeeRefSchema>;

/** A country code of the phone metadata (ISO 3166-1 alpha-2), e.g. `UA`. */
export type PhoneCountry = NonNullable<NormalizePhoneOptions['defaultCountry']>;

/** An IANA time zone name, e.g. `Europe/Kyiv`: a connector option validated at construction. */
export const timeZoneSchema = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, 'not an IANA time zone');

/** A country of the phone metadata, e.g. `UA`: the `defaultCountry` option of a connector. */
export const phoneCountrySchema = z
  .string()
  .refine((code) => {
    try {
      normalizePhone('+380671234567', { defaultCountry: code as PhoneCountry });
      return true;
    } catch {
      return false;
    }
  }, 'not a country code known to the phone metadata')
  .transform((code) => code as PhoneCountry);
