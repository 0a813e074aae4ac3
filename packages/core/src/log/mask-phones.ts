import { digitOf, phonesInRun } from './phone-run.js';

/** A digit, as `normalizePhone` reads them: ASCII, full-width, Arabic-Indic, Extended. */
const digit = String.raw`[0-9\uff10-\uff19\u0660-\u0669\u06f0-\u06f9]`;
/**
 * What people, URLs and pasted text put between the digits of a number: spaces (any Unicode
 * space, `%20`), dashes (any Unicode dash), dots, slashes, brackets (full-width and `%28` `%29`
 * too) and invisible marks (bidi marks, zero-width spaces, the soft hyphen).
 */
const separator = `(?:[${[
  String.raw`\s\p{Zs}`,
  String.raw`\-\u2010-\u2015\u2212\ufe58\ufe63\uff0d`,
  String.raw`.\uff0e/\uff0f()\uff08\uff09`,
  String.raw`\u00ad\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\u061c\ufeff`,
].join('')}]|%20|%28|%29)`;
const plus = String.raw`(?:\+|\uff0b|%2B)`;
/**
 * Where a number may start: not glued to a letter or digit before it (nor joined to one by a
 * dash, as in a UUID), except right after a percent-escape (`%3D0671234513`).
 */
const start = String.raw`(?:(?<=%[0-9a-f]{2})|(?<![\p{L}\p{N}%]|[\p{L}\p{N}]-))`;
/** A phone-like run: maybe a plus and a bracket, then 7+ digits at most 3 separators apart. */
const phoneLike = new RegExp(
  String.raw`${start}${plus}?(?:\(|\uff08|%28)?${digit}(?:${separator}{0,3}${digit}){6,}`,
  'giu',
);
/** What glues a run to an identifier after it: a letter or digit, or a dash and one. */
const gluedAfter = /^(?:[\p{L}\p{N}]|-[\p{L}\p{N}])/u;
const anyDigit = new RegExp(digit, 'u');
const plusStart = new RegExp(`^${plus}`, 'iu');

/**
 * Masks the phone numbers in a text, keeping each one's first five digits (fewer in a short
 * number, so at least five are always hidden), its last two and its separators:
 * `+380671234567` → `+38067*****67`, `067.123.45.67` → `067.***.**.67`. A run of 7 digits or
 * more (any of the digits and separators `normalizePhone` reads, also URL-encoded) is masked
 * only where it reads as a valid number — Ukrainian, or international with or without `+` —
 * and is not part of an identifier: an id (`calls:1732012345678`), a decimal part
 * (`1732012345.123`), a timestamp, a date, an amount, a UUID or an IP address stay as they
 * are. A text without digits is returned at once.
 */
export function maskPhones(text: string): string {
  if (!anyDigit.test(text)) return text;
  return text.replace(phoneLike, (run: string, offset: number, whole: string) => {
    const after = whole.slice(offset + run.length, offset + run.length + 2);
    const spans = phonesInRun(run, plusStart.test(run), gluedAfter.test(after));
    let masked = run;
    for (const [from, to] of spans) {
      masked = masked.slice(0, from) + maskDigits(masked.slice(from, to)) + masked.slice(to);
    }
    return masked;
  });
}

/** Masks the digits of one number, keeping the first few (at most five) and the last two. */
function maskDigits(number: string): string {
  let count = 0;
  for (let index = 0; index < number.length; index += 1) {
    if (digitOf(number.charCodeAt(index)) !== undefined) count += 1;
  }
  const head = Math.min(5, Math.max(0, count - 7));
  let position = 0;
  let result = '';
  for (const char of number) {
    if (digitOf(char.charCodeAt(0)) === undefined) {
      result += char;
      continue;
    }
    result += position < head || position >= count - 2 ? char : '*';
    position += 1;
  }
  return result;
}

/**
 * A copy of a log line's object with phone numbers masked in every string, however deep
 * (`url`, `err.message`, arrays …). An `Error` becomes `{ type, message, stack, code?,
 * cause? }` (what pino's error serializer writes), a value with `toJSON` (a `URL`, a `Date`)
 * its JSON form; numbers and booleans are left alone.
 */
export function maskPersonalData(value: unknown): unknown {
  return maskValue(value, 0, new WeakSet());
}

const maxDepth = 8;

function maskValue(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (typeof value === 'string') return maskPhones(value);
  if (typeof value !== 'object' || value === null || depth > maxDepth) return value;
  if (seen.has(value)) return '[Circular]';
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => maskValue(item, depth + 1, seen));
  if (value instanceof Error) return maskError(value, depth, seen);
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') return maskValue(toJSON.call(value), depth + 1, seen);
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = maskValue(item, depth + 1, seen);
  return copy;
}

function maskError(error: Error, depth: number, seen: WeakSet<object>): Record<string, unknown> {
  const copy: Record<string, unknown> = { type: error.name };
  for (const [key, item] of Object.entries(error)) copy[key] = maskValue(item, depth + 1, seen);
  copy.message = maskPhones(error.message);
  if (error.stack) copy.stack = maskPhones(error.stack);
  if (error.cause !== undefined) copy.cause = maskValue(error.cause, depth + 1, seen);
  return copy;
}
