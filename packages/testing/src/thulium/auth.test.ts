import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startThuliumSimulator, type ThuliumSimulator } from './start-thulium-simulator.js';
import { callThulium } from './test-client.js';

let thulium: ThuliumSimulator;
beforeEach(async () => {
  thulium = await startThuliumSimulator({ password: 'secret-password-1', rateLimit: 3 });
});
afterEach(() => thulium.close());

describe('Thulium simulator: Basic auth, rotation, limits, faults', () => {
  it('takes the API user and password as HTTP Basic, and refuses others with the error body', async () => {
    expect((await callThulium(thulium, 'GET', '/ticket_queues')).status).toBe(200);
    const wrong = await callThulium(thulium, 'GET', '/ticket_queues', { password: 'nope' });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({
      request_id: expect.any(String),
      errors: [{ message: 'Invalid credentials.', code: 401 }],
    });
    // The docs' trap: a trailing newline after the password is another password.
    const newline = await callThulium(thulium, 'GET', '/ticket_queues', {
      password: 'secret-password-1\n',
    });
    expect(newline.status).toBe(401);
  });

  it('rotates the password: the old one answers 401, the new one works', async () => {
    const old = thulium.apiKey;
    expect(thulium.password).toBe(old);
    const next = thulium.rotateKey();
    expect(thulium.password).toBe(next);
    expect((await callThulium(thulium, 'GET', '/agents', { password: old })).status).toBe(401);
    expect((await callThulium(thulium, 'GET', '/agents', { password: next })).status).toBe(200);
  });

  it('answers 429 over the rate limit per user, and injected failures with the error body', async () => {
    const answers = await Promise.all(
      [1, 2, 3, 4].map(() => callThulium(thulium, 'GET', '/ticket_queues')),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 200, 200, 429]);
    expect(thulium.state.throttled).toBe(1);
    const other = await startThuliumSimulator();
    try {
      other.fail({ status: 503, path: '/api/tickets' });
      const failed = await callThulium(other, 'GET', '/tickets');
      expect(failed).toMatchObject({ status: 503, body: { errors: [{ code: 503 }] } });
      expect((await callThulium(other, 'GET', '/tickets')).status).toBe(200);
    } finally {
      await other.close();
    }
  });
});
