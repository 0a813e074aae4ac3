import { describe, expect, it } from 'vitest';
import { callAsteril, eachTestWithAsteril } from '../__fixtures__/asteril-call.js';
import type { AsterilSimulator } from './start-asteril-simulator.js';

let crm: AsterilSimulator;
eachTestWithAsteril((started) => {
  crm = started;
});

const post = (body: string, type: string) =>
  callAsteril(crm, 'POST', '/clients', { raw: { body, type } });

describe('Asteril simulator: JSON bodies only', () => {
  it('refuses a form body with 400 and the error body, storing nothing', async () => {
    const answer = await post('name=Ivan&phone=380671234567', 'application/x-www-form-urlencoded');
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      message: 'The request body must be JSON sent as Content-Type: application/json.',
    });
    expect(crm.state.clients).toHaveLength(0);
  });

  it('refuses JSON sent under another content type', async () => {
    const answer = await post('{"phone":"380671234567"}', 'text/plain');
    expect(answer.status).toBe(400);
    expect(crm.state.clients).toHaveLength(0);
  });

  it('refuses a body that is not valid JSON, or not an object', async () => {
    const broken = await post('{"phone":', 'application/json');
    expect(broken.status).toBe(400);
    expect(broken.body).toEqual({ message: 'The request body is not valid JSON.' });
    const list = await post('[{"phone":"380671234567"}]', 'application/json');
    expect(list.status).toBe(400);
    expect(list.body).toEqual({ message: 'The request body must be a JSON object.' });
  });

  it('accepts application/json with a charset, and records the raw body', async () => {
    const body = '{"phone":"380671234567"}';
    const answer = await post(body, 'application/json; charset=utf-8');
    expect(answer.status).toBe(201);
    expect(crm.requests.at(-1)).toMatchObject({ method: 'POST', path: '/api/v3/clients', body });
    expect(crm.requests.at(-1)?.headers.authorization).toBe(`Bearer ${crm.apiKey}`);
  });
});

describe('Asteril simulator: faults', () => {
  it('answers an injected failure with the contract body, a 429 with Retry-After', async () => {
    crm.fail({ status: 500 });
    crm.fail({ status: 429, path: '/api/v3/calls' });
    const failed = await callAsteril(crm, 'GET', '/me');
    expect(failed.status).toBe(500);
    expect(failed.body).toEqual({ message: 'Internal Server Error' });
    const throttled = await callAsteril(crm, 'GET', '/calls');
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('1');
    expect(throttled.body).toEqual({ message: 'Too Many Attempts.' });
    expect(crm.state.throttled).toBe(0);
    expect((await callAsteril(crm, 'GET', '/calls')).status).toBe(200);
  });
});
