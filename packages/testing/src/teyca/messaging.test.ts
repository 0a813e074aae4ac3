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

describe('Teyca simulator: card links and mailings', () => {
  it('records the card link sent by SMS and by e-mail', async () => {
    const pass = teyca.installCard({ phone: '79001234567' });
    await callTeyca(teyca, 'POST', '/send/sms', {
      user_id: String(pass.user_id),
      phone: '79001234567',
    });
    await callTeyca(teyca, 'POST', '/send/email', {
      user_id: pass.user_id,
      email: 'a@example.org',
    });
    expect(teyca.state.cardLinks).toEqual([
      { channel: 'sms', userId: pass.user_id, to: '79001234567' },
      { channel: 'email', userId: pass.user_id, to: 'a@example.org' },
    ]);
  });

  it('a PUSH reaches only consenting cards with notifications allowed; nothing reaches a non-consenting client', async () => {
    const [yes, noConsent, noPush] = [
      teyca.installCard(),
      teyca.installCard(),
      teyca.installCard(),
    ];
    teyca.setConsent(yes.user_id, true);
    teyca.setConsent(noPush.user_id, true);
    teyca.setNotifications(noPush.user_id, false);
    const push = await callTeyca(teyca, 'POST', '/message/push', {
      user_id: `${yes.user_id},${noConsent.user_id},${noPush.user_id}`,
      push_message: 'Hello %first_name%',
    });
    expect(push.body).toEqual({ users_count: 1, message_id: 1 });
    const sms = await callTeyca(teyca, 'POST', '/message/sms', {
      user_ids: `${noConsent.user_id}`,
      sms_message: 'Sale',
    });
    expect(sms.body).toMatchObject({ users_count: 0 });
    expect(teyca.state.mailings.map((mailing) => mailing.delivered)).toEqual([[yes.user_id], []]);
    expect(teyca.state.mailings.flatMap((mailing) => mailing.delivered)).not.toContain(
      noConsent.user_id,
    );
  });

  it('reads consent from a pass field when configured (Teyca has no consent field)', async () => {
    await teyca.close();
    teyca = await startTeycaSimulator({ consentField: { field: 'key1', value: 'confirmed' } });
    const pass = teyca.installCard({ key1: 'confirmed' });
    const other = teyca.installCard();
    await callTeyca(teyca, 'POST', '/message/telegram', {
      user_ids: `${pass.user_id},${other.user_id}`,
      telegram_message: 'Hi',
    });
    expect(teyca.state.mailings[0]?.delivered).toEqual([pass.user_id]);
    const info = await callTeyca(teyca, 'POST', '/message_sending_info', { id: 1 });
    expect(info.body).toMatchObject({ id: 1, users_count: 1 });
  });

  it('takes the e-mail mailing as multipart form data', async () => {
    const pass = teyca.installCard();
    teyca.setConsent(pass.user_id, true);
    const form = new FormData();
    form.set('html', new Blob(['<p>Hi</p>'], { type: 'text/html' }), 'letter.html');
    form.set('user_ids', String(pass.user_id));
    form.set('email_subject', 'News');
    const answer = await fetch(`${teyca.baseUrl}/message/email`, {
      method: 'POST',
      headers: { authorization: teyca.apiKey },
      body: form,
    });
    expect(await answer.json()).toMatchObject({ users_count: 1 });
    expect(teyca.state.mailings[0]).toMatchObject({ channel: 'email', text: 'News' });
  });
});
