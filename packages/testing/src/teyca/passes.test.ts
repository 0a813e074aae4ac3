import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTeycaSimulator, type TeycaSimulator } from './start-teyca-simulator.js';
import { callTeyca } from './test-client.js';

let teyca: TeycaSimulator;
beforeEach(async () => {
  teyca = await startTeycaSimulator();
});
afterEach(async () => {
  await teyca.close();
});

describe('Teyca simulator: passes', () => {
  it('creates a pass keyed by user_id and reads it back under /passes/userid/{id} as a bare object', async () => {
    const created = await callTeyca(teyca, 'POST', '/passes', {
      template: 'Base layout',
      first_name: 'Anna',
      last_name: 'Petrova',
      phone: '79001234567',
      birthday: '15.04.1992',
      bonus: 100,
    });
    expect(created.status).toBe(200);
    const { user_id: id } = created.body as { user_id: number };
    expect(id).toBeGreaterThan(1_000_000);
    const read = await callTeyca(teyca, 'GET', `/passes/userid/${id}`);
    expect(read.body).toMatchObject({
      user_id: id,
      phone: '79001234567',
      fio: 'Petrova Anna',
      bonus: 100,
      barcode: expect.stringMatching(/^\d{7}$/),
    });
  });

  it('keeps the path asymmetry: update and delete at /passes/{id}, not /passes/userid/{id}', async () => {
    const pass = teyca.installCard({ phone: '79001234567', email: 'a@example.org' });
    expect((await callTeyca(teyca, 'GET', `/passes/${pass.user_id}`)).status).toBe(404);
    expect(
      (await callTeyca(teyca, 'PUT', `/passes/userid/${pass.user_id}`, { key6: 'x' })).status,
    ).toBe(404);
    const updated = await callTeyca(teyca, 'PUT', `/passes/${pass.user_id}`, { key6: 'x' });
    expect(updated.status).toBe(200);
    // Only the keys sent change.
    expect(teyca.state.render(pass.user_id)).toMatchObject({ key6: 'x', email: 'a@example.org' });
    expect((await callTeyca(teyca, 'DELETE', `/passes/${pass.user_id}`)).status).toBe(200);
    expect((await callTeyca(teyca, 'GET', `/passes/userid/${pass.user_id}`)).status).toBe(404);
  });

  it('searches with search=field=value,… (AND, exact) and pages with limit/offset under meta', async () => {
    teyca.state.setLayout({ name: 'Gold', fields: [] });
    teyca.installCard({ phone: '79001234567' });
    teyca.installCard({ phone: '79001234567', template: 'Gold' });
    teyca.installCard({ phone: '79007654321' });
    const byPhone = await callTeyca(
      teyca,
      'GET',
      '/passes?search=phone=79001234567&limit=25&offset=0',
    );
    expect(byPhone.body).toMatchObject({ meta: { size: 2, limit: 25, offset: 0 } });
    const both = await callTeyca(
      teyca,
      'GET',
      `/passes?search=${encodeURIComponent('phone=79001234567,template=Gold')}`,
    );
    expect((both.body as { passes: unknown[] }).passes).toHaveLength(1);
    const partial = await callTeyca(teyca, 'GET', '/passes?search=phone=7900123');
    expect((partial.body as { meta: { size: number } }).meta.size).toBe(0);
    const page = await callTeyca(teyca, 'GET', '/passes?limit=1&offset=1');
    expect(page.body).toMatchObject({ meta: { size: 3, limit: 1, offset: 1 }, passes: [{}] });
  });

  it('finds a pass by barcode and by Telegram chat id; refuses an unknown template', async () => {
    const pass = teyca.installCard({ barcode: '0001234', telegram_chat_id: '555' });
    expect((await callTeyca(teyca, 'GET', '/passes/barcode/0001234')).body).toMatchObject({
      user_id: pass.user_id,
    });
    expect((await callTeyca(teyca, 'GET', '/passes/telegram_chat_id/555')).body).toMatchObject({
      user_id: pass.user_id,
    });
    expect((await callTeyca(teyca, 'GET', '/passes/barcode/999')).status).toBe(404);
    expect((await callTeyca(teyca, 'POST', '/passes', { template: 'Nope' })).status).toBe(400);
  });

  it('answers null for a missing pass with missingPass: "null", and meta as strings when asked', async () => {
    await teyca.close();
    teyca = await startTeycaSimulator({ missingPass: 'null', metaAsStrings: true });
    const missing = await callTeyca(teyca, 'GET', '/passes/userid/1234567');
    expect([missing.status, missing.body]).toEqual([200, null]);
    expect((await callTeyca(teyca, 'GET', '/passes')).body).toMatchObject({
      meta: { size: '0', limit: '20', offset: '0' },
    });
  });

  it('layouts are cabinet state: a new layout can be used, a deleted one no longer', async () => {
    teyca.state.setLayout({ name: 'Silver', fields: ['phone'] });
    expect((await callTeyca(teyca, 'POST', '/passes', { template: 'Silver' })).status).toBe(200);
    teyca.state.removeLayout('Silver');
    expect((await callTeyca(teyca, 'POST', '/passes', { template: 'Silver' })).status).toBe(400);
  });
});
