import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TeycaWebhookHandler } from './webhook.js';

const defaultMaxBodyBytes = 1_048_576;

/**
 * The handler as a `node:http` request listener (also Express, which passes the same objects,
 * when no body parser ran first): POST only, the body read up to `maxBodyBytes`.
 *
 * @example
 * ```ts
 * http.createServer(toNodeHandler(inlet)).listen(8080);
 * ```
 */
export function toNodeHandler(
  handler: TeycaWebhookHandler,
): (request: IncomingMessage, response: ServerResponse) => Promise<void> {
  const limit = handler.options.maxBodyBytes ?? defaultMaxBodyBytes;
  return async (request, response) => {
    const answer = (status: number, body = '') => {
      response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(body);
    };
    if (request.method !== 'POST') return answer(405, 'POST only');
    const chunks: Buffer[] = [];
    let size = 0;
    try {
      for await (const chunk of request) {
        size += (chunk as Buffer).length;
        if (size > limit) return answer(413, 'too large');
        chunks.push(chunk as Buffer);
      }
    } catch {
      return answer(400, 'body not read');
    }
    const headers = Object.fromEntries(
      Object.entries(request.headers).map(([name, value]) => [
        name,
        Array.isArray(value) ? value.join(', ') : value,
      ]),
    );
    const result = await handler(Buffer.concat(chunks).toString('utf8'), headers, request.url);
    answer(result.status, result.body);
  };
}

/**
 * The handler for the Fetch API's `Request` → `Response` (Deno, Bun, Cloudflare Workers, Hono,
 * Next.js route handlers): POST only, the body read up to `maxBodyBytes`.
 *
 * @example
 * ```ts
 * export const POST = toFetchHandler(inlet);
 * ```
 */
export function toFetchHandler(
  handler: TeycaWebhookHandler,
): (request: Request) => Promise<Response> {
  const limit = handler.options.maxBodyBytes ?? defaultMaxBodyBytes;
  const answer = (status: number, body = '') =>
    new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  return async (request) => {
    if (request.method !== 'POST') return answer(405, 'POST only');
    const declared = Number(request.headers.get('content-length') ?? 0);
    if (declared > limit) return answer(413, 'too large');
    const raw = await readCapped(request, limit);
    if (raw === undefined) return answer(413, 'too large');
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => {
      headers[name] = value;
    });
    const result = await handler(raw, headers, request.url);
    return answer(result.status, result.body);
  };
}

/** The body as text, read chunk by chunk; `undefined` (and the rest unread) once over `limit`. */
async function readCapped(request: Request, limit: number): Promise<string | undefined> {
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
