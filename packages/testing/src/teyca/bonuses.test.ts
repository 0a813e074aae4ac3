import { afterEach, describe, expect, it } from 'vitest';
import { startTeycaSimulator, type TeycaSimulator } from './start-teyca-simulator.js';
import { callTeyca } from './test-client.js';

let teyca: TeycaSimulator;
let now = Date.parse('2026-01-10T00:00:00.000Z');
afterEach(async () => {
  await teyca.close();
});

const day = 86_400_000;

describe('Teyca simulator: bonuses', () => {
  it('counts only active, unexpired accruals in bonus; the rest in inactive_bonus', async () => {
    now = Date.parse('2026-01-10T00:00:00.000Z');
    teyca = await startTeycaSimulator({ now: () => now });
    const pass = teyca.installCard({ phone: '79001234567' });
    const accrued = await callTeyca(teyca, 'POST', `/passes/${pass.user_id}/bonuses`, {
      bonus: [
        { value: '50.0' },
        {
          value: '250.0',
          active_from: '2026-01-12T00:00:00.000+00:00',
          expires_at: '2026-02-10T00:00:00.000+00:00',
        },
      ],
    });
    expect(accrued.status).toBe(200);
    expect(teyca.state.render(pass.user_id)).toMatchObject({ bonus: 50, inactive_bonus: '250' });
    now += 3 * day;
    expect(teyca.state.render(pass.user_id)).toMatchObject({ bonus: 300, inactive_bonus: '0' });
    now += 40 * day;
    expect((await callTeyca(teyca, 'GET', `/passes/userid/${pass.user_id}`)).body).toMatchObject({
      bonus: 50,
    });
    const history = await callTeyca(teyca, 'GET', `/passes/${pass.user_id}/bonuses`);
    expect((history.body as { bonuses: unknown[] }).bonuses).toHaveLength(2);
  });

  it('applies the account rules to an accrual without dates of its own', async () => {
    now = Date.parse('2026-01-10T00:00:00.000Z');
    teyca = await startTeycaSimulator({
      now: () => now,
      bonusRules: { activationDelayMs: day, lifetimeMs: 30 * day },
    });
    const pass = teyca.installCard();
    await callTeyca(teyca, 'POST', `/passes/${pass.user_id}/bonuses`, { bonus: [{ value: 10 }] });
    expect(teyca.state.render(pass.user_id)?.bonus).toBe(0);
    now += day;
    expect(teyca.state.render(pass.user_id)?.bonus).toBe(10);
    now += 30 * day;
    expect(teyca.state.render(pass.user_id)?.bonus).toBe(0);
  });

  it('a PUT of bonus sets the balance; a negative accrual is refused unless allowed', async () => {
    teyca = await startTeycaSimulator();
    const pass = teyca.installCard({ bonus: 100 });
    await callTeyca(teyca, 'PUT', `/passes/${pass.user_id}`, { bonus: 40 });
    expect(teyca.state.render(pass.user_id)?.bonus).toBe(40);
    const negative = await callTeyca(teyca, 'POST', `/passes/${pass.user_id}/bonuses`, {
      bonus: [{ value: '-5' }],
    });
    expect(negative.status).toBe(400);
    await teyca.close();
    teyca = await startTeycaSimulator({ allowNegativeBonus: true });
    const other = teyca.installCard({ bonus: 100 });
    await callTeyca(teyca, 'POST', `/passes/${other.user_id}/bonuses`, {
      bonus: [{ value: '-5' }],
    });
    expect(teyca.state.render(other.user_id)?.bonus).toBe(95);
  });
});
