import nock from 'nock';
import { describe, expect, it } from 'vitest';
import {
  api,
  apiKey,
  connector,
  passFixture,
  performContext,
  prefix,
} from './__fixtures__/account.js';

/** A scope that only matches with the raw key (no `Bearer`) and the JSON accept header. */
function teycaApi() {
  return nock(api, { reqheaders: { authorization: apiKey, accept: 'application/json' } });
}

/** Captures a JSON body and checks its content type. */
function capture(into: { body?: unknown }) {
  return (body: unknown) => {
    into.body = body;
    return true;
  };
}

describe('request shapes', () => {
  it('cards.get by id: GET /v1/{token}/passes/userid/{id}, the key raw in Authorization', async () => {
    teycaApi().get(`${prefix}/passes/userid/1000001`).reply(200, passFixture);
    const card = await connector().perform('cards.get', { id: 1000001 }, performContext);
    expect(card).toMatchObject({ id: '1000001', phone: '79001234567', barcode: '0000042' });
  });

  it('cards.get by barcode: GET /v1/{token}/passes/barcode/{code}; a 404 is null', async () => {
    teycaApi().get(`${prefix}/passes/barcode/0000042`).reply(404, 'Not found');
    expect(
      await connector().perform('cards.get', { barcode: '0000042' }, performContext),
    ).toBeNull();
  });

  it('cards.findByPhone: search=phone=<digits> with its = unencoded, limit and offset', async () => {
    teycaApi()
      .get(`${prefix}/passes`)
      .query((query) => {
        expect(query).toEqual({ search: 'phone=79001234567', limit: '100', offset: '0' });
        return true;
      })
      .reply(200, {
        meta: { size: '2', limit: '100', offset: '0' },
        passes: [passFixture, { ...passFixture, user_id: 1000002, phone: '790012345670' }],
      });
    const cards = await connector({ defaultCountry: 'RU' }).perform(
      'cards.findByPhone',
      { phone: '8 (900) 123-45-67' },
      performContext,
    );
    expect(cards.map((card) => card.id)).toEqual(['1000001']);
  });

  it('encodes search values but not the = and , between them', async () => {
    let path = '';
    teycaApi()
      .get((uri) => {
        path = uri;
        return uri.startsWith(`${prefix}/passes?`);
      })
      .reply(200, { meta: { size: 0 }, passes: [] });
    const source = connector({ poll: { pageSize: 25, requestsPerDay: 1 } });
    await source.perform('cards.findByPhone', { phone: '+380671234567' }, performContext);
    expect(path).toBe(`${prefix}/passes?search=phone=380671234567&limit=25&offset=0`);
  });

  it('cards.create: POST /v1/{token}/passes, JSON with Teyca field names and forms', async () => {
    const sent: { body?: unknown } = {};
    teycaApi()
      .post(`${prefix}/passes`, capture(sent))
      .matchHeader('content-type', /^application\/json/)
      .reply(200, { ...passFixture, user_id: 1000003 });
    const card = await connector().perform(
      'cards.create',
      {
        template: 'Базовый макет',
        firstName: 'Anna',
        lastName: 'Petrova',
        middleName: 'Sergeevna',
        phone: '067 123 45 67',
        email: 'anna@example.org',
        birthday: '1992-04-15',
        gender: 'female',
        barcode: '0001234',
        discount: '5%',
        level: 'Silver',
        customFields: { key2: 'vip' },
      },
      performContext,
    );
    expect(sent.body).toEqual({
      template: 'Базовый макет',
      first_name: 'Anna',
      last_name: 'Petrova',
      pat_name: 'Sergeevna',
      phone: '380671234567',
      email: 'anna@example.org',
      birthday: '15.04.1992',
      gender: 'ж',
      barcode: '0001234',
      discount: '5%',
      loyalty_level: 'Silver',
      key2: 'vip',
    });
    expect(card.id).toBe('1000003');
  });

  it('cards.create finds the new pass by barcode when the answer has no user_id', async () => {
    teycaApi().post(`${prefix}/passes`).reply(200, { success: true });
    teycaApi()
      .get(`${prefix}/passes/barcode/0001234`)
      .reply(200, { ...passFixture, user_id: 7 });
    const card = await connector().perform('cards.create', { barcode: '0001234' }, performContext);
    expect(card.id).toBe('7');
  });

  it('cards.update: PUT /v1/{token}/passes/{id} (no /userid/) with only the fields given', async () => {
    const sent: { body?: unknown } = {};
    teycaApi().put(`${prefix}/passes/1000001`, capture(sent)).reply(200, '');
    const result = await connector().perform(
      'cards.update',
      { id: '1000001', email: 'new@example.org', customFields: { key6: 'x' } },
      performContext,
    );
    expect(sent.body).toEqual({ email: 'new@example.org', key6: 'x' });
    expect(result).toEqual({ id: '1000001' });
  });

  it('cards.update sends nothing when no field is given', async () => {
    expect(await connector().perform('cards.update', { id: 5 }, performContext)).toEqual({
      id: '5',
    });
  });

  it('cards.delete: DELETE /v1/{token}/passes/{id}; a pass gone already is not an error', async () => {
    teycaApi().delete(`${prefix}/passes/1000001`).reply(200, {});
    teycaApi().delete(`${prefix}/passes/1000002`).reply(404, 'not found');
    const teyca = connector();
    expect(await teyca.perform('cards.delete', { id: 1000001 }, performContext)).toEqual({
      id: '1000001',
      deleted: true,
    });
    expect(await teyca.perform('cards.delete', { id: 1000002 }, performContext)).toEqual({
      id: '1000002',
      deleted: false,
    });
  });

  it('cards.sendLink: POST /send/sms { user_id as text, phone } and /send/email { user_id, email }', async () => {
    const sms: { body?: unknown } = {};
    const email: { body?: unknown } = {};
    teycaApi().get(`${prefix}/passes/userid/1000001`).reply(200, passFixture);
    teycaApi().post(`${prefix}/send/sms`, capture(sms)).reply(200, {});
    teycaApi().post(`${prefix}/send/email`, capture(email)).reply(200, {});
    const teyca = connector();
    await teyca.perform('cards.sendLink', { id: 1000001, channel: 'sms' }, performContext);
    await teyca.perform(
      'cards.sendLink',
      { id: 1000001, channel: 'email', to: 'a@example.org' },
      performContext,
    );
    expect(sms.body).toEqual({ user_id: '1000001', phone: '79001234567' });
    expect(email.body).toEqual({ user_id: '1000001', email: 'a@example.org' });
  });

  it('bonuses.accrue: POST /passes/{id}/bonuses, a decimal string, its own dates when given', async () => {
    const dated: { body?: unknown } = {};
    const plain: { body?: unknown } = {};
    teycaApi().post(`${prefix}/passes/1000001/bonuses`, capture(dated)).reply(200, {});
    teycaApi().post(`${prefix}/passes/1000001/bonuses`, capture(plain)).reply(200, {});
    const teyca = connector();
    const activatesAt = '2026-01-10T00:00:00.000+00:00';
    const expiresAt = '2026-02-10T00:00:00.000+00:00';
    await teyca.perform(
      'bonuses.accrue',
      { cardId: 1000001, amount: 250, activatesAt, expiresAt },
      performContext,
    );
    await teyca.perform('bonuses.accrue', { cardId: '1000001', amount: 12.5 }, performContext);
    expect(dated.body).toEqual({
      bonus: [{ value: '250.0', active_from: activatesAt, expires_at: expiresAt }],
    });
    expect(plain.body).toEqual({ bonus: [{ value: '12.5' }] });
  });

  it('bonuses.writeOff: a negative accrual by default', async () => {
    const sent: { body?: unknown } = {};
    teycaApi().post(`${prefix}/passes/1000001/bonuses`, capture(sent)).reply(200, {});
    await connector().perform('bonuses.writeOff', { cardId: 1000001, amount: 50 }, performContext);
    expect(sent.body).toEqual({ bonus: [{ value: '-50.0' }] });
  });

  it('bonuses.writeOff with set-balance: reads the balance, PUTs it less the amount', async () => {
    const sent: { body?: unknown } = {};
    teycaApi()
      .get(`${prefix}/passes/userid/1000001`)
      .reply(200, { ...passFixture, bonus: '120' });
    teycaApi().put(`${prefix}/passes/1000001`, capture(sent)).reply(200, {});
    const teyca = connector({ bonusWriteOff: 'set-balance' });
    await teyca.perform('bonuses.writeOff', { cardId: 1000001, amount: 50 }, performContext);
    expect(sent.body).toEqual({ bonus: 70 });
  });

  it('messages.send: push { user_id (singular, text), push_message, date_start }', async () => {
    const sent: { body?: unknown } = {};
    teycaApi()
      .post(`${prefix}/message/push`, capture(sent))
      .reply(200, { users_count: 1, message_id: 77 });
    const result = await connector().perform(
      'messages.send',
      {
        cardId: 1000001,
        channel: 'push',
        text: 'Hi %first_name%',
        sendAt: '2026-03-01T09:00:00Z',
        mailingConsent: true,
        pushAllowed: true,
      },
      performContext,
    );
    expect(sent.body).toEqual({
      user_id: '1000001',
      push_message: 'Hi %first_name%',
      date_start: '2026-03-01T09:00:00Z',
    });
    expect(result).toEqual({ cardId: '1000001', operationId: '77' });
  });

  it('messages.send: sms { user_ids (plural), sms_message } and telegram { user_ids, telegram_message }', async () => {
    const sms: { body?: unknown } = {};
    const telegram: { body?: unknown } = {};
    teycaApi().post(`${prefix}/message/sms`, capture(sms)).reply(200, 'ok');
    teycaApi().post(`${prefix}/message/telegram`, capture(telegram)).reply(200, {});
    const teyca = connector();
    const base = { cardId: 5, text: 'Sale', mailingConsent: true } as const;
    await teyca.perform('messages.send', { ...base, channel: 'sms' }, performContext);
    await teyca.perform('messages.send', { ...base, channel: 'telegram' }, performContext);
    expect(sms.body).toEqual({ user_ids: '5', sms_message: 'Sale' });
    expect(telegram.body).toEqual({ user_ids: '5', telegram_message: 'Sale' });
  });
});
