import { describe, expect, it } from 'vitest';
import { callAsteril, eachTestWithAsteril } from '../__fixtures__/asteril-call.js';
import type { AsterilRecord } from './model.js';
import type { AsterilSimulator } from './start-asteril-simulator.js';
import type { AsterilState } from './state.js';

let crm: AsterilSimulator;
eachTestWithAsteril((started) => {
  crm = started;
});

const call = {
  phone: '380671234567',
  direction: 'in',
  status: 'missed',
  started_at: '2024-05-01T10:15:00+03:00',
  duration_sec: 0,
  record_url: null,
  external_id: 'ringostat-1',
};

const task = {
  title: 'Missed call 380671234567',
  description: 'Call back',
  responsible_id: 2,
  due_at: '2024-05-01T11:00:00Z',
  type: 'missed_call',
  external_id: 'ringostat-1',
};

interface Kind {
  readonly path: '/calls' | '/tasks';
  readonly body: Record<string, unknown>;
  readonly stored: (state: AsterilState) => readonly AsterilRecord[];
}

const kinds: readonly Kind[] = [
  { path: '/calls', body: call, stored: (state) => state.calls },
  { path: '/tasks', body: task, stored: (state) => state.tasks },
];

describe.each(kinds)('Asteril simulator: $path', ({ path, body, stored }) => {
  it('creates a record for a client, answering 201 { data: { id } }', async () => {
    const client = crm.state.addClient({ phone: '380671234567' });
    const json = { ...body, client_id: client.id };
    const created = await callAsteril(crm, 'POST', path, { json });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ data: { id: 1 } });
    expect(stored(crm.state)).toEqual([{ ...json, id: 1, created_at: expect.any(String) }]);
  });

  it('finds records by external_id, for a look-up before create', async () => {
    await callAsteril(crm, 'POST', path, { json: body });
    await callAsteril(crm, 'POST', path, { json: { ...body, external_id: 'ringostat-2' } });
    const found = await callAsteril(crm, 'GET', path, { query: { external_id: 'ringostat-2' } });
    expect(found.body.data.map((record: AsterilRecord) => record.id)).toEqual([2]);
    expect(found.body.meta).toEqual({ current_page: 1, last_page: 1, total: 1 });
    const none = await callAsteril(crm, 'GET', path, { query: { external_id: 'ringostat-3' } });
    expect(none.body.data).toEqual([]);
  });

  it('answers 422 to a second record with the same external_id and stores it once', async () => {
    expect((await callAsteril(crm, 'POST', path, { json: body })).status).toBe(201);
    const again = await callAsteril(crm, 'POST', path, { json: body });
    expect(again.status).toBe(422);
    expect(again.body).toEqual({
      message: 'The given data was invalid.',
      errors: { external_id: ['has already been taken'] },
    });
    expect(stored(crm.state)).toHaveLength(1);
  });

  it('requires an external_id and refuses an unknown client', async () => {
    const { external_id: _left, ...rest } = body;
    const answer = await callAsteril(crm, 'POST', path, { json: { ...rest, client_id: 42 } });
    expect(answer.status).toBe(422);
    expect(answer.body.errors).toEqual({
      client_id: ['does not exist'],
      external_id: ['is required'],
    });
    expect(stored(crm.state)).toHaveLength(0);
  });
});

const invalid = [
  {
    path: '/calls',
    json: {
      direction: 'incoming',
      status: 'no answer',
      started_at: '2024-05-01 10:15:00',
      duration_sec: -1,
      record_url: 'ftp://pbx.example/1.mp3',
      external_id: 7,
    },
    errors: {
      phone: ['is required'],
      direction: ['must be one of: in, out'],
      status: ['must be one of: answered, missed, busy, failed'],
      started_at: ['must be an ISO 8601 date-time with a UTC offset'],
      duration_sec: ['must be at least 0'],
      record_url: ['must be an http(s) URL'],
      external_id: ['must be a string'],
    },
  },
  {
    path: '/tasks',
    json: { responsible_id: 99, type: 'call_back', due_at: 'tomorrow', external_id: 'x' },
    errors: {
      title: ['is required'],
      responsible_id: ['does not exist'],
      due_at: ['must be an ISO 8601 date-time with a UTC offset'],
      type: ['must be one of: missed_call'],
    },
  },
] as const;

describe('Asteril simulator: call and task fields', () => {
  it.each(invalid)(
    'answers 422 naming every bad field of $path',
    async ({ path, json, errors }) => {
      const answer = await callAsteril(crm, 'POST', path, { json });
      expect(answer.status).toBe(422);
      expect(answer.body).toEqual({ message: 'The given data was invalid.', errors });
      expect([crm.state.calls, crm.state.tasks]).toEqual([[], []]);
    },
  );

  it('accepts ISO 8601 with Z or an offset, refuses one without or off the calendar', async () => {
    const status = async (started_at: string, external_id: string) => {
      const json = { ...call, started_at, external_id };
      return (await callAsteril(crm, 'POST', '/calls', { json })).status;
    };
    expect(await status('2024-02-29T23:59:59.123Z', 'a')).toBe(201);
    expect(await status('2024-05-01T10:15+0300', 'b')).toBe(201);
    expect(await status('2024-05-01T10:15:00', 'c')).toBe(422);
    expect(await status('2023-02-29T10:15:00Z', 'd')).toBe(422);
    expect(await status('2024-05-01T24:00:00Z', 'e')).toBe(422);
  });

  it('lets calls and tasks use the same external_id', async () => {
    expect((await callAsteril(crm, 'POST', '/calls', { json: call })).status).toBe(201);
    expect((await callAsteril(crm, 'POST', '/tasks', { json: task })).status).toBe(201);
  });

  it('stores left-out optional fields as null', async () => {
    const { description: _description, due_at: _due, ...required } = task;
    await callAsteril(crm, 'POST', '/tasks', { json: required });
    expect(crm.state.tasks[0]).toMatchObject({ description: null, due_at: null, client_id: null });
  });
});
