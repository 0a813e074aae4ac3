import { afterEach, describe, expect, it } from 'vitest';
import { lastValue } from './params.js';
import { jsonReply, ReplyError } from './reply.js';
import {
  type SimulatorServer,
  type SimulatorServerOptions,
  startSimulatorServer,
} from './start-simulator-server.js';

let server: SimulatorServer;

afterEach(async () => {
  await server.close();
});

const base: SimulatorServerOptions = {
  routes: [
    {
      method: 'GET',
      path: '/items/:id',
      handle: (request) => jsonReply(200, { id: request.params.id, query: request.query }),
    },
    {
      method: 'POST',
      path: '/items',
      handle: (request) => {
        const name = lastValue(request.form, 'name');
        if (name === undefined) throw new ReplyError(jsonReply(422, { error: 'name missing' }));
        return jsonReply(201, { name });
      },
    },
  ],
  notFound: () => jsonReply(404, { error: 'no route' }),
  failureBody: (status) => ({ error: `vendor ${status}` }),
};

const post = (body: string, type = 'application/x-www-form-urlencoded') =>
  fetch(`${server.url}/items`, { method: 'POST', headers: { 'content-type': type }, body });

describe('startSimulatorServer', () => {
  it('routes with path params and a flat query, records every request', async () => {
    server = await startSimulatorServer(base);
    const response = await fetch(`${server.url}/items/42/?filter[ids][]=1&filter[ids][]=2&x=y`);
    expect(await response.json()).toEqual({
      id: '42',
      query: { 'filter[ids][]': ['1', '2'], x: 'y' },
    });
    await post('name=Ivan&tags[]=a');
    expect(server.requests).toMatchObject([
      { method: 'GET', path: '/items/42/', body: '', form: {} },
      {
        method: 'POST',
        path: '/items',
        body: 'name=Ivan&tags[]=a',
        form: { name: 'Ivan', 'tags[]': 'a' },
      },
    ]);
    server.clearRequests();
    expect(server.requests).toHaveLength(0);
  });

  it('parses a form only when the body is form-encoded, and lets routes answer early', async () => {
    server = await startSimulatorServer(base);
    const json = await post('{"name":"Ivan"}', 'application/json');
    expect(json.status).toBe(422);
    const missing = await fetch(`${server.url}/nowhere`);
    expect(missing.status).toBe(404);
  });

  it('fails the next matching requests with the vendor body, then recovers', async () => {
    server = await startSimulatorServer(base);
    server.fail({ status: 500, times: 2, path: '/items/1' });
    server.fail({ status: 502, path: /^\/items\/2$/, body: { custom: true } });
    const statuses = [];
    for (const id of [2, 1, 1, 1]) statuses.push((await fetch(`${server.url}/items/${id}`)).status);
    expect(statuses).toEqual([502, 500, 500, 200]);
    server.fail({ status: 503 });
    const failed = await fetch(`${server.url}/items/3`);
    expect(await failed.json()).toEqual({ error: 'vendor 503' });
  });

  it('drops connections without an answer', async () => {
    server = await startSimulatorServer(base);
    server.drop({ times: 1 });
    await expect(fetch(`${server.url}/items/1`)).rejects.toThrow();
    expect((await fetch(`${server.url}/items/1`)).status).toBe(200);
  });

  it('loses an answer: handles the request, then drops the connection', async () => {
    const handled: string[] = [];
    const route = base.routes[0];
    server = await startSimulatorServer({
      ...base,
      routes: [
        {
          method: 'GET',
          path: '/items/:id',
          handle: (request) => {
            handled.push(request.params.id ?? '');
            return route?.handle(request) ?? jsonReply(500, {});
          },
        },
      ],
    });
    server.drop({ afterHandling: true });
    server.drop();
    await expect(fetch(`${server.url}/items/1`)).rejects.toThrow();
    await expect(fetch(`${server.url}/items/2`)).rejects.toThrow();
    expect(handled).toEqual(['1']);
  });

  it('throttles per key and bucket, counting refusals', async () => {
    server = await startSimulatorServer({
      ...base,
      rateLimit: {
        key: (request) => request.query.key as string | undefined,
        buckets: [
          { name: 'fast', match: '/items/9', limit: 3 },
          { name: 'slow', limit: 1 },
        ],
        reply: (bucket) => jsonReply(429, { bucket }),
      },
    });
    const get = (path: string, key = 'a') => fetch(`${server.url}${path}?key=${key}`);
    const slow = await Promise.all([get('/items/1'), get('/items/2'), get('/items/1', 'b')]);
    expect(slow.map((response) => response.status).sort()).toEqual([200, 200, 429]);
    const fast = await Promise.all([1, 2, 3, 4].map(() => get('/items/9')));
    expect(fast.map((response) => response.status).sort()).toEqual([200, 200, 200, 429]);
    expect([server.throttled('slow'), server.throttled('fast'), server.throttled()]).toEqual([
      1, 1, 2,
    ]);
    const unkeyed = await Promise.all([1, 2].map(() => fetch(`${server.url}/items/1`)));
    expect(unkeyed.map((response) => response.status)).toEqual([200, 200]);
  });

  it('closes promptly with keep-alive connections open', async () => {
    server = await startSimulatorServer(base);
    await fetch(`${server.url}/items/1`, { headers: { connection: 'keep-alive' } });
    await server.close();
    await expect(fetch(`${server.url}/items/1`)).rejects.toThrow();
  });
});
