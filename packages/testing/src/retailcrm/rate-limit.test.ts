import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { call } from '../__fixtures__/retailcrm-call.js';
import { type RetailcrmSimulator, startRetailcrmSimulator } from './start-retailcrm-simulator.js';

let crm: RetailcrmSimulator;

// The windows count arrivals by Date.now(): a frozen clock keeps each burst in one window
// however slowly a loaded machine sends it.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: Date.parse('2026-01-05T10:00:00Z') });
});

afterEach(async () => {
  vi.useRealTimers();
  await crm.close();
});

const burst = (count: number, send: () => Promise<{ status: number; body: unknown }>) =>
  Promise.all(Array.from({ length: count }, send));

describe('retailCRM simulator: rate limits', () => {
  it('admits 10 general requests per second per key and answers the rest 503', async () => {
    crm = await startRetailcrmSimulator();
    const answers = await burst(15, () => call(crm, 'GET', '/users'));
    const refused = answers.filter((answer) => answer.status === 503);
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(10);
    expect(refused).toHaveLength(5);
    for (const answer of refused) {
      expect(answer.body).toEqual({ success: false, errorMsg: 'Rate limit exceeded' });
    }
    expect(crm.state.throttled).toBe(5);
  });

  it('sends no Retry-After header with the 503', async () => {
    crm = await startRetailcrmSimulator({ rateLimits: { general: 1 } });
    const [, second] = [await call(crm, 'GET', '/users'), await call(crm, 'GET', '/users')];
    expect(second?.status).toBe(503);
    expect(second?.headers.get('retry-after')).toBeNull();
  });

  it('admits 40 telephony requests per second, on a bucket of their own', async () => {
    crm = await startRetailcrmSimulator();
    crm.state.addCustomer({ phones: [{ number: '+380501112233' }] });
    const query = { phone: '+380501112233' };
    const telephony = await burst(40, () => call(crm, 'GET', '/telephony/manager', { query }));
    expect(telephony.every((answer) => answer.status === 200)).toBe(true);
    const general = await call(crm, 'GET', '/users');
    expect(general.status).toBe(200);
    const over = await call(crm, 'GET', '/telephony/manager', { query });
    expect(over.status).toBe(503);
  });

  it('counts each key on its own', async () => {
    crm = await startRetailcrmSimulator({ rateLimits: { general: 2 } });
    crm.addKey('second-key');
    const first = await burst(3, () => call(crm, 'GET', '/users'));
    const second = await burst(2, () => call(crm, 'GET', '/users', { key: 'second-key' }));
    expect(first.map((answer) => answer.status).sort()).toEqual([200, 200, 503]);
    expect(second.map((answer) => answer.status)).toEqual([200, 200]);
  });
});
