import { AuthError, ValidationError } from '@crossline/core';
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { apiKey, connector, host, threadJson } from './__fixtures__/account.js';

const enabledAt = '2026-03-01T09:00:00.000Z';
const perform = { envelopeId: 'replies:r-1', occurredAt: Date.parse('2026-03-01T10:00:00Z') };

async function readAll(source: AsyncIterable<unknown>) {
  const items: unknown[] = [];
  for await (const item of source) items.push(item);
  return items;
}

/** The multipart body's parts, as the vendor receives them. */
async function partsOf(body: string, contentType: string) {
  return new Response(Buffer.from(body, 'latin1'), {
    headers: { 'content-type': contentType },
  }).formData();
}

describe('request shapes (nock)', () => {
  it('M11: GET /api/inbox/threads — raw key in Authorization, JSON, filters, limit, shop_id; next page by token + shop_id only', async () => {
    const scope = nock(host, { reqheaders: { authorization: apiKey, accept: 'application/json' } })
      .get('/api/inbox/threads')
      .query({
        updated_since: '2026-03-01T08:58:00.000Z',
        with_messages: 'true',
        limit: '50',
        shop_id: '4321',
      })
      .reply(200, { data: [threadJson()], next_page_token: 'tok-2', previous_page_token: null })
      .get('/api/inbox/threads')
      .query({ page_token: 'tok-2', shop_id: '4321' })
      .reply(200, { data: [] });
    const items = await readAll(connector({ threads: { enabledAt } }).read('threads', undefined));
    expect(items).toEqual([
      {
        id: 'msg-1',
        occurredAt: Date.parse('2026-03-01T09:05:12.345Z'),
        cursor: JSON.stringify({
          enabledAt: Date.parse(enabledAt),
          since: Date.parse('2026-03-01T09:05:12.345Z'),
        }),
        event: {
          id: 'msg-1',
          conversationId: 'thread-1',
          authorRole: 'customer',
          authorName: 'Anna K.',
          text: 'Where is my parcel?',
          sentAt: '2026-03-01T09:05:12.345Z',
          attachments: [{ name: 'photo.jpg', sizeBytes: 204800 }],
          internal: false,
          subject: 'Delivery delay',
          conversationUrl: `${host}/mmp/shop/inbox?threadId=thread-1`,
          customer: { id: 'cust-998877', name: 'Anna K.' },
          order: { id: 'EMP-123456-A', url: `${host}/mmp/shop/order/EMP-123456-A` },
        },
      },
    ]);
    expect(scope.isDone()).toBe(true);
  });

  it('M10 then M12: multipart message_input (JSON part) to the CUSTOMER and one files part per file', async () => {
    let body = '';
    let type = '';
    nock(host, { reqheaders: { authorization: apiKey } })
      .get('/api/inbox/threads/thread-1')
      .query({ shop_id: '4321' })
      .reply(200, threadJson())
      .post('/api/inbox/threads/thread-1/message', (sent) => {
        body = String(sent);
        return true;
      })
      .query({ shop_id: '4321' })
      .matchHeader('content-type', (value) => {
        type = value ?? '';
        return /^multipart\/form-data; boundary=/.test(type);
      })
      .reply(201, { message_id: 'msg-2', thread_id: 'thread-1' });
    const result = await connector().perform(
      'messages.reply',
      {
        conversationId: 'thread-1',
        text: '<p>Hello, your parcel <b>left</b> today.</p>',
        format: 'html',
        attachments: [
          {
            name: 'label.txt',
            contentType: 'text/plain',
            sizeBytes: 5,
            contentBase64: Buffer.from('hello').toString('base64'),
          },
        ],
      },
      perform,
    );
    expect(result).toEqual({ messageId: 'msg-2', conversationId: 'thread-1', duplicate: false });
    const parts = await partsOf(body, type);
    const input = parts.get('message_input') as Blob;
    expect(input.type).toBe('application/json');
    expect(JSON.parse(await input.text())).toEqual({
      body: 'Hello, your parcel left today.',
      to: [{ type: 'CUSTOMER' }],
    });
    const files = parts.getAll('files') as File[];
    expect(files.map((file) => [file.name, file.type, file.size])).toEqual([
      ['label.txt', 'text/plain', 5],
    ]);
    expect(body).toContain('Content-Disposition: form-data; name="message_input"');
  });

  it('OR11: GET /api/orders?order_ids= maps the order, its lines and the panel link', async () => {
    nock(host, { reqheaders: { authorization: apiKey } })
      .get('/api/orders')
      .query({ order_ids: 'EMP-123456-A', shop_id: '4321' })
      .reply(200, {
        total_count: 1,
        orders: [
          {
            order_id: 'EMP-123456-A',
            commercial_id: 'EMP-123456',
            order_state: 'SOME_NEW_STATE',
            created_date: '2026-02-27T18:11:00Z',
            total_price: 129.98,
            currency_iso_code: 'PLN',
            customer: {
              customer_id: 'cust-998877',
              firstname: 'Anna',
              lastname: 'K.',
              shipping_address: null,
            },
            order_lines: [
              {
                order_line_id: 'EMP-123456-A-1',
                offer_sku: 'SKU-1',
                product_title: 'Book X',
                quantity: 2,
                price_unit: 64.99,
                price: 129.98,
                extra: 1,
              },
            ],
          },
        ],
      });
    const order = await connector().perform('orders.get', { orderId: 'EMP-123456-A' }, perform);
    expect(order).toEqual({
      id: 'EMP-123456-A',
      number: 'EMP-123456-A',
      lines: [{ sku: 'SKU-1', title: 'Book X', qty: 2, price: 64.99 }],
      currency: 'PLN',
      createdAt: '2026-02-27T18:11:00.000Z',
      url: `${host}/mmp/shop/order/EMP-123456-A`,
      state: 'SOME_NEW_STATE',
      customerId: 'cust-998877',
    });
  });

  it('no shop id: no shop_id parameter; a missing order is null', async () => {
    nock(host)
      .get('/api/orders')
      .query({ order_ids: 'X-1' })
      .reply(200, { orders: [], total_count: 0 });
    expect(
      await connector({ shopId: undefined }).perform('orders.get', { orderId: 'X-1' }, perform),
    ).toBeNull();
  });

  it('a 401 JSON body becomes an AuthError with its message, never the key', async () => {
    nock(host).get('/api/orders').query(true).reply(401, { code: 401, message: 'Invalid API key' });
    const failure = connector().perform('orders.get', { orderId: 'X-1' }, perform);
    await expect(failure).rejects.toBeInstanceOf(AuthError);
    await expect(failure).rejects.toThrow(/Invalid API key/);
    await expect(failure).rejects.not.toThrow(apiKey);
  });

  it('refuses a reply over the conversation limit with the sizes, sending nothing after M10', async () => {
    nock(host).get('/api/inbox/threads/thread-1').query(true).reply(200, threadJson());
    const failure = connector({ replies: { attachmentLimitBytes: 300_000 } }).perform(
      'messages.reply',
      {
        conversationId: 'thread-1',
        text: 'See attached',
        attachments: [
          { name: 'big.pdf', sizeBytes: 100_000, url: 'https://files.example/big.pdf' },
        ],
      },
      perform,
    );
    await expect(failure).rejects.toBeInstanceOf(ValidationError);
    await expect(failure).rejects.toThrow(
      /100000 bytes.*304800 bytes.*300000 bytes.*204800 bytes already/,
    );
  });
});
