import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ValidationError } from '@crossline/core';
import { describe, expect, it } from 'vitest';
import { connectorFor, simulator } from '../__fixtures__/simulator.js';
import { toFetchHandler, toNodeHandler } from './adapters.js';
import type { TeycaPassEvent } from './events.js';
import { createTeycaWebhookHandler } from './webhook.js';

/** A store that keeps events by id, as the Hub's outbox does (a repeat is a duplicate). */
function outbox() {
  const events = new Map<string, TeycaPassEvent>();
  const publish = async (event: TeycaPassEvent) => {
    const duplicate = events.has(event.id);
    events.set(event.id, event);
    return { envelopeId: `passes:${event.id}`, duplicate };
  };
  return { events, publish };
}

const body = (type: string, pass: Record<string, unknown>) => JSON.stringify({ type, pass });

describe('createTeycaWebhookHandler', () => {
  it('stores CREATE / DELETE once however often Teyca repeats them, only the id and type', async () => {
    const { events, publish } = outbox();
    const handler = createTeycaWebhookHandler({ publish, now: () => 1_000 });
    const created = body('CREATE', { user_id: 1000001, bonus: 999999, phone: 'forged' });
    expect(await handler(created, {})).toEqual({ status: 200, body: 'ok' });
    expect(await handler(created, {})).toEqual({ status: 200, body: 'ok' });
    await handler(body('DELETE', { user_id: '1000001' }), {});
    expect([...events.values()]).toEqual([
      {
        id: 'CREATE:1000001',
        type: 'CREATE',
        userId: '1000001',
        receivedAt: 1_000,
        origin: 'webhook',
      },
      {
        id: 'DELETE:1000001',
        type: 'DELETE',
        userId: '1000001',
        receivedAt: 1_000,
        origin: 'webhook',
      },
    ]);
  });

  it('coalesces a burst of UPDATEs of a card into its bucket and one follow-up', async () => {
    const { events, publish } = outbox();
    let now = 120_000;
    const handler = createTeycaWebhookHandler({ publish, now: () => now, coalesceMs: 60_000 });
    for (let index = 0; index < 300; index += 1) {
      now += 100; // 30 s of updates
      await handler(body('UPDATE', { user_id: 7 }), {});
    }
    await handler(body('UPDATE', { user_id: 8 }), {});
    expect([...events.keys()]).toEqual(['UPDATE:7:2', 'UPDATE:7:3', 'UPDATE:8:2']);
    // The follow-up is acted on only after its bucket's predecessor is over, plus 2 s.
    expect(events.get('UPDATE:7:2')?.notBefore).toBeUndefined();
    expect(events.get('UPDATE:7:3')?.notBefore).toBe(3 * 60_000 + 2_000);
  });

  it('coalesceMs 0 stores every UPDATE; an unknown type is stored as UPDATE', async () => {
    const { events, publish } = outbox();
    const handler = createTeycaWebhookHandler({ publish, coalesceMs: 0 });
    await handler(body('UPDATE', { user_id: 7 }), {});
    await handler(body('UPDATE', { user_id: 7 }), {});
    await handler(body('BONUS', { user_id: 7 }), {});
    expect([...events.values()].map((event) => event.type)).toEqual(['UPDATE', 'UPDATE', 'UPDATE']);
  });

  it('checks the shared secret in the URL query (401 without it), never the body', async () => {
    const { events, publish } = outbox();
    const handler = createTeycaWebhookHandler({ publish, secret: 's3cret-value' });
    const update = body('UPDATE', { user_id: 7 });
    expect((await handler(update, {})).status).toBe(401);
    expect((await handler(update, {}, '/hooks/teyca?secret=wrong')).status).toBe(401);
    expect((await handler(update, {}, '/hooks/teyca?secret=s3cret-value')).status).toBe(200);
    expect(events.size).toBe(1);
  });

  it('answers 400 to a body it cannot read, 503 when the store fails (so Teyca retries)', async () => {
    const failing = createTeycaWebhookHandler({
      publish: async () => {
        throw new Error('disk full');
      },
    });
    const refusing = createTeycaWebhookHandler({
      publish: async () => {
        throw new ValidationError('bad event');
      },
    });
    expect((await failing('not json', {})).status).toBe(400);
    expect((await failing(JSON.stringify({ type: 'UPDATE' }), {})).status).toBe(400);
    expect((await failing(body('UPDATE', { user_id: 1 }), {})).status).toBe(503);
    expect((await refusing(body('UPDATE', { user_id: 1 }), {})).status).toBe(400);
  });

  it('answers only after the event is stored', async () => {
    let release: () => void = () => {};
    const stored = new Promise<void>((resolve) => {
      release = resolve;
    });
    let answered = false;
    const handler = createTeycaWebhookHandler({ publish: () => stored });
    const answer = handler(body('CREATE', { user_id: 1 }), {}).then((result) => {
      answered = true;
      return result;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(answered).toBe(false);
    release();
    expect((await answer).status).toBe(200);
  });

  it('toFetchHandler: a Fetch Request in, a Response out; POST only', async () => {
    const { events, publish } = outbox();
    const fetchHandler = toFetchHandler(createTeycaWebhookHandler({ publish, secret: 'k-123456' }));
    const url = 'https://hooks.example/teyca?secret=k-123456';
    const posted = await fetchHandler(
      new Request(url, { method: 'POST', body: body('CREATE', { user_id: 3 }) }),
    );
    expect(posted.status).toBe(200);
    expect((await fetchHandler(new Request(url))).status).toBe(405);
    expect([...events.keys()]).toEqual(['CREATE:3']);
  });
});

describe('the webhook inlet on node:http, fed by the Teyca simulator', () => {
  it('a burst of 200 UPDATEs of a card makes at most two events; CREATE arrives once', {
    timeout: 90_000,
  }, async () => {
    const sim = await simulator();
    const { events, publish } = outbox();
    // The burst within one coalescing bucket, whatever the wall clock: a burst that straddles a
    // bucket boundary makes one more event, and on a loaded machine the
    // 200 deliveries can take 10 s, so a real clock made this test fail when it crossed a minute.
    const inOneBucket = Date.now();
    const server = createServer(
      toNodeHandler(
        createTeycaWebhookHandler({ publish, secret: 'hook-secret', now: () => inOneBucket }),
      ),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const hook = `http://127.0.0.1:${(server.address() as AddressInfo).port}/teyca?secret=hook-secret`;
    try {
      for (const type of ['CREATE', 'UPDATE']) {
        const answer = await fetch(`${sim.baseUrl}/webhook`, {
          method: 'POST',
          headers: { authorization: sim.apiKey, 'content-type': 'application/json' },
          body: JSON.stringify({ type, url: hook }),
        });
        expect(answer.ok).toBe(true);
      }
      const pass = sim.installCard({ phone: '79001234567' });
      sim.burst(pass.user_id, 200);
      await sim.webhooksIdle();
      expect(sim.state.deliveries.filter((delivery) => delivery.type === 'UPDATE').length).toBe(
        200,
      );
      const kinds = [...events.values()].map((event) => `${event.type}:${event.userId}`);
      expect(kinds.filter((kind) => kind.startsWith('CREATE'))).toEqual([`CREATE:${pass.user_id}`]);
      const updates = kinds.filter((kind) => kind.startsWith('UPDATE'));
      expect(updates.length).toBeGreaterThanOrEqual(1);
      expect(updates.length).toBeLessThanOrEqual(2);
      // The consumer re-fetches the pass by id: what the body said is never used.
      const card = await connectorFor(sim).perform(
        'cards.get',
        { id: pass.user_id },
        { envelopeId: 'x', occurredAt: 0 },
      );
      expect(card?.phone).toBe('79001234567');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('the webhook inlet against bad input (review)', () => {
  it.each(['   ', '../../x?y', '1:2', -5, 0, 1.5])(
    'refuses a user_id that is not a positive integer (%j) with 400, storing nothing',
    async (userId) => {
      const { events, publish } = outbox();
      const handler = createTeycaWebhookHandler({ publish });
      const answer = await handler(body('CREATE', { user_id: userId }), {});
      expect(answer.status).toBe(400);
      expect(events.size).toBe(0);
    },
  );

  it('toFetchHandler stops reading a streamed body once it is over maxBodyBytes', async () => {
    const { publish } = outbox();
    const fetchHandler = toFetchHandler(createTeycaWebhookHandler({ publish, maxBodyBytes: 1000 }));
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        if (pulled > 50) controller.close();
        else controller.enqueue(new Uint8Array(1024 * 1024));
      },
    });
    const request = new Request('http://host/teyca', {
      method: 'POST',
      body: stream,
      duplex: 'half',
    } as RequestInit);
    const response = await fetchHandler(request);
    expect(response.status).toBe(413);
    expect(pulled).toBeLessThan(5);
  });
});
