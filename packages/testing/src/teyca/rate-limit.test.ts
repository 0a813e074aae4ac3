import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startTeycaSimulator, type TeycaSimulator } from './start-teyca-simulator.js';
import { callTeyca } from './test-client.js';

let teyca: TeycaSimulator;

// The windows count arrivals by Date.now(): a frozen clock keeps each burst in one window
// however slowly a loaded machine sends it.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: Date.parse('2026-01-05T10:00:00Z') });
});
afterEach(async () => {
  vi.useRealTimers();
  await teyca.close();
});

describe('Teyca simulator: limits', () => {
  it('keeps the four default windows; the first to fill answers 429 without Retry-After', async () => {
    teyca = await startTeycaSimulator();
    const answers = await Promise.all(
      Array.from({ length: 7 }, () => callTeyca(teyca, 'GET', '/passes')),
    );
    const refused = answers.filter((answer) => answer.status === 429);
    expect(refused.length).toBeGreaterThanOrEqual(2);
    expect(refused[0]?.headers.get('retry-after')).toBeNull();
    expect(refused[0]?.body).toEqual({ error: 'Too many requests' });
    expect(teyca.throttled()).toBe(refused.length);
  });

  it('refuses when any window is full, with Retry-After for that window when asked', async () => {
    teyca = await startTeycaSimulator({
      retryAfter: true,
      limits: [
        { limit: 10, windowMs: 1000 },
        { limit: 3, windowMs: 3_600_000 },
      ],
    });
    for (let index = 0; index < 3; index += 1) {
      expect((await callTeyca(teyca, 'GET', '/passes')).status).toBe(200);
    }
    const refused = await callTeyca(teyca, 'GET', '/passes');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(3500);
  });

  it('counts per key or per token when limitScope says so', async () => {
    teyca = await startTeycaSimulator({
      limitScope: 'token',
      limits: [{ limit: 1, windowMs: 60_000 }],
    });
    const other = teyca.addToken('Shop 2');
    expect((await callTeyca(teyca, 'GET', '/passes')).status).toBe(200);
    expect((await callTeyca(teyca, 'GET', '/passes')).status).toBe(429);
    const viaOther = await fetch(`${teyca.url}/v1/${other}/passes`, {
      headers: { authorization: teyca.apiKey },
    });
    expect(viaOther.status).toBe(200);
  });
});
