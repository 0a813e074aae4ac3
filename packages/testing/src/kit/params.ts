/**
 * Query or form parameters as they arrived. Keys stay flat, exactly as sent: `filter[ids][]`
 * is one key, not a nested object. A key sent more than once holds all its values in order.
 */
export type FlatParams = Readonly<Record<string, string | readonly string[]>>;

/**
 * Parses a query string or an `application/x-www-form-urlencoded` body into {@link FlatParams}.
 *
 * @example
 * ```ts
 * parseFlatParams('filter[ids][]=1&filter[ids][]=2&page=1');
 * // → { 'filter[ids][]': ['1', '2'], page: '1' }
 * ```
 */
export function parseFlatParams(input: string | URLSearchParams): FlatParams {
  const search = typeof input === 'string' ? new URLSearchParams(input) : input;
  const values = new Map<string, string[]>();
  for (const [key, value] of search) {
    const list = values.get(key);
    if (list) list.push(value);
    else values.set(key, [value]);
  }
  return Object.fromEntries(
    [...values].map(([key, list]) => [key, list.length === 1 ? (list[0] ?? '') : list]),
  );
}

/** The last value sent for `key` (a repeated scalar keeps the last, as PHP does), if any. */
export function lastValue(params: FlatParams, key: string): string | undefined {
  const value = params[key];
  return typeof value === 'string' ? value : value?.at(-1);
}

/** Every value sent for `key`, in order; empty when the key is absent. */
export function allValues(params: FlatParams, key: string): readonly string[] {
  const value = params[key];
  if (value === undefined) return [];
  return typeof value === 'string' ? [value] : value;
}
