/** A value that can be sent as a query or form parameter. Nested objects use brackets. */
export type ParamValue =
  | string
  | number
  | boolean
  | null
  | undefined
  | readonly ParamValue[]
  | { readonly [key: string]: ParamValue };

/** Query or form parameters: `{ filter: { ids: [1, 2] } }` → `filter[ids][]=1&filter[ids][]=2`. */
export type Params = Readonly<Record<string, ParamValue>>;

/**
 * Encodes parameters the way PHP-style APIs (retailCRM among them) read them: nested objects
 * as `a[b]=…`, arrays as `a[]=…`, booleans as `1`/`0`; `undefined` and `null` are left out.
 */
export function encodeParams(params: Params): URLSearchParams {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) append(search, key, value);
  return search;
}

function append(search: URLSearchParams, key: string, value: ParamValue): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) {
    for (const item of value) append(search, `${key}[]`, item);
  } else if (typeof value === 'object') {
    for (const [name, item] of Object.entries(value)) append(search, `${key}[${name}]`, item);
  } else if (typeof value === 'boolean') {
    search.append(key, value ? '1' : '0');
  } else {
    search.append(key, String(value));
  }
}

/** Joins a base URL and a path with exactly one slash between them. */
export function joinUrl(baseUrl: string, path: string): string {
  if (/^https?:\/\//i.test(path)) return path;
  return `${baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}
