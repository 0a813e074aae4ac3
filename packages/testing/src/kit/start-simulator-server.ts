import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import FindMyWay from 'find-my-way';
import { FaultInjector, type Latency } from './faults.js';
import {
  type RateLimitRule,
  type RateLimitVerdict,
  SlidingWindowRateLimiter,
} from './rate-limiter.js';
import { jsonReply, ReplyError, type SimulatorReply, writeReply } from './reply.js';
import { type RecordedRequest, readRequest, type SimulatorRequest, toRecord } from './request.js';
import type { SimulatorControls } from './simulator-controls.js';

/** HTTP methods a simulator route can answer. */
export type SimulatorMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Answers one request. Throw a {@link ReplyError} to answer early. */
export type RouteHandler = (request: SimulatorRequest) => SimulatorReply | Promise<SimulatorReply>;

/** One route of a simulator. */
export interface SimulatorRoute {
  /** The HTTP method. */
  readonly method: SimulatorMethod;
  /** The path in find-my-way syntax, e.g. `/api/v5/customers/:externalId/edit`. */
  readonly path: string;
  /** Answers the request. */
  readonly handle: RouteHandler;
}

/** Rate limiting of a simulator: buckets per key, judged when a request arrives. */
export interface SimulatorRateLimit {
  /** The key a request counts against (e.g. its API key); undefined leaves it unlimited. */
  readonly key: (request: SimulatorRequest) => string | undefined;
  /** The buckets, tried in order; the first whose `match` fits the path counts the request. */
  readonly buckets: readonly RateLimitRule[];
  /** The vendor's answer to a throttled request (the verdict says which window refused it). */
  readonly reply: (
    bucket: string,
    request: SimulatorRequest,
    verdict: RateLimitVerdict,
  ) => SimulatorReply;
}

/** What a simulator is made of: its routes and its vendor's way of answering errors. */
export interface SimulatorServerOptions {
  /** The routes. */
  readonly routes: readonly SimulatorRoute[];
  /** The vendor's answer to a path or method it does not know. */
  readonly notFound: RouteHandler;
  /** The vendor's body for a failure injected with `fail()` (and for a handler that throws). */
  readonly failureBody: (status: number, request: SimulatorRequest) => unknown;
  /** Headers the vendor adds to a failure injected with `fail()`, e.g. `Retry-After` on a 429. */
  readonly failureHeaders?:
    | ((status: number, request: SimulatorRequest) => Readonly<Record<string, string>> | undefined)
    | undefined;
  /** Rate limiting; none when absent. */
  readonly rateLimit?: SimulatorRateLimit | undefined;
  /** Latency added to every answer. @defaultValue 0 */
  readonly latencyMs?: Latency | undefined;
}

/** A running simulator server on loopback. */
export interface SimulatorServer extends SimulatorControls {
  /** The origin it listens on, e.g. `http://127.0.0.1:52311`. */
  readonly url: string;
  /** Requests throttled so far, in one bucket or (without `bucket`) in all. */
  throttled(bucket?: string): number;
}

/**
 * Starts a simulator on `127.0.0.1` on a free port. Each request is read, recorded, checked
 * against the rate limit (at arrival) and the queued faults, delayed by the latency, then
 * answered by its route.
 *
 * @example
 * ```ts
 * const server = await startSimulatorServer({
 *   routes: [{ method: 'GET', path: '/ping', handle: () => jsonReply(200, { ok: true }) }],
 *   notFound: () => jsonReply(404, { error: 'not found' }),
 *   failureBody: (status) => ({ error: `failure ${status}` }),
 * });
 * ```
 */
export async function startSimulatorServer(
  options: SimulatorServerOptions,
): Promise<SimulatorServer> {
  const router = FindMyWay({ ignoreTrailingSlash: true });
  for (const route of options.routes) router.on(route.method, route.path, noop, route);
  const limiter = new SlidingWindowRateLimiter(options.rateLimit?.buckets ?? []);
  const faults = new FaultInjector(options.latencyMs ?? 0);
  const requests: RecordedRequest[] = [];

  async function answer(request: SimulatorRequest, route: SimulatorRoute | undefined) {
    const { rateLimit } = options;
    const key = rateLimit?.key(request);
    if (rateLimit && key !== undefined) {
      const verdict = limiter.admit(key, request.path, request.at);
      if (verdict && !verdict.admitted) return rateLimit.reply(verdict.bucket, request, verdict);
    }
    const fault = faults.take(request.path);
    if (fault?.kind === 'drop') {
      // A refusal the handler throws is lost with the connection too.
      if (fault.afterHandling)
        await Promise.resolve((route?.handle ?? options.notFound)(request)).catch(() => {});
      return 'drop' as const;
    }
    if (fault?.kind === 'fail') {
      const body = fault.body ?? options.failureBody(fault.status, request);
      return jsonReply(fault.status, body, options.failureHeaders?.(fault.status, request));
    }
    return (route?.handle ?? options.notFound)(request);
  }

  async function handle(incoming: IncomingMessage, response: ServerResponse): Promise<void> {
    const at = Date.now();
    const read = await readRequest(incoming, at);
    const found = router.find(read.method as SimulatorMethod, read.path);
    const route = found?.store as SimulatorRoute | undefined;
    const request: SimulatorRequest = { ...read, params: definedParams(found?.params ?? {}) };
    requests.push(toRecord(request));
    let reply: SimulatorReply | 'drop';
    try {
      reply = await answer(request, route);
    } catch (error) {
      if (error instanceof ReplyError) reply = error.reply;
      else {
        console.error('Simulator route failed:', error);
        reply = jsonReply(500, options.failureBody(500, request));
      }
    }
    const latency = faults.nextLatency();
    if (latency > 0) await sleep(latency);
    if (reply === 'drop') incoming.socket.destroy();
    else writeReply(response, reply);
  }

  const server = createServer((incoming, response) => {
    handle(incoming, response).catch(() => incoming.socket.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    throttled: (bucket) => limiter.throttled(bucket),
    clearRequests: () => void requests.splice(0),
    fail: (failure) => faults.fail(failure),
    drop: (drop) => faults.drop(drop),
    clearFaults: () => faults.clear(),
    setLatency: (latency) => faults.setLatency(latency),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function noop(): void {}

function definedParams(params: Record<string, string | undefined>): Record<string, string> {
  const entries = Object.entries(params).filter(
    (entry): entry is [string, string] => entry[1] !== undefined,
  );
  return Object.fromEntries(entries);
}
