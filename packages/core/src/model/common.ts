import { z } from 'zod';
import { InvalidPhoneError } from '../errors/invalid-phone-error.js';
import { normalizePhone } from '../phone/normalize-phone.js';

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
