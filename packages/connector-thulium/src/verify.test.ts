import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { account, connector } from './__fixtures__/account.js';

describe('verify', () => {
  it('names the scopes the actions need that the key lacks', async () => {
    nock(account)
      .get('/api/v1/me')
      .reply(200, { data: { id: 3, scopes: ['calls:read'] } });
    expect(await connector().verify()).toEqual({
      ok: false,
      reachable: true,
      credentialsValid: true,
      missingPermissions: ['calls:write'],
      problems: [],
    });
  });

  it('reports a rejected key as credentials not valid', async () => {
    nock(account)
      .get('/api/v1/me')
      .reply(401, { error: { message: 'invalid key' } });
    expect(await connector().verify()).toMatchObject({ ok: false, credentialsValid: false });
  });
});
