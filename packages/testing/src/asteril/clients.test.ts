import { describe, expect, it } from 'vitest';
import { callAsteril, eachTestWithAsteril } from '../__fixtures__/asteril-call.js';
import type { AsterilSimulator } from './start-asteril-simulator.js';

let crm: AsterilSimulator;
eachTestWithAsteril((started) => {
  crm = started;
});

const findByPhone = (phone: string) => callAsteril(crm, 'GET', '/clients', { query: { phone } });

describe('Asteril simulator: clients', () => {
  it('matches phones exactly as stored: a formatted number is not found by its digits', async () => {
    const stored = crm.state.addClient({ name: 'Ivan', phone: '+38 (067) 123-45-67' });
    const digits = await findByPhone('380671234567');
    expect(digits.status).toBe(200);
    expect(digits.body).toEqual({ data: [], meta: { current_page: 1, last_page: 1, total: 0 } });
    for (const near of ['0671234567', '+380671234567', '38 (067) 123-45-67']) {
      expect((await findByPhone(near)).body.data).toEqual([]);
    }
    const exact = await findByPhone('+38 (067) 123-45-67');
    expect(exact.body.data).toEqual([stored]);
  });

  it('finds a client stored in the full 380… form by that form', async () => {
    crm.state.addClient({ phone: '380671234567' });
    crm.state.addClient({ phone: '380501112233' });
    const answer = await findByPhone('380671234567');
    expect(answer.body.data.map((client: { phone: string }) => client.phone)).toEqual([
      '380671234567',
    ]);
  });

  it('decodes a raw + in the query as a space, like any web server', async () => {
    crm.state.addClient({ phone: '+380671234567' });
    const raw = await fetch(`${crm.url}/api/v3/clients?phone=+380671234567`, {
      headers: { authorization: `Bearer ${crm.apiKey}` },
    });
    expect(await raw.json()).toMatchObject({ data: [], meta: { total: 0 } });
    expect((await findByPhone('+380671234567')).body.data).toHaveLength(1);
  });

  it('creates a client with text fields, answering 201 with the stored client', async () => {
    const answer = await callAsteril(crm, 'POST', '/clients', {
      json: {
        name: 'Ivan',
        phone: '380671234567',
        text_fields: { utm_source: 'google', landing_page: 'https://shop.example/a' },
      },
    });
    expect(answer.status).toBe(201);
    expect(answer.body.data).toMatchObject({
      id: 1,
      name: 'Ivan',
      phone: '380671234567',
      text_fields: { utm_source: 'google', landing_page: 'https://shop.example/a' },
      responsible_id: null,
    });
    expect(crm.state.clients).toEqual([answer.body.data]);
    const byId = await callAsteril(crm, 'GET', '/clients/1');
    expect(byId.body).toEqual({ data: answer.body.data });
  });

  it('refuses an unknown or non-text field code with 422 naming the field, storing nothing', async () => {
    const answer = await callAsteril(crm, 'POST', '/clients', {
      json: {
        phone: '380671234567',
        text_fields: { utm_source: 'google', utm_foo: 'x', birthday: '1990-01-01', utm_term: 5 },
      },
    });
    expect(answer.status).toBe(422);
    expect(answer.body).toEqual({
      message: 'The given data was invalid.',
      errors: {
        'text_fields.utm_foo': ['is not a client field'],
        'text_fields.birthday': ['is a date field, not a text field'],
        'text_fields.utm_term': ['must be a string'],
      },
    });
    expect(crm.state.clients).toHaveLength(0);
  });

  it('requires a phone and keeps a sent responsible_id in state for assertions', async () => {
    const missing = await callAsteril(crm, 'POST', '/clients', { json: { name: 'No phone' } });
    expect(missing.status).toBe(422);
    expect(missing.body.errors).toEqual({ phone: ['is required'] });
    await callAsteril(crm, 'POST', '/clients', { json: { phone: '1', responsible_id: 2 } });
    expect(crm.state.clients.map((client) => client.responsible_id)).toEqual([2]);
  });

  it('lists the client fields, text ones and one of another type', async () => {
    const answer = await callAsteril(crm, 'GET', '/client-fields');
    const fields = answer.body.data as { code: string; type: string }[];
    expect(fields.filter((field) => field.type === 'text').map((field) => field.code)).toEqual([
      'utm_source',
      'utm_medium',
      'utm_campaign',
      'utm_term',
      'utm_content',
      'landing_page',
    ]);
    expect(fields.some((field) => field.type !== 'text')).toBe(true);
  });
});

describe('Asteril simulator: pagination', () => {
  it('pages with page and per_page, answering meta', async () => {
    for (let index = 1; index <= 45; index += 1) crm.state.addClient({ phone: `38050000${index}` });
    const first = await callAsteril(crm, 'GET', '/clients');
    expect(first.body.data).toHaveLength(20);
    expect(first.body.meta).toEqual({ current_page: 1, last_page: 3, total: 45 });
    const third = await callAsteril(crm, 'GET', '/clients', { query: { page: 3 } });
    expect(third.body.data.map((client: { id: number }) => client.id)).toEqual([
      41, 42, 43, 44, 45,
    ]);
    const wide = await callAsteril(crm, 'GET', '/clients', { query: { per_page: 100, page: 2 } });
    expect(wide.body).toEqual({ data: [], meta: { current_page: 2, last_page: 1, total: 45 } });
  });

  it('answers 422 for a per_page over 100 or a page below 1', async () => {
    const answer = await callAsteril(crm, 'GET', '/clients', {
      query: { per_page: 101, page: 0 },
    });
    expect(answer.status).toBe(422);
    expect(answer.body.errors).toEqual({
      page: ['must be an integer of at least 1'],
      per_page: ['must be an integer from 1 to 100'],
    });
  });
});
