import { createHub, MemoryReplayStore, ValidationError } from '@crossline/core';
import { defineConnector, marketplaceMessageSchema } from '@crossline/core/sdk';
import { type EmpikplaceSimulator, startEmpikplaceSimulator } from '@crossline/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { simulated } from './__fixtures__/account.js';

const t0 = Date.parse('2026-03-01T09:00:00Z');
let clock = t0;
let empik: EmpikplaceSimulator;

beforeEach(async () => {
  clock = t0;
  empik = await startEmpikplaceSimulator({ apiKey: 'sim-key-0123456789abcdef', now: () => clock });
});
afterEach(() => empik.close());

/** A destination that accepts every message. */
const sink = defineConnector({
  vendor: 'sink',
  configSchema: z.object({ note: z.string().optional() }),
  createClient: () => undefined,
  verify: async () => ({
    reachable: true,
    credentialsValid: true,
    missingPermissions: [],
    problems: [],
  }),
  actions: { 'messages.store': { input: z.unknown(), run: async () => ({}) } },
});

/** A host: a Hub over `store` polling the `threads` source of a fresh connector. */
async function host(store: MemoryReplayStore, enabledAt?: string) {
  const shop = simulated(empik, {
    threads: { pageSize: 2, overlapMs: 1000, ...(enabledAt ? { enabledAt } : {}) },
  });
  const hub = createHub({ store });
  hub
    .register(shop)
    .register(sink({ id: 'sink' }))
    .pipeline({
      id: 'threads',
      input: marketplaceMessageSchema,
      from: { connector: 'empik-sim', source: 'threads' },
      to: { connector: 'sink', action: 'messages.store' },
    });
  await shop.activate();
  return hub;
}

const texts = async (store: MemoryReplayStore) =>
  (await store.scan('sink', 0, 1000)).map(
    (envelope) => (envelope.payload as { text: string }).text,
  );

function conversation(customer: string) {
  return empik.state.addThread({
    customer: { id: customer, name: customer },
    orderId: `EMP-${customer}`,
  });
}

describe('threads source against the simulator', () => {
  it('reads only what was posted after enabling, pages through, and emits each message once across a restart', async () => {
    const before = conversation('old');
    empik.state.post(before.id, {
      from: 'CUSTOMER_USER',
      body: 'before enabling',
      at: t0 - 3_600_000,
    });
    const mixed = conversation('mixed');
    empik.state.post(mixed.id, { from: 'SHOP_USER', body: 'shop before', at: t0 - 60_000 });
    empik.state.post(mixed.id, { from: 'CUSTOMER_USER', body: 'mixed after', at: t0 + 1000 });
    const shopOnly = conversation('shop-only');
    empik.state.post(shopOnly.id, { from: 'SHOP_USER', body: 'shop only after', at: t0 + 1000 });
    for (let index = 0; index < 5; index += 1)
      empik.state.post(conversation(`c${index}`).id, {
        from: 'CUSTOMER_USER',
        body: `hello ${index}`,
        at: t0 + 2000 + index,
      });
    const store = new MemoryReplayStore();
    const enabledAt = new Date(t0).toISOString();
    expect(await (await host(store, enabledAt)).poll('threads')).toBe(6);
    expect(new Set(await texts(store))).toEqual(
      new Set(['mixed after', 'hello 0', 'hello 1', 'hello 2', 'hello 3', 'hello 4']),
    );
    const pages = empik.requests.filter((request) => request.path === '/api/inbox/threads');
    expect(pages.length).toBeGreaterThanOrEqual(4); // 8 threads, 2 a page

    // Later: the shop and an operator answer, the customer writes again; the host restarts.
    empik.state.post(mixed.id, { from: 'SHOP_USER', body: 'shop answer', at: t0 + 10_000 });
    empik.state.post(mixed.id, { from: 'OPERATOR_USER', body: 'operator note', at: t0 + 11_000 });
    empik.state.post(shopOnly.id, {
      from: 'CUSTOMER_USER',
      body: 'customer joins',
      at: t0 + 12_000,
    });
    const restarted = await host(store); // the enable time comes from the cursor now
    expect(await restarted.poll('threads')).toBe(4);
    expect(await restarted.poll('threads')).toBe(0);
    const all = await texts(store);
    expect(all).toHaveLength(10);
    expect(new Set(all).size).toBe(10);
    expect(all).toEqual(
      expect.arrayContaining(['shop answer', 'operator note', 'shop only after', 'customer joins']),
    );
    const roles = (await store.scan('sink', 0, 1000)).map(
      (envelope) => envelope.payload as { text: string; authorRole: string },
    );
    expect(roles.find((item) => item.text === 'operator note')?.authorRole).toBe('operator');
    expect(all).not.toContain('before enabling');
    expect(all).not.toContain('shop before');
  });

  it('reads the full thread (M10) when M11 carries only the last messages', async () => {
    const small = await startEmpikplaceSimulator({
      apiKey: 'sim-key-small-0123456789',
      now: () => clock,
      listedMessages: 2,
    });
    try {
      const thread = small.state.addThread({ customer: { id: 'c', name: 'C' } });
      for (let index = 0; index < 5; index += 1)
        small.state.post(thread.id, { from: 'CUSTOMER_USER', body: `m${index}`, at: t0 + index });
      const shop = simulated(small, { threads: { enabledAt: new Date(t0).toISOString() } });
      const items: unknown[] = [];
      for await (const item of shop.read('threads', undefined)) items.push(item);
      expect(items).toHaveLength(5);
      expect(
        small.requests.some((request) => request.path === `/api/inbox/threads/${thread.id}`),
      ).toBe(true);
    } finally {
      await small.close();
    }
  });
});

describe('messages.reply against the simulator', () => {
  const context = { envelopeId: 'replies:1', occurredAt: t0 };

  it('sends Markdown as plain text with the footer and the files, once (a redelivery is a duplicate)', async () => {
    const thread = conversation('anna');
    empik.state.post(thread.id, { from: 'CUSTOMER_USER', body: 'Where is it?' });
    const shop = simulated(empik, { replies: { footer: '<i>My Shop</i> team' } });
    const input = {
      conversationId: thread.id,
      text: '## Hello\n\nYour parcel **left** today: [track it](https://track.example/1).',
      format: 'markdown' as const,
      attachments: [
        {
          name: 'label.pdf',
          sizeBytes: 3,
          contentBase64: Buffer.from([1, 2, 3]).toString('base64'),
        },
      ],
    };
    const first = await shop.perform('messages.reply', input, context);
    expect(first.duplicate).toBe(false);
    const posted = empik.state.thread(thread.id).messages.at(-1);
    expect(posted?.body).toBe(
      'Hello\n\nYour parcel left today: track it (https://track.example/1).\n\n<i>My Shop</i> team',
    );
    expect([...(empik.state.files.get(posted?.attachments[0]?.id ?? '') ?? [])]).toEqual([1, 2, 3]);
    const again = await shop.perform('messages.reply', input, context);
    expect(again).toEqual({
      messageId: first.messageId,
      conversationId: thread.id,
      duplicate: true,
    });
    expect(empik.state.thread(thread.id).messages).toHaveLength(2);
  });

  it('refuses a reply that would take the conversation over 10 MB before any byte is sent, stating the sizes', async () => {
    const thread = conversation('big');
    empik.state.post(thread.id, {
      from: 'CUSTOMER_USER',
      body: 'photos',
      attachments: [{ name: 'a.jpg', size: 9 * 1024 * 1024 }],
    });
    empik.clearRequests();
    const shop = simulated(empik);
    const file = Buffer.alloc(2 * 1024 * 1024, 1).toString('base64');
    const failure = shop.perform(
      'messages.reply',
      {
        conversationId: thread.id,
        text: 'Here are the invoices',
        attachments: [{ name: 'inv.pdf', sizeBytes: 2 * 1024 * 1024, contentBase64: file }],
      },
      context,
    );
    await expect(failure).rejects.toBeInstanceOf(ValidationError);
    await expect(failure).rejects.toThrow(
      /2097152 bytes.*11534336 bytes.*10485760 bytes.*9437184 bytes already/,
    );
    expect(empik.requests.filter((request) => request.method === 'POST')).toEqual([]);
    expect(empik.state.thread(thread.id).messages).toHaveLength(1);
  });

  it('refuses a text under 3 or over 50 000 characters as plain text, sending nothing', async () => {
    const thread = conversation('short');
    const shop = simulated(empik);
    const reply = (text: string, format: 'text' | 'html' = 'text') =>
      shop.perform('messages.reply', { conversationId: thread.id, text, format }, context);
    await expect(reply('<p> ok </p>', 'html')).rejects.toThrow(
      /2 characters as plain text; EmpikPlace takes 3 to 50000/,
    );
    await expect(reply('x'.repeat(50_001))).rejects.toBeInstanceOf(ValidationError);
    expect(empik.requests).toEqual([]);
  });

  it('orders.get reads OR11 with the lines', async () => {
    empik.state.addOrder({
      id: 'EMP-9-A',
      customerId: 'c-9',
      lines: [{ offer_sku: 'S1', product_title: 'Mug', quantity: 3, price_unit: 10 }],
    });
    const order = await simulated(empik).perform('orders.get', { orderId: 'EMP-9-A' }, context);
    expect(order).toMatchObject({
      number: 'EMP-9-A',
      lines: [{ sku: 'S1', title: 'Mug', qty: 3, price: 10 }],
      customerId: 'c-9',
    });
  });
});

describe('verify against the simulator', () => {
  it('with no conversation yet, passes the shop it can reach with a note that the match is unchecked', async () => {
    const report = await simulated(empik, { shopId: 4321 }).verify();
    expect(report).toMatchObject({ ok: true, problems: [] });
    expect(report.notes).toEqual([expect.stringMatching(/^the shop has no conversation yet/)]);
  });

  it('passes for a valid key and shop; names a rotated key, a shop the key cannot reach, a shop that does not match', async () => {
    conversation('v');
    expect(await simulated(empik, { shopId: 4321 }).verify()).toMatchObject({ ok: true });
    const other = await simulated(empik, { shopId: 999 }).verify();
    expect(other).toMatchObject({ ok: false, credentialsValid: true });
    expect(other.problems.join('\n')).toMatch(/no access to shop 999/);
    empik.addKey('two-shops-key-0123456789', { shops: ['555', '4321'] });
    const mismatch = await simulated(empik, {
      apiKey: 'two-shops-key-0123456789',
      shopId: 555,
    }).verify();
    expect(mismatch.problems).toEqual(["the key's shop is 4321, not the configured shop 555"]);
    const shop = simulated(empik);
    empik.rotateKey();
    expect(await shop.verify()).toMatchObject({
      ok: false,
      reachable: true,
      credentialsValid: false,
    });
  });
});
