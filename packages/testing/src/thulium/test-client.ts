import type { ThuliumSimulator } from './start-thulium-simulator.js';

/** What {@link callThulium} answers. */
export interface ThuliumAnswer {
  readonly status: number;
  readonly body: unknown;
}

/** Options of {@link callThulium}. */
export interface CallOptions {
  /** A JSON body. */
  readonly json?: unknown;
  /** A raw body. */
  readonly bytes?: Uint8Array;
  /** The password to send. @defaultValue the current one */
  readonly password?: string;
  /** Headers. */
  readonly headers?: Record<string, string>;
}

/** Calls the simulator at `path` under `/api`, as the API user with Basic auth. */
export async function callThulium(
  thulium: ThuliumSimulator,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<ThuliumAnswer> {
  const password = options.password ?? thulium.apiKey;
  const basic = Buffer.from(`${thulium.user}:${password}`).toString('base64');
  const headers: Record<string, string> = { authorization: `Basic ${basic}`, ...options.headers };
  let body: string | Uint8Array<ArrayBuffer> | undefined;
  if (options.json !== undefined) {
    headers['content-type'] = 'application/json; charset=utf-8';
    body = JSON.stringify(options.json);
  } else if (options.bytes !== undefined) {
    body = new Uint8Array(options.bytes);
  }
  const init = body === undefined ? { method, headers } : { method, headers, body };
  const response = await fetch(`${thulium.url}/api${path}`, init);
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text === '' ? undefined : JSON.parse(text);
  } catch {
    // plain text
  }
  return { status: response.status, body: parsed };
}
