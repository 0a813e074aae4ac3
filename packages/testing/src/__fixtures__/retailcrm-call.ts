import type { RetailcrmSimulator } from '../retailcrm/start-retailcrm-simulator.js';

/** How a test request is made; entity objects in `form` are JSON-encoded into one field. */
export interface CallOptions {
  /** The key sent as `X-API-KEY`; `null` sends none. Default: the simulator's current key. */
  key?: string | null;
  /** Query parameters, flat keys (`filter[ids][]`), arrays repeated. */
  query?: Record<string, string | number | readonly (string | number)[]>;
  /** Form fields; objects and arrays are JSON-encoded, as the vendor expects. */
  form?: Record<string, unknown>;
  /** A raw JSON body instead of a form (which the vendor refuses). */
  json?: unknown;
}

/** A decoded answer. */
export interface CallResult {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: test answers are inspected freely
  body: any;
  headers: Headers;
}

/** Calls the simulator with plain `fetch`, as a connector would. */
export async function call(
  crm: RetailcrmSimulator,
  method: 'GET' | 'POST',
  path: string,
  options: CallOptions = {},
): Promise<CallResult> {
  const url = new URL(path.startsWith('/api/') ? path : `/api/v5${path}`, crm.url);
  for (const [key, value] of Object.entries(options.query ?? {})) {
    for (const item of Array.isArray(value) ? value : [value])
      url.searchParams.append(key, String(item));
  }
  const headers: Record<string, string> = {};
  const key = options.key === undefined ? crm.apiKey : options.key;
  if (key !== null) headers['x-api-key'] = key;
  let body: string | undefined;
  if (options.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.form !== undefined) {
    const form = new URLSearchParams();
    for (const [name, value] of Object.entries(options.form)) {
      form.append(name, typeof value === 'string' ? value : JSON.stringify(value));
    }
    body = form.toString();
    headers['content-type'] = 'application/x-www-form-urlencoded';
  }
  const response = await fetch(url, { method, headers, ...(body === undefined ? {} : { body }) });
  return { status: response.status, body: await response.json(), headers: response.headers };
}
