import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type EmpikplaceSimulator,
  startEmpikplaceSimulator,
} from './start-empikplace-simulator.js';

let empik: EmpikplaceSimulator;
let clock = Date.parse('2026-03-01T09:00:00Z');

beforeEach(async () => {
  clock = Date.parse('2026-03-01T09:00:00Z');
  empik = await startEmpikplaceSimulator({
    apiKey: 'sim-key-0123456789',
    now: () => clock,
    attachmentLimitBytes: 1000,
  });
});
afterEach(() => empik.close());

const call = (path: string, init: RequestInit = {}, key: string = empik.apiKey) =>
  fetch(`${empik.url}/api${path}`, { ...init, headers: { authorization: key, ...init.headers } });

// biome-ignore lint/suspicious/noExplicitAny: answers are asserted field by field.
const json = async (answer: Response | Promise<Response>): Promise<any> => (await answer).json();

function seedThread(body = 'Where is my parcel?') {
  const thread = empik.state.addThread({
    customer: { id: 'cust-1', name: 'Anna K.' },
    orderId: 'EMP-1-A',
  });
  empik.state.post(thread.id, { from: 'CUSTOMER_USER', body });
  return thread;
}

function reply(body: string, files: [string, number][] = []) {
  const form = new FormData();
  form.append(
    'message_input',
    new Blob([JSON.stringify({ body, to: [{ type: 'CUSTOMER' }] })], { type: 'application/json' }),
  );
  for (const [name, size] of files)
    form.append('files', new Blob([new Uint8Array(size).fill(7)]), name);
  return form;
}

describe('EmpikPlace simulator: auth', () => {
  it('takes the raw key in Authorization; a Bearer key, a key in the URL, a rotated key get the 401 JSON body', async () => {
    expect((await call('/inbox/threads')).status).toBe(200);
    const bearer = await call('/inbox/threads', {}, `Bearer ${empik.apiKey}`);
    expect(bearer.status).toBe(401);
    expect(await bearer.json()).toEqual({ code: 401, message: expect.any(String) });
    const inUrl = await fetch(`${empik.url}/api/inbox/threads?api_key=${empik.apiKey}`);
    expect(inUrl.status).toBe(401);
    const old = empik.apiKey;
    empik.rotateKey();
    expect((await call('/inbox/threads', {}, old)).status).toBe(401);
    expect((await call('/inbox/threads')).status).toBe(200);
  });

  it('refuses a shop the key has no access to with 403', async () => {
    expect((await call('/orders?shop_id=4321')).status).toBe(200);
    const other = await call('/orders?shop_id=999');
    expect(other.status).toBe(403);
    expect(await other.json()).toMatchObject({
      status: 403,
      message: expect.stringContaining('999'),
    });
    empik.addKey('multi-shop-key-0123', { shops: ['4321', '999'] });
    expect((await call('/orders?shop_id=999', {}, 'multi-shop-key-0123')).status).toBe(200);
  });
});

describe('EmpikPlace simulator: inbox', () => {
  it('lists threads updated since, newest first, in seek pages with the last 100 messages', async () => {
    for (let index = 0; index < 5; index += 1) {
      clock += 1000;
      seedThread(`question ${index}`);
    }
    const first = await json(
      call('/inbox/threads?limit=2&with_messages=true&updated_since=2026-03-01T09:00:02Z'),
    );
    expect(
      first.data.map((thread: { messages: { body: string }[] }) => thread.messages[0]?.body),
    ).toEqual(['question 4', 'question 3']);
    const second = await json(call(`/inbox/threads?page_token=${first.next_page_token}`));
    expect(second.data).toHaveLength(2);
    expect(second.next_page_token).toBeUndefined();
    clock += 1000;
    const thread = empik.state.addThread({ customer: { id: 'c', name: 'C' } });
    for (let index = 0; index < 105; index += 1)
      empik.state.post(thread.id, { from: 'CUSTOMER_USER', body: `m${index}` });
    const listed = await json(call('/inbox/threads?limit=1&with_messages=true'));
    expect(listed.data[0].messages).toHaveLength(100);
    expect(listed.data[0].metadata.total_count).toBe(105);
    const full = await json(call(`/inbox/threads/${thread.id}`));
    expect(full.messages).toHaveLength(105);
  });

  it('posts a multipart reply with files and tracks the conversation attachment total', async () => {
    const thread = seedThread();
    const answer = await call(`/inbox/threads/${thread.id}/message`, {
      method: 'POST',
      body: reply('Hello there', [['a.bin', 600]]),
    });
    expect(answer.status).toBe(201);
    const { message_id } = await json(answer);
    const posted = empik.state.thread(thread.id).messages.at(-1);
    expect(posted).toMatchObject({
      id: message_id,
      body: 'Hello there',
      from: { type: 'SHOP_USER' },
    });
    expect(posted?.attachments).toEqual([{ id: expect.any(String), name: 'a.bin', size: 600 }]);
    expect(
      empik.state.files.get(posted?.attachments[0]?.id ?? '')?.every((byte) => byte === 7),
    ).toBe(true);
    expect(empik.state.attachmentBytes(thread.id)).toBe(600);
    const over = await call(`/inbox/threads/${thread.id}/message`, {
      method: 'POST',
      body: reply('More files', [['b.bin', 401]]),
    });
    expect(over.status).toBe(400);
    expect(empik.state.thread(thread.id).messages).toHaveLength(2);
  });

  it('refuses a body outside 3–50 000 characters and a non-multipart body', async () => {
    const thread = seedThread();
    const path = `/inbox/threads/${thread.id}/message`;
    expect((await call(path, { method: 'POST', body: reply('Hi') })).status).toBe(400);
    expect((await call(path, { method: 'POST', body: reply('x'.repeat(50_001)) })).status).toBe(
      400,
    );
    const json = {
      method: 'POST',
      body: JSON.stringify({ body: 'Hello', to: [{ type: 'CUSTOMER' }] }),
      headers: { 'content-type': 'application/json' },
    };
    expect((await call(path, json)).status).toBe(415);
  });
});

describe('EmpikPlace simulator: orders, limits, faults', () => {
  it('answers OR11 by order_ids with the lines', async () => {
    empik.state.addOrder({
      id: 'EMP-1-A',
      customerId: 'cust-1',
      lines: [{ offer_sku: 'SKU-1', product_title: 'Book X', quantity: 2, price_unit: 64.99 }],
    });
    const answer = await json(call('/orders?order_ids=EMP-1-A'));
    expect(answer.total_count).toBe(1);
    expect(answer.orders[0].order_lines[0]).toMatchObject({
      offer_sku: 'SKU-1',
      quantity: 2,
      price: 129.98,
    });
  });

  it('throttles past the rate limit with 429 and Retry-After, and injects faults', async () => {
    const limited = await startEmpikplaceSimulator({ rateLimit: 2 });
    try {
      const statuses: number[] = [];
      for (let index = 0; index < 3; index += 1) {
        const answer = await fetch(`${limited.url}/api/orders`, {
          headers: { authorization: limited.apiKey },
        });
        statuses.push(answer.status);
        if (answer.status === 429) expect(answer.headers.get('retry-after')).toBe('1');
      }
      expect(statuses).toEqual([200, 200, 429]);
      expect(limited.state.throttled).toBe(1);
    } finally {
      await limited.close();
    }
    empik.fail({ status: 503 });
    expect((await call('/orders')).status).toBe(503);
    expect((await call('/orders')).status).toBe(200);
  });
});
