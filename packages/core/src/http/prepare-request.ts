import { encodeParams, joinUrl } from './encode.js';
import { basicToken } from './secrets.js';
import type { HttpAuth, HttpClientOptions, HttpMethod, HttpRequest } from './types.js';

/** A request ready to send: URL, headers and body built, auth applied. */
export interface OutgoingRequest {
  readonly method: HttpMethod;
  readonly url: URL;
  readonly headers: Headers;
  readonly body: URLSearchParams | FormData | string | Uint8Array | undefined;
}

/**
 * Builds what goes on the wire for one attempt — URL, headers, body — before it waits for a
 * rate-limit slot. Auth is applied after the wait ({@link applyAuth}), so a signature or a
 * refreshed token is never stale when the request leaves.
 */
export function prepareRequest(
  request: HttpRequest<unknown>,
  url: string,
  options: HttpClientOptions,
): OutgoingRequest {
  const headers = new Headers(options.headers);
  for (const [name, value] of Object.entries(request.headers ?? {})) headers.set(name, value);
  return {
    method: request.method ?? 'GET',
    url: new URL(url),
    headers,
    body: bodyOf(request, headers),
  };
}

/** The full URL of a request, query included, before auth. */
export function requestUrl(request: HttpRequest<unknown>, baseUrl: string): string {
  const url = joinUrl(baseUrl, request.path);
  const query = request.query ? encodeParams(request.query).toString() : '';
  if (!query) return url;
  return `${url}${url.includes('?') ? '&' : '?'}${query}`;
}

/** Adds the credentials to an outgoing request, right before it is sent. */
export async function applyAuth(
  auth: HttpAuth | undefined,
  outgoing: OutgoingRequest,
): Promise<void> {
  const { headers, url } = outgoing;
  if (auth === undefined) return;
  if (typeof auth === 'function') return auth({ headers, url });
  if (auth.type === 'header') headers.set(auth.name, auth.value);
  else if (auth.type === 'bearer') headers.set('Authorization', `Bearer ${auth.token}`);
  else if (auth.type === 'query') url.searchParams.set(auth.name, auth.value);
  else {
    headers.set('Authorization', `Basic ${basicToken(auth.username, auth.password)}`);
  }
}

function bodyOf(
  request: HttpRequest<unknown>,
  headers: Headers,
): URLSearchParams | FormData | string | Uint8Array | undefined {
  if (request.multipart !== undefined) return request.multipart;
  if (request.form !== undefined) return encodeParams(request.form);
  if (request.bytes !== undefined) {
    if (!headers.has('content-type')) headers.set('content-type', 'application/octet-stream');
    return request.bytes;
  }
  if (request.json === undefined) return undefined;
  if (!headers.has('content-type')) headers.set('content-type', 'application/json');
  return JSON.stringify(request.json);
}
