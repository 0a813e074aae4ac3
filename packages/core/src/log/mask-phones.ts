/** Separators people and URLs put between the digits of a phone number. */
const separator = String.raw`(?:[ \t\-()+]|%20|%28|%29|%2B)`;
/**
 * A phone-like run: an optional `+` (or `%2B`), then 7 or more digits with at most three
 * separators between two digits, not glued to a letter or digit on either side (nor joined to
 * one by a dash, as in a UUID). An ISO date (`2024-01-15`) is not one.
 */
const phoneLike = new RegExp(
  String.raw`(?<![\p{L}\p{N}%]|[\p{L}\p{N}]-)(?!\d{4}-\d{2}-\d{2}(?!\d))(?:\+|%2B)?(?:\(|%28)?\d(?:${separator}{0,3}\d){6,}(?![\p{L}\p{N}]|-[\p{L}\p{N}])`,
  'giu',
);
const minimumDigits = 7;
const maxDepth = 8;

/**
 * Masks every phone-like digit run in a text, keeping its first five digits (fewer in a short
 * run, so at least five are always hidden) and its last two, and its separators:
 * `+380671234567` → `+38067*****67`, `0671234513` → `067*****13`. Runs of 7 digits or more
 * count, with `+`, spaces, dashes and parentheses (also URL-encoded) between the digits.
 */
export function maskPhones(text: string): string {
  return text.replace(phoneLike, (match) => {
    const digits = match.replace(/%2B|%20|%28|%29/gi, '').replace(/\D/g, '').length;
    if (digits < minimumDigits) return match;
    const head = Math.min(5, Math.max(0, digits - 7));
    let index = 0;
    return match.replace(/%2B|%20|%28|%29|\d/gi, (part) => {
      if (!/^\d$/.test(part)) return part;
      const position = index;
      index += 1;
      return position < head || position >= digits - 2 ? part : '*';
    });
  });
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
