import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Faults the loopback vendor injects, each as a probability or a range. */
export interface Faults {
  /** Share of requests answered 503. */
  serverErrors?: number;
  /** Share of requests whose connection is dropped before any answer. */
  dropped?: number;
  /** Random latency range in ms. */
  latencyMs?: [number, number];
  /** Answer every request 403 (the key lost a right). */
  forbidden?: boolean;
}

/**
 * A tiny vendor on loopback for core's own tests: `POST /calls` stores a call by its
 * `externalId` (a repeat of the same id is answered 200 and not stored twice, as real CRMs
 * dedupe by external id), `GET /me` checks the key. Requests need `X-API-KEY`.
 */
export async function startLoopbackVendor(apiKey: string) {
  let key = apiKey;
  let faults: Faults = {};
  const stored = new Map<string, Record<string, unknown>>();
  const order: string[] = [];
  let requests = 0;
  let resent = 0;
  const server = createServer((request, response) => {
    requests += 1;
    void handle(request, response);
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const [min, max] = faults.latencyMs ?? [0, 0];
    if (max > 0)
      await new Promise((resolve) => setTimeout(resolve, min + Math.random() * (max - min)));
    if (Math.random() < (faults.dropped ?? 0)) return void request.socket.destroy();
    const json = (status: number, body: unknown): void => {
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    if (request.headers['x-api-key'] !== key) return json(401, { message: 'Wrong API key' });
    if (faults.forbidden) return json(403, { message: 'Access denied' });
    if (Math.random() < (faults.serverErrors ?? 0)) return json(503, { message: 'try later' });
    if (request.method === 'GET' && request.url === '/me')
      return json(200, { user: 'integration' });
    if (request.method === 'POST' && request.url === '/calls') {
      const call = JSON.parse(Buffer.concat(chunks).toString()) as Record<string, unknown>;
      const id = String(call.externalId);
      if (stored.has(id)) resent += 1;
      else {
        stored.set(id, call);
        order.push(id);
      }
      return json(200, { id });
    }
    json(404, { message: 'no such route' });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    /** Calls stored, by external id. */
    stored,
    /** External ids in the order they were first stored. */
    order,
    /** Requests received, repeats included. */
    requests: () => requests,
    /** Calls that arrived again with an external id already stored (deduped, not stored). */
    resent: () => resent,
    /** Rotates the key: requests with the old one get 401 from now on. */
    rotateKey(next: string) {
      key = next;
    },
    setFaults(next: Faults) {
      faults = next;
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
