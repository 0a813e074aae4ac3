import { callSchema } from '@crossline/core';
import { describe, expect, it } from 'vitest';
import { callMapper } from './mapping.js';

describe('callMapper', () => {
  const call = callSchema.parse({
    id: 'calls:c-7',
    direction: 'outgoing',
    result: 'missed',
    from: '+380441112233',
    to: '067 123 45 67',
    startedAt: '2026-01-05T10:00:00+02:00',
  });

  it('sends the client as `phone` and the host line as `line`, both with +', () => {
    expect(callMapper.toVendor(call, { externalId: 'calls:c-7' })).toMatchObject({
      phone: '+380671234567',
      line: '+380441112233',
      direction: 'out',
      status: 'missed',
      duration_sec: 0,
      external_id: 'calls:c-7',
    });
  });

  it('reads back what it sends', () => {
    const context = { externalId: 'calls:c-7' };
    expect(callMapper.fromVendor(callMapper.toVendor(call, context), context)).toEqual(call);
  });
});
