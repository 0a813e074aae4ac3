// Issue 9: faults in the middle of an answer — a reset mid-body, undici's socket and body
// errors, a stalled or dripping body — are transport errors, retried where safe and bounded
// by `timeoutMs`.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { failureOf } from '../__fixtures__/failure-of.js';
import { TransportError } from '../errors/transport-error.js';
import { createHttpClient } from './create-http-client.js';

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

let server: Server | undefined;
const timers: NodeJS.Timeout[] = [];

async function listen(handler: Handler): Promise<string> {
  server = createServer(handler);
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterEach(async () => {
  for (const timer of timers.splice(0)) clearInterval(timer);
  const current = server;
  server = undefined;
  if (!current) return;
  current.closeAllConnections();
  await new Promise((resolve) => current.close(resolve));
});

/** Sends the headers and half a JSON body, then destroys the socket. */
function resetMidBody(request: IncomingMessage, response: ServerResponse): void {
  response.writeHead(200, { 'content-type': 'application/json', 'content-length': '64' });
  response.write('{"id":');
  setTimeout(() => request.socket.destroy(), 10);
}

describe('a connection reset mid-body', () => {
  it('is a retryable TransportError, and a GET is retried until it gets the answer', async () => {
    let calls = 0;
    const url = await listen((request, response) => {
      calls += 1;
      if (calls < 3) return resetMidBody(request, response);
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"id":7}');
    });
    const http = createHttpClient({ baseUrl: url, retry: { baseDelayMs: 1 } });
    await expect(http.request({ path: '/customers/7' })).resolves.toMatchObject({
      data: { id: 7 },
    });
    expect(calls).toBe(3);
  });

  it('fails a plain POST at once (it may have been processed) but leaves it retryable', async () => {
    let calls = 0;
    const url = await listen((request, response) => {
      calls += 1;
      resetMidBody(request, response);
    });
    const http = createHttpClient({ baseUrl: url, retry: { baseDelayMs: 1 } });
    const error = await failureOf(http.request({ method: 'POST', path: '/calls', json: {} }));
    expect(TransportError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      code: 'TRANSPORT_ERROR',
      retryable: true,
      mayHaveReachedVendor: true,
    });
    expect(calls).toBe(1);
  });

  it('retries a POST the caller marked idempotent', async () => {
    let calls = 0;
    const url = await listen((request, response) => {
      calls += 1;
      if (calls < 2) return resetMidBody(request, response);
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
    const http = createHttpClient({ baseUrl: url, retry: { baseDelayMs: 1 } });
    await expect(
      http.request({ method: 'POST', path: '/calls', json: {}, idempotent: true }),
    ).resolves.toMatchObject({ data: { ok: true } });
    expect(calls).toBe(2);
  });
});

describe("undici's transport failures", () => {
  const socketError = (code: string, message: string) =>
    Object.assign(new Error(message), { name: 'SocketError', code });
  const cases: Array<[string, () => unknown, string]> = [
    [
      'terminated (UND_ERR_SOCKET)',
      () =>
        new TypeError('terminated', { cause: socketError('UND_ERR_SOCKET', 'other side closed') }),
      'TRANSPORT_ERROR',
    ],
    ['terminated without a cause', () => new TypeError('terminated'), 'TRANSPORT_ERROR'],
    [
      'UND_ERR_BODY_TIMEOUT',
      () =>
        new TypeError('terminated', {
          cause: socketError('UND_ERR_BODY_TIMEOUT', 'Body Timeout Error'),
        }),
      'TIMEOUT',
    ],
    [
      'UND_ERR_HEADERS_TIMEOUT',
      () =>
        new TypeError('fetch failed', {
          cause: socketError('UND_ERR_HEADERS_TIMEOUT', 'Headers Timeout Error'),
        }),
      'TIMEOUT',
    ],
    [
      'ECONNRESET',
      () => new TypeError('terminated', { cause: socketError('ECONNRESET', 'read ECONNRESET') }),
      'TRANSPORT_ERROR',
    ],
    [
      'EPIPE',
      () => new TypeError('fetch failed', { cause: socketError('EPIPE', 'write EPIPE') }),
      'TRANSPORT_ERROR',
    ],
  ];

  it.each(cases)(
    '%s is a retryable transport error and a GET is retried',
    async (_name, make, code) => {
      let calls = 0;
      const http = createHttpClient({
        baseUrl: 'https://api.vendor.test',
        retry: { retries: 2, baseDelayMs: 1 },
        fetch: async () => {
          calls += 1;
          throw make();
        },
      });
      const error = await failureOf(http.request({ path: '/x' }));
      expect(TransportError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ code, retryable: true, mayHaveReachedVendor: true });
      expect(calls).toBe(3);
    },
  );

  it('a failure while reading the body of an answer is retried too', async () => {
    let calls = 0;
    const http = createHttpClient({
      baseUrl: 'https://api.vendor.test',
      retry: { retries: 1, baseDelayMs: 1 },
      fetch: async () => {
        calls += 1;
        const body = new ReadableStream({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"a":'));
            controller.error(
              new TypeError('terminated', {
                cause: socketError('UND_ERR_SOCKET', 'other side closed'),
              }),
            );
          },
        });
        return new Response(body, { headers: { 'content-type': 'application/json' } });
      },
    });
    const error = await failureOf(http.request({ path: '/x' }));
    expect(error).toMatchObject({ code: 'TRANSPORT_ERROR', retryable: true });
    expect(calls).toBe(2);
  });
});

describe('timeoutMs bounds the whole exchange, body included', () => {
  it('a body that stalls after the headers times out (not after undici’s 300 s)', async () => {
    const url = await listen((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"items":[');
    });
    const http = createHttpClient({ baseUrl: url, timeoutMs: 300, retry: { retries: 0 } });
    const started = Date.now();
    const error = await failureOf(http.request({ path: '/stall' }));
    expect(TransportError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'TIMEOUT', retryable: true });
    expect(Date.now() - started).toBeLessThan(5000);
  }, 15_000);

  it('a body that drips one byte every 100 ms times out', async () => {
    const url = await listen((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/plain' });
      timers.push(setInterval(() => response.write('x'), 100));
    });
    const http = createHttpClient({ baseUrl: url, timeoutMs: 300, retry: { retries: 0 } });
    const started = Date.now();
    const error = await failureOf(http.request({ path: '/drip' }));
    expect(error).toMatchObject({ code: 'TIMEOUT', retryable: true });
    expect(Date.now() - started).toBeLessThan(5000);
  }, 15_000);

  it('a caller abort while the body is read is the caller’s reason, not a timeout', async () => {
    const url = await listen((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"items":[');
    });
    const http = createHttpClient({ baseUrl: url, timeoutMs: 10_000, retry: { retries: 0 } });
    const controller = new AbortController();
    const reason = new Error('host stopping');
    setTimeout(() => controller.abort(reason), 100);
    await expect(http.request({ path: '/stall', signal: controller.signal })).rejects.toBe(reason);
  }, 15_000);
});
