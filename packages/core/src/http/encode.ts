import { ValidationError } from '../errors/validation-error.js';

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

/**
 * Joins a base URL and a path with exactly one slash between them. The path must be relative:
 * an absolute URL would send the account's credentials to another host.
 */
export function joinUrl(baseUrl: string, path: string): string {
  if (/^[a-z][a-z\d+.-]*:|^\/\//i.test(path)) {
    throw new ValidationError('Request path must be relative to the base URL', {
      issues: [{ path: 'path', message: 'absolute URLs are not allowed' }],
    });
  }
  return `${baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/** The rate-limit route of a request path: one leading slash, no query. */
export function routeOf(path: string): string {
  return `/${(path.split('?')[0] ?? '').replace(/^\/+/, '')}`;
}
