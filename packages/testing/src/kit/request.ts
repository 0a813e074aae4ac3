import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { type FlatParams, parseFlatParams } from './params.js';

/** One request as the simulator received it, kept for assertions. */
export interface RecordedRequest {
  /** The HTTP method, upper case. */
  readonly method: string;
  /** The path, without the query string. */
  readonly path: string;
  /** The query string, parsed flat (`filter[ids][]` stays one key). */
  readonly query: FlatParams;
  /** The request headers, names lower case. */
  readonly headers: IncomingHttpHeaders;
  /** The raw body text; empty when there was none. */
  readonly body: string;
  /** The body parsed as a form when it was `application/x-www-form-urlencoded`, else empty. */
  readonly form: FlatParams;
  /** When the request arrived (epoch ms). */
  readonly at: number;
}

/** A request as a route handler sees it: the recorded request plus routing details. */
export interface SimulatorRequest extends RecordedRequest {
  /** Path parameters of the matched route, e.g. `{ code: 'ringostat-acme' }`. */
  readonly params: Readonly<Record<string, string>>;
  /** The media type of the body, lower case and without parameters, when one was sent. */
  readonly contentType: string | undefined;
  /** The body's bytes as received (for multipart and binary bodies). */
  readonly rawBody?: Buffer | undefined;
}

const formType = 'application/x-www-form-urlencoded';

/** Reads the whole body of `incoming` and parses its URL, query and (form) body. */
export async function readRequest(
  incoming: IncomingMessage,
  at: number,
): Promise<Omit<SimulatorRequest, 'params'>> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  const rawBody = Buffer.concat(chunks);
  const body = rawBody.toString('utf8');
  const url = new URL(incoming.url ?? '/', 'http://simulator.invalid');
  const contentType = mediaType(incoming.headers['content-type']);
  return {
    method: (incoming.method ?? 'GET').toUpperCase(),
    path: url.pathname,
    query: parseFlatParams(url.searchParams),
    headers: incoming.headers,
    body,
    form: contentType === formType ? parseFlatParams(body) : {},
    at,
    contentType,
    rawBody,
  };
}

/** The value of header `name` (any case); repeated headers are joined with `, `. */
export function headerValue(request: RecordedRequest, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(', ') : value;
}

/** A copy of `request` without routing details, as stored in the request log. */
export function toRecord(request: SimulatorRequest): RecordedRequest {
  const { method, path, query, headers, body, form, at } = request;
  return { method, path, query, headers, body, form, at };
}

function mediaType(header: string | undefined): string | undefined {
  const type = header?.split(';')[0]?.trim().toLowerCase();
  return type === '' ? undefined : type;
}
