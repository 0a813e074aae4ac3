import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { account, connector, user } from './__fixtures__/account.js';

describe('Thulium options (review)', () => {
  it('accepts a password with inner spaces and quotes, and sends it as Basic', async () => {
    const spaced = 'pass word "q" <x>&y 0123456789';
    const crm = connector({ password: spaced });
    const basic = `Basic ${Buffer.from(`${user}:${spaced}`).toString('base64')}`;
    nock(account)
      .get('/api/customers')
      .query(true)
      .matchHeader('authorization', basic)
      .reply(200, []);
    await expect(
      crm.perform(
        'customers.findByExternalId',
        { externalId: 'c-1' },
        { envelopeId: 'e', occurredAt: 0 },
      ),
    ).resolves.toMatchObject({ status: 'none' });
  });
});
