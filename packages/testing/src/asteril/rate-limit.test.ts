import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { callAsteril } from '../__fixtures__/asteril-call.js';
import { type AsterilSimulator, startAsterilSimulator } from './start-asteril-simulator.js';

let crm: AsterilSimulator;

// The windows count arrivals by Date.now(): a frozen clock keeps each burst in one window
// however slowly a loaded machine sends it.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: Date.parse('2026-01-05T10:00:00Z') });
});

afterEach(async () => {
  vi.useRealTimers();
  await crm.close();
});

const burst = (count: number, key?: string) =>
  Promise.all(
    Array.from({ length: count }, () =>
      callAsteril(crm, 'GET', '/me', key === undefined ? {} : { key }),
    ),
  );

describe('Asteril simulator: rate limit', () => {
  it('admits 5 requests per second per key and answers the rest 429 with Retry-After', async () => {
    crm = await startAsterilSimulator();
    const answers = await burst(8);
    const refused = answers.filter((answer) => answer.status === 429);
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(5);
    expect(refused).toHaveLength(3);
    for (const answer of refused) {
      expect(answer.headers.get('retry-after')).toBe('1');
      expect(answer.body).toEqual({ message: 'Too Many Attempts.' });
    }
    expect(crm.state.throttled).toBe(3);
  });

  it('admits requests again once the window has slid past', async () => {
    crm = await startAsterilSimulator({ rateLimit: 1 });
    expect((await burst(2)).map((answer) => answer.status)).toEqual([200, 429]);
    vi.setSystemTime(Date.now() + 1050);
    expect((await burst(1)).map((answer) => answer.status)).toEqual([200]);
  });

  it('counts each key on its own, and takes the limit from the rateLimit option', async () => {
    crm = await startAsterilSimulator({ rateLimit: 2 });
    crm.addKey('second-key');
    const first = await burst(3);
    const second = await burst(2, 'second-key');
    expect(first.map((answer) => answer.status).sort()).toEqual([200, 200, 429]);
    expect(second.map((answer) => answer.status)).toEqual([200, 200]);
  });
});
