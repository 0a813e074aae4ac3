import { describe, expect, it } from 'vitest';
import { callAsteril, eachTestWithAsteril } from '../__fixtures__/asteril-call.js';
import { type AsterilSimulator, startAsterilSimulator } from './start-asteril-simulator.js';

let crm: AsterilSimulator;
eachTestWithAsteril(
  (started) => {
    crm = started;
  },
  { apiKey: 'main-key' },
);

const unauthenticated = { message: 'Unauthenticated.' };
const newClient = { json: { name: 'Ivan', phone: '380671234567' } };

describe('Asteril simulator: API keys', () => {
  it('answers GET /me with the key user, the administrator by default', async () => {
    const answer = await callAsteril(crm, 'GET', '/me');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      data: { id: 1, name: 'Oksana Melnyk', email: 'admin@cabinet.example', is_admin: true },
    });
  });

  it('answers 401 without a key, with a wrong key and with a non-Bearer scheme', async () => {
    const missing = await callAsteril(crm, 'GET', '/me', { key: null });
    const wrong = await callAsteril(crm, 'GET', '/me', { key: 'not-a-key' });
    expect([missing.status, wrong.status]).toEqual([401, 401]);
    expect(missing.body).toEqual(unauthenticated);
    expect(wrong.body).toEqual(unauthenticated);
    const basic = await fetch(`${crm.url}/api/v3/me`, { headers: { authorization: 'main-key' } });
    expect(basic.status).toBe(401);
    expect(crm.state.clients).toHaveLength(0);
  });

  it('refuses the old key after rotateKey() and accepts the new one for the same user', async () => {
    const next = crm.rotateKey();
    expect(next).not.toBe('main-key');
    expect(crm.apiKey).toBe(next);
    const old = await callAsteril(crm, 'POST', '/clients', { ...newClient, key: 'main-key' });
    expect(old.status).toBe(401);
    expect(old.body).toEqual(unauthenticated);
    expect(crm.state.clients).toHaveLength(0);
    const fresh = await callAsteril(crm, 'GET', '/me');
    expect(fresh.body.data.id).toBe(1);
    expect([...crm.state.keyUsers]).toEqual([[next, 1]]);
  });

  it('lets a non-admin key read but answers 403 to its writes', async () => {
    crm.addKey('manager-key', { user: 2 });
    const me = await callAsteril(crm, 'GET', '/me', { key: 'manager-key' });
    expect(me.body.data).toMatchObject({ id: 2, is_admin: false });
    const list = await callAsteril(crm, 'GET', '/clients', { key: 'manager-key' });
    expect(list.status).toBe(200);
    const writes = await Promise.all(
      ['/clients', '/calls', '/tasks'].map((path) =>
        callAsteril(crm, 'POST', path, { ...newClient, key: 'manager-key' }),
      ),
    );
    for (const write of writes) {
      expect(write.status).toBe(403);
      expect(write.body).toEqual({ message: 'This action is unauthorized.' });
    }
    expect(crm.state.clients).toHaveLength(0);
  });

  it('refuses a key for an unknown user and an unknown main key user at start', async () => {
    expect(() => crm.addKey('ghost', { user: 99 })).toThrow('`user` 99 is not a user');
    await expect(startAsterilSimulator({ apiKeyUser: 7 })).rejects.toThrow('apiKeyUser');
    await expect(startAsterilSimulator({ rateLimit: 0 })).rejects.toThrow('rateLimit');
  });

  it('answers 404 with the error body for an unknown path or record', async () => {
    const path = await callAsteril(crm, 'GET', '/no-such-thing');
    const record = await callAsteril(crm, 'GET', '/clients/404');
    expect([path.status, record.status]).toEqual([404, 404]);
    expect(path.body).toEqual({ message: 'Not found.' });
    expect(record.body).toEqual({ message: 'Not found.' });
  });
});
