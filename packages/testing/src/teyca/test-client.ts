import type { TeycaSimulator } from './start-teyca-simulator.js';

/** What {@link callTeyca} answers: the status, the parsed body and the headers. */
export interface TeycaAnswer {
  readonly status: number;
  readonly body: unknown;
  readonly headers: Headers;
}

/** Calls the simulator at `path` under `/v1/{token}` (or under `/v1` when `path` starts with `//`). */
export async function callTeyca(
  teyca: TeycaSimulator,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<TeycaAnswer> {
  const url = path.startsWith('//')
    ? `${teyca.url}/v1/${path.slice(2)}`
    : `${teyca.baseUrl}${path}`;
  const response = await fetch(url, {
    method,
    headers: {
      authorization: teyca.apiKey,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // plain text
  }
  return { status: response.status, body: parsed, headers: response.headers };
}
