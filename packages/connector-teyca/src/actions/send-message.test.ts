import { ValidationError } from '@crossline/core';
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { api, connector, passFixture, performContext, prefix } from '../__fixtures__/account.js';

const push = { cardId: 1000001, channel: 'push', text: 'Hi' } as const;

describe('messages.send: consent before anything is sent', () => {
  it('refuses a client without consent with a ValidationError, no request at all', async () => {
    // No nock interceptor: any request would fail the test (net connect is disabled).
    const failure = connector().perform(
      'messages.send',
      { ...push, channel: 'sms', mailingConsent: false },
      performContext,
    );
    await expect(failure).rejects.toSatisfy(ValidationError.isInstance);
    await expect(failure).rejects.toThrow(/did not consent.*nothing sent/);
  });

  it('refuses a PUSH to a card without notifications, no request at all', async () => {
    const failure = connector().perform(
      'messages.send',
      { ...push, mailingConsent: true, pushAllowed: false },
      performContext,
    );
    await expect(failure).rejects.toThrow(/PUSH notifications are not allowed/);
  });

  it('refuses when consent is unknown (Teyca keeps none and no option says where)', async () => {
    const failure = connector().perform(
      'messages.send',
      { ...push, channel: 'sms' },
      performContext,
    );
    await expect(failure).rejects.toThrow(/consent is unknown/);
  });

  it('reads the flags from the pass when the input lacks them; a "no" sends nothing', async () => {
    nock(api)
      .get(`${prefix}/passes/userid/1000001`)
      .reply(200, { ...passFixture, key1: 'declined' });
    const failure = connector({ mailingConsent: { field: 'key1', values: ['confirmed'] } }).perform(
      'messages.send',
      push,
      performContext,
    );
    await expect(failure).rejects.toThrow(/did not consent/);
  });

  it('a card not installed on a device gets no PUSH (pushAllowed reads o_s by default)', async () => {
    nock(api)
      .get(`${prefix}/passes/userid/1000001`)
      .reply(200, { ...passFixture, o_s: null });
    const failure = connector({ mailingConsent: { field: 'key1' } }).perform(
      'messages.send',
      push,
      performContext,
    );
    await expect(failure).rejects.toThrow(/PUSH notifications are not allowed/);
  });

  it('sends when the pass says yes to both', async () => {
    nock(api).get(`${prefix}/passes/userid/1000001`).reply(200, passFixture);
    nock(api).post(`${prefix}/message/push`).reply(200, { users_count: 1, message_id: '9' });
    const result = await connector({
      mailingConsent: { field: 'key1', values: ['Confirmed'] },
    }).perform('messages.send', push, performContext);
    expect(result).toEqual({ cardId: '1000001', operationId: '9' });
  });
});
