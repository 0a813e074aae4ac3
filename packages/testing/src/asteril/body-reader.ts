import { isPlainObject } from '../kit/json-value.js';
import { stop } from '../kit/reply.js';
import { isIsoDateTime } from './date-time.js';
import { type FieldErrors, invalidData } from './replies.js';

/** What is wrong with a field's value. */
export class Problem {
  /** @param message - the message for the field, e.g. `must be a string` */
  constructor(readonly message: string) {}
}

/** Reads one field's value: the value to keep, or the {@link Problem} with it. */
export type FieldCheck<T> = (value: unknown) => T | Problem;

/** A string. */
export const text: FieldCheck<string> = (value) =>
  typeof value === 'string' ? value : new Problem('must be a string');

/** An integer. */
export const integer: FieldCheck<number> = (value) =>
  typeof value === 'number' && Number.isInteger(value) ? value : new Problem('must be an integer');

/** An integer of zero or more. */
export const count: FieldCheck<number> = (value) => {
  const number = integer(value);
  return number instanceof Problem || number >= 0 ? number : new Problem('must be at least 0');
};

/** The id of one of `items` (a client, a user). */
export function idOf(items: readonly { readonly id: number }[]): FieldCheck<number> {
  return (value) => {
    const id = integer(value);
    if (id instanceof Problem || items.some((item) => item.id === id)) return id;
    return new Problem('does not exist');
  };
}

/** A JSON object. */
export const object: FieldCheck<Record<string, unknown>> = (value) =>
  isPlainObject(value) ? value : new Problem('must be an object');

/** An ISO 8601 date-time with a UTC offset. */
export const dateTime: FieldCheck<string> = (value) =>
  typeof value === 'string' && isIsoDateTime(value)
    ? value
    : new Problem('must be an ISO 8601 date-time with a UTC offset');

/** An absolute http(s) URL. */
export const link: FieldCheck<string> = (value) =>
  typeof value === 'string' && URL.canParse(value) && /^https?:$/.test(new URL(value).protocol)
    ? value
    : new Problem('must be an http(s) URL');

/** One of `choices`. */
export function oneOf<T extends string>(choices: readonly T[]): FieldCheck<T> {
  const message = `must be one of: ${choices.join(', ')}`;
  return (value) => choices.find((choice) => choice === value) ?? new Problem(message);
}

/**
 * Reads the fields of a JSON body, collecting every problem per field (as the vendor's 422
 * `errors` object) instead of stopping at the first; {@link BodyReader.finish} answers them.
 */
export class BodyReader {
  /** The problems found so far, by field. */
  readonly errors: FieldErrors = {};

  /** @param body - the decoded JSON body */
  constructor(readonly body: Readonly<Record<string, unknown>>) {}

  /** A field that must be sent, not null and not an empty string. */
  required<T>(field: string, check: FieldCheck<T>): T | undefined {
    const value = this.body[field];
    if (value === undefined || value === null || value === '') {
      return this.problem(field, 'is required');
    }
    return this.#checked(field, check(value));
  }

  /** A field that may be left out or sent as null (read as null then). */
  optional<T>(field: string, check: FieldCheck<T>): T | null {
    const value = this.body[field];
    if (value === undefined || value === null) return null;
    return this.#checked(field, check(value)) ?? null;
  }

  /** Records a problem with `field` (a dotted path for nested ones, `text_fields.utm_x`). */
  problem(field: string, message: string): undefined {
    this.errors[field] = [...(this.errors[field] ?? []), message];
    return undefined;
  }

  /** Answers 422 with every problem found, if there is any. */
  finish(): void {
    if (Object.keys(this.errors).length > 0) stop(invalidData(this.errors));
  }

  #checked<T>(field: string, result: T | Problem): T | undefined {
    return result instanceof Problem ? this.problem(field, result.message) : result;
  }
}
