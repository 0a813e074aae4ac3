import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { api, apiKey } from './__fixtures__/config.js';

const cabinet = 'https://shop.asteril.example';

interface Seen {
  path: string;
  body: unknown;
}

/** Intercepts one request — only with `Authorization: Bearer <key>` and JSON — and keeps it. */
function intercept(method: 'GET' | 'POST', reply: object, status = 200): Seen {
  const seen: Seen = { path: '', body: undefined };
  let scope = nock(cabinet)
    .intercept(/.*/, method)
    .matchHeader('authorization', `Bearer ${apiKey}`)
    .matchHeader('accept', 'application/json');
  if (method === 'POST') scope = scope.matchHeader('content-type', /^application\/json/);
  scope.reply(async (request: Request) => {
    const url = new URL(request.url);
    seen.path = `${url.pathname}${url.search}`;
    const text = await request.text();
    seen.body = text ? JSON.parse(text) : undefined;
    return [status, reply];
  });
  return seen;
}

const page = (data: unknown[]) => ({
  data,
  meta: { current_page: 1, last_page: 1, total: data.length },
});

describe('AsterilApi request shapes', () => {
  it('GET /me with the key only in the Authorization header', async () => {
    const seen = intercept('GET', { data: { id: 3, name: 'Olena', is_admin: true } });
    expect(await api().me()).toMatchObject({ id: 3 });
    expect(seen.path).toBe('/api/v3/me');
    expect(seen.path).not.toContain(apiKey);
  });

  it('GET /clients?phone= with the exact form, page by page', async () => {
    const seen = intercept('GET', page([{ id: 1, phone: '+38 (067) 123-45-67' }]));
    const found = [];
    for await (const client of api().clientsByPhone('+38 (067) 123-45-67')) found.push(client);
    expect(found).toEqual([{ id: 1, phone: '+38 (067) 123-45-67' }]);
    expect(seen.path).toBe('/api/v3/clients?phone=%2B38+%28067%29+123-45-67&page=1&per_page=100');
  });

  it('GET /client-fields', async () => {
    const seen = intercept('GET', page([{ code: 'utm_source', name: 'UTM source', type: 'text' }]));
    const codes = [];
    for await (const field of api().clientFields()) codes.push(field.code);
    expect(codes).toEqual(['utm_source']);
    expect(seen.path).toBe('/api/v3/client-fields?page=1&per_page=100');
  });

  it('POST /clients: a JSON body, no responsible manager', async () => {
    const seen = intercept('POST', { data: { id: 12 } }, 201);
    const body = { phone: '380671234567', text_fields: { utm_source: 'google' } };
    expect(await api().createClient(body)).toMatchObject({ id: 12 });
    expect(seen).toEqual({ path: '/api/v3/clients', body });
  });

  it('GET /calls?external_id= and POST /calls', async () => {
    const find = intercept('GET', page([]));
    expect(await api().findCall('calls:c-1')).toBeUndefined();
    expect(find.path).toBe('/api/v3/calls?external_id=calls%3Ac-1&per_page=100&page=1');
    const seen = intercept('POST', { data: { id: 5 } }, 201);
    const call = {
      client_id: 12,
      phone: '380671234567',
      direction: 'in' as const,
      status: 'answered' as const,
      started_at: '2026-11-23T10:00:00+02:00',
      duration_sec: 42,
      record_url: 'https://records.example/1.mp3',
      external_id: 'calls:c-1',
    };
    await api().createCall(call);
    expect(seen).toEqual({ path: '/api/v3/calls', body: call });
  });

  it('GET /tasks?external_id= and POST /tasks', async () => {
    const find = intercept('GET', page([{ id: 8, external_id: 'calls:c-1:task' }]));
    expect(await api().findTask('calls:c-1:task')).toEqual({
      id: 8,
      external_id: 'calls:c-1:task',
    });
    expect(find.path).toBe('/api/v3/tasks?external_id=calls%3Ac-1%3Atask&per_page=100&page=1');
    const seen = intercept('POST', { data: { id: 9 } }, 201);
    const task = {
      title: 'Missed call from +380671234567',
      client_id: 12,
      responsible_id: 3,
      type: 'missed_call',
      external_id: 'calls:c-2:task',
    };
    await api().createTask(task);
    expect(seen).toEqual({ path: '/api/v3/tasks', body: task });
  });

  it('follows an overridden contract', async () => {
    const seen = intercept('GET', { data: { id: 3 } });
    await api({ contract: { basePath: '/rest/v4', paths: { me: '/profile' } } }).me();
    expect(seen.path).toBe('/rest/v4/profile');
  });

  it('joins 422 field errors into the message', async () => {
    intercept(
      'POST',
      { message: 'The given data was invalid.', errors: { phone: ['is required'] } },
      422,
    );
    await expect(api().createClient({ phone: '' })).rejects.toThrow(
      /The given data was invalid\. \(phone: is required\)/,
    );
  });
});

describe('AsterilApi reads answers tolerantly', () => {
  it('takes null for absent anywhere: the user, a page without meta, fields, records', async () => {
    intercept('GET', { data: { id: 3, name: null, email: null, is_admin: null } });
    expect(await api().me()).toEqual({ id: 3 });
    intercept('GET', {
      data: [{ id: 1, phone: '0671234567', name: null, text_fields: null, extra: { a: null } }],
      meta: null,
    });
    const found = [];
    for await (const client of api().clientsByPhone('0671234567')) found.push(client);
    expect(found).toEqual([{ id: 1, phone: '0671234567', extra: {} }]);
    intercept('GET', { data: [{ code: 'utm_source', name: null, type: null }], meta: null });
    const fields = [];
    for await (const field of api().clientFields()) fields.push(field);
    expect(fields).toEqual([{ code: 'utm_source' }]);
    intercept('GET', page([{ id: 8, external_id: null }, null]));
    expect(await api().findTask('calls:c-1:task')).toBeUndefined();
  });

  it('keeps fields it does not know and types it has not seen', async () => {
    intercept('GET', page([{ code: 'vip', name: 'VIP', type: 'checkbox', group: { id: 1 } }]));
    const fields = [];
    for await (const field of api().clientFields()) fields.push(field);
    expect(fields).toEqual([{ code: 'vip', name: 'VIP', type: 'checkbox', group: { id: 1 } }]);
  });
});
