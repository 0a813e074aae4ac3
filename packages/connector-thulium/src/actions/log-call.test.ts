import type { CallInput } from '@crossline/core';
import nock from 'nock';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { account, apiKey, connector } from '../__fixtures__/account.js';

const call = {
  id: 'c-1',
  direction: 'incoming' as const,
  result: 'answered' as const,
  from: '+38 (067) 123-45-67',
  to: '+380441112233',
  startedAt: '2026-01-05T10:00:00+02:00',
  durationSec: 42,
  recordingUrl: 'https://records.example/c-1.mp3',
};

/** What the vendor must receive for {@link call}. */
const expectedBody = {
  phone: '+380671234567',
  line: '+380441112233',
  direction: 'in',
  status: 'answered',
  started_at: '2026-01-05T10:00:00+02:00',
  duration_sec: 42,
  record_url: 'https://records.example/c-1.mp3',
  external_id: 'calls:c-1',
};

describe('calls.log', () => {
  it('POSTs /calls as JSON: bearer key, numbers with +, the envelope id as external id', async () => {
    let body: unknown;
    nock(account, { reqheaders: { authorization: `Bearer ${apiKey}` } })
      .post('/api/v1/calls', (sent) => {
        body = sent;
        return true;
      })
      .matchHeader('content-type', /^application\/json/)
      // `null` for absent and a field added later: read tolerantly.
      .reply(201, { data: { ...expectedBody, id: 42, record_url: null, tags: [] } });

    const result = await connector().perform('calls.log', call, {
      envelopeId: 'calls:c-1',
      occurredAt: Date.parse(call.startedAt),
    });

    expect(result).toEqual({ id: '42' });
    expect(body).toEqual(expectedBody);
  });

  it('reads the vendor error body into the error, never with the key', async () => {
    nock(account)
      .post('/api/v1/calls')
      .reply(422, { error: { message: 'phone is invalid' } });
    const failure = connector().perform('calls.log', call, {
      envelopeId: 'calls:c-1',
      occurredAt: 0,
    });
    await expect(failure).rejects.toThrow(/phone is invalid/);
    await expect(failure).rejects.not.toThrow(apiKey);
  });

  it('is typed for the host: a call in, the logged call out', () => {
    const perform = connector().perform<'calls.log'>;
    expectTypeOf(perform).parameter(1).toEqualTypeOf<CallInput>();
    expectTypeOf(perform).returns.resolves.toEqualTypeOf<{ id: string }>();
  });
});
