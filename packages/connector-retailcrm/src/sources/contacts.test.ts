import type { SourceItem } from '@crossline/core/sdk';
import { startRetailcrmSimulator } from '@crossline/testing';
import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { apiKey, options } from '../__fixtures__/config.js';
import { retailcrm } from '../connector.js';
import type { RetailcrmOptions } from '../options.js';

const portal = 'https://shop.retailcrm.ru';

async function collect<T>(items: AsyncIterable<SourceItem<T>>): Promise<SourceItem<T>[]> {
  const read: SourceItem<T>[] = [];
  for await (const item of items) read.push(item);
  return read;
}

const pagination = (currentPage: number, totalPageCount: number) => ({
  limit: 100,
  totalCount: 0,
  currentPage,
  totalPageCount,
});

afterEach(() => {
  nock.cleanAll();
});

describe('retailCRM contacts source: request shape', () => {
  it('pages GET /api/v5/customers/history by filter[sinceId], yields created entries of the shop', async () => {
    const seen: string[] = [];
    const created = (id: number, customerId: number, site = 'main-shop') => ({
      id,
      createdAt: '2026-05-01 10:00:00',
      created: true,
      source: 'user',
      field: 'id',
      customer: { id: customerId, site, phones: [{ number: '+380671234567' }] },
    });
    const answers = [
      {
        history: [created(41, 7), { id: 42, field: 'first_name', customer: { id: 7 } }],
        pagination: pagination(1, 2),
      },
      { history: [created(43, 8, 'other-shop'), created(44, 9)], pagination: pagination(1, 1) },
    ];
    nock(portal)
      .get(/.*/)
      .times(2)
      .matchHeader('x-api-key', apiKey)
      .reply(async (request: Request) => {
        const url = new URL(request.url);
        seen.push(`${url.pathname}${url.search}`);
        return [200, { success: true, ...answers[seen.length - 1] }];
      });
    const connector = retailcrm({ id: 'crm', ...options({ retries: 0 }) });
    const items = await collect(connector.read('contacts', '40'));
    expect(seen).toEqual([
      '/api/v5/customers/history?limit=100&page=1&filter%5BsinceId%5D=40',
      '/api/v5/customers/history?limit=100&page=1&filter%5BsinceId%5D=42',
    ]);
    expect(items.map(({ id, cursor, occurredAt }) => ({ id, cursor, occurredAt }))).toEqual([
      { id: '7', cursor: '41', occurredAt: Date.parse('2026-05-01T10:00:00+03:00') },
      { id: '9', cursor: '44', occurredAt: Date.parse('2026-05-01T10:00:00+03:00') },
    ]);
    expect(items[0]?.event).toEqual({ id: '7', phones: ['+380671234567'], customFields: {} });
  });

  it('verify() asks for /api/customers/history', async () => {
    nock(portal)
      .get('/api/credentials')
      .reply(200, { success: true, credentials: [], scopes: [], siteAccess: 'access_full' });
    const report = await retailcrm({ id: 'crm', ...options({ retries: 0 }) }).verify();
    expect(report.missingPermissions).toContain('customer_read');
  });
});

describe('retailCRM contacts source on the simulator', () => {
  const closing: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of closing.splice(0)) await close();
  });

  async function simulator() {
    const crm = await startRetailcrmSimulator();
    closing.push(() => crm.close());
    const connect = (overrides: Partial<RetailcrmOptions> = {}) =>
      retailcrm({
        id: 'crm',
        url: crm.url,
        allowLoopback: true,
        apiKey: crm.apiKey,
        site: 'main-shop',
        adminEmail: 'admin@shop.example',
        ...overrides,
      });
    return { crm, connect };
  }

  it('starts from now: customers created before the first read are not emitted; new ones once, across a restart with the cursor', async () => {
    const { crm, connect } = await simulator();
    crm.state.addCustomer({ firstName: 'Old', phones: [{ number: '+380501111111' }] });
    const first = connect();
    expect(await collect(first.read('contacts', undefined))).toEqual([]);
    const fresh = crm.state.addCustomer({
      firstName: 'New',
      phones: [{ number: '+380502222222' }],
    });
    const read = await collect(first.read('contacts', undefined));
    expect(read.map((item) => item.event)).toEqual([
      { id: String(fresh.id), phones: ['+380502222222'], customFields: {} },
    ]);
    const cursor = read.at(-1)?.cursor;
    // a restart: a new connector instance resumes from the saved cursor
    const restarted = connect();
    expect(await collect(restarted.read('contacts', cursor))).toEqual([]);
    const later = crm.state.addCustomer({ phones: [{ number: '+380503333333' }] });
    const next = await collect(restarted.read('contacts', cursor));
    expect(next.map((item) => item.id)).toEqual([String(later.id)]);
  });

  it("start 'beginning' reads every customer of the feed", async () => {
    const { crm, connect } = await simulator();
    const old = crm.state.addCustomer({ phones: [{ number: '+380501111111' }] });
    const items = await collect(
      connect({ contactsSource: { start: 'beginning' } }).read('contacts', undefined),
    );
    expect(items.map((item) => item.id)).toContain(String(old.id));
  });
});
