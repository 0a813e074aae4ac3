import { isPlainObject } from '../kit/json-value.js';
import { type DateTimeFormat, isDateTime } from './date-time.js';

/** Field path → message, as the vendor's `errors` object. */
export type FieldErrors = Record<string, string>;

const blank = 'This value should not be blank.';
const typeMessage = (type: string) => `This value should be of type ${type}.`;

/**
 * Reads typed fields out of a decoded JSON entity, collecting vendor-style messages for the
 * fields that are missing or malformed instead of stopping at the first.
 */
export class EntityReader {
  /**
   * @param entity - the decoded entity
   * @param errors - where messages are collected
   * @param prefix - the path of `entity` inside the request, for messages
   */
  constructor(
    readonly entity: Readonly<Record<string, unknown>>,
    readonly errors: FieldErrors = {},
    readonly prefix = '',
  ) {}

  /** Whether `field` was sent with a value other than null. */
  has(field: string): boolean {
    return this.entity[field] !== undefined && this.entity[field] !== null;
  }

  /** A string field; numbers are accepted and turned into strings, as the vendor does. */
  string(field: string, required = false): string | undefined {
    const value = this.#value(field, required);
    if (value === undefined) return undefined;
    if (typeof value === 'number') return String(value);
    if (typeof value === 'string') return this.#nonBlank(field, value, required);
    return this.#error(field, typeMessage('string'));
  }

  /** An integer field; a numeric string is accepted. */
  integer(field: string, required = false): number | undefined {
    const value = this.#value(field, required);
    if (value === undefined) return undefined;
    const number = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
    if (typeof number === 'number' && Number.isInteger(number)) return number;
    return this.#error(field, typeMessage('integer'));
  }

  /** A boolean field (`true`/`false`, or `1`/`0`). */
  boolean(field: string): boolean | undefined {
    const value = this.#value(field, false);
    if (value === undefined || typeof value === 'boolean') return value;
    if (value === 1 || value === 0) return value === 1;
    return this.#error(field, typeMessage('bool'));
  }

  /** A string field that must be one of `choices`. */
  choice<T extends string>(field: string, choices: readonly T[], required = false): T | undefined {
    const value = this.string(field, required);
    if (value === undefined || (choices as readonly string[]).includes(value)) {
      return value as T | undefined;
    }
    return this.#error(field, 'The value you selected is not a valid choice.');
  }

  /** A date-time string in exactly `format`. */
  dateTime(field: string, format: DateTimeFormat, required = false): string | undefined {
    const value = this.string(field, required);
    if (value === undefined || isDateTime(value, format)) return value;
    return this.#error(field, 'This value is not a valid datetime.');
  }

  /** A nested JSON object. */
  object(field: string, required = false): Record<string, unknown> | undefined {
    const value = this.#value(field, required);
    if (value === undefined || isPlainObject(value)) return value;
    return this.#error(field, typeMessage('object'));
  }

  /** A JSON array. */
  list(field: string, required = false): unknown[] | undefined {
    const value = this.#value(field, required);
    if (value === undefined || Array.isArray(value)) return value;
    return this.#error(field, typeMessage('array'));
  }

  /** An array of strings (numbers accepted). */
  stringList(field: string): string[] | undefined {
    const list = this.list(field);
    if (list?.every((item) => typeof item === 'string' || typeof item === 'number')) {
      return list.map(String);
    }
    return list === undefined ? undefined : this.#error(field, typeMessage('array of strings'));
  }

  /** An array of integers (numeric strings accepted). */
  integerList(field: string): number[] | undefined {
    const list = this.list(field);
    if (list === undefined) return undefined;
    const numbers = list.map((item) => (typeof item === 'string' ? Number(item) : item));
    if (numbers.every((item) => typeof item === 'number' && Number.isInteger(item))) {
      return numbers as number[];
    }
    return this.#error(field, typeMessage('array of integers'));
  }

  /** A reader for a nested object, writing into the same errors with a longer path. */
  child(path: string, entity: Readonly<Record<string, unknown>>): EntityReader {
    return new EntityReader(entity, this.errors, this.#path(path));
  }

  /** Records a message for `field`. */
  addError(field: string, message: string): void {
    this.errors[this.#path(field)] ??= message;
  }

  /** Whether no field was wrong so far. */
  get ok(): boolean {
    return Object.keys(this.errors).length === 0;
  }

  #value(field: string, required: boolean): unknown {
    const value = this.entity[field];
    if (value !== undefined && value !== null) return value;
    if (required) this.addError(field, blank);
    return undefined;
  }

  #nonBlank(field: string, value: string, required: boolean): string | undefined {
    if (!required || value.trim() !== '') return value;
    return this.#error(field, blank);
  }

  #error(field: string, message: string): undefined {
    this.addError(field, message);
    return undefined;
  }

  #path(field: string): string {
    if (this.prefix === '' || field === '') return this.prefix || field;
    return field.startsWith('[') ? `${this.prefix}${field}` : `${this.prefix}.${field}`;
  }
}
