import type { z } from 'zod';
import { formatIssues, toValidationIssues } from '../errors/issues.js';
import { ValidationError } from '../errors/validation-error.js';

/**
 * Parses `value` with a canonical schema, or throws a {@link ValidationError} that lists
 * every offending path (`phones.1: not a phone number (too-short)`).
 *
 * @param schema - a canonical model schema, e.g. `callSchema`
 * @param value - what the host gave
 * @param subject - what it is, for the message (`call`, `contact` …)
 */
export function parseCanonical<S extends z.ZodType>(
  schema: S,
  value: unknown,
  subject: string,
): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = toValidationIssues(parsed.error.issues);
  throw new ValidationError(`Invalid ${subject}: ${formatIssues(issues)}`, { issues });
}
