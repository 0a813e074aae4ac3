import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { failureOf } from '../__fixtures__/failure-of.js';
import { TransportError } from '../errors/transport-error.js';
import type { Logger } from '../log.js';
import { LocalRateLimiter } from '../rate-limit/local-rate-limiter.js';
import { createHttpClient } from './create-http-client.js';

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

let server: Server | undefined;

async function listen(handler: Handler): Promise<string> {
  server = createServer(handler);
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

describe('createHttpClient against a loopback server', () => {
  it('classifies a request that gets no answer in time as a retryable TIMEOUT', async () => {
    const url = await listen(() => {}); // never answers
    const http = createHttpClient({ baseUrl: url, timeoutMs: 50, retry: { retries: 0 } });
    const error = await failureOf(http.request({ path: '/slow' }));
    expect(TransportError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'TIMEOUT', retryable: true, mayHaveReachedVendor: true });
  });

  it('retries a GET whose connection was dropped, and gets the answer', async () => {
    let calls = 0;
    const url = await listen((request, response) => {
      calls += 1;
      if (calls < 3) {
        request.socket.destroy();
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
    const http = createHttpClient({ baseUrl: url, retry: { baseDelayMs: 1 } });
    await expect(http.request({ path: '/flaky' })).resolves.toMatchObject({ data: { ok: true } });
    expect(calls).toBe(3);
  });

  it('delivers every request of a 429 storm once the vendor lets them through', async () => {
    let throttled = 0;
    const seen = new Set<string>();
    const url = await listen((request, response) => {
      if (Math.random() < 0.4) {
        throttled += 1;
        response.writeHead(429, { 'retry-after': '0' }).end();
        return;
      }
      seen.add(request.url ?? '');
      response.writeHead(200).end();
    });
    const http = createHttpClient({
      baseUrl: url,
      rateLimiter: new LocalRateLimiter({ limit: 500 }),
      retry: { retries: 20, throttleDelayMs: 1 },
    });
    await Promise.all(
      Array.from({ length: 60 }, (_, index) =>
        http.request({ method: 'POST', path: `/calls/${index}` }),
      ),
    );
    expect(seen.size).toBe(60);
    expect(throttled).toBeGreaterThan(0);
  });

  it("calls the host's logger as methods, keeping its `this`", async () => {
    const url = await listen((_request, response) => void response.writeHead(204).end());
    class RecordingLogger implements Logger {
      readonly lines: string[] = [];
      debug(object: Record<string, unknown>, message?: string) {
        this.lines.push(`${message} ${object.status ?? ''}`);
      }
      info() {}
      warn() {}
      error() {}
    }
    const logger = new RecordingLogger();
    await createHttpClient({ baseUrl: url, logger }).request({ path: '/x' });
    expect(logger.lines).toEqual(['response 204']);
  });
});
