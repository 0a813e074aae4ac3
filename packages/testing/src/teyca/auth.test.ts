import { afterEach, describe, expect, it } from 'vitest';
import { startTeycaSimulator, type TeycaSimulator } from './start-teyca-simulator.js';
import { callTeyca } from './test-client.js';

let teyca: TeycaSimulator;
afterEach(async () => {
  await teyca.close();
});

describe('Teyca simulator: the main key and the per-installation token', () => {
  it('takes the main key raw in Authorization; a Bearer prefix or a wrong key is refused', async () => {
    teyca = await startTeycaSimulator({ apiKey: 'k'.repeat(32) });
    expect((await callTeyca(teyca, 'GET', '/passes')).status).toBe(200);
    const bearer = await callTeyca(teyca, 'GET', '/passes', undefined, {
      authorization: `Bearer ${teyca.apiKey}`,
    });
    expect(bearer).toMatchObject({ status: 401, body: { error: 'Invalid authorization key' } });
    const wrong = await callTeyca(teyca, 'GET', '/passes', undefined, { authorization: 'nope' });
    expect(wrong.status).toBe(401);
  });

  it('refuses an unknown token in the path; token routes under /v1/authorization need only the key', async () => {
    teyca = await startTeycaSimulator();
    const unknown = await fetch(`${teyca.url}/v1/${'0'.repeat(32)}/passes`, {
      headers: { authorization: teyca.apiKey },
    });
    expect(unknown.status).toBe(401);
    const created = await callTeyca(teyca, 'POST', '//authorization', { identifier: 'Shop 2' });
    const { token } = created.body as { token: string };
    expect(token).toMatch(/^[0-9a-f]{32}$/);
    const listed = await callTeyca(teyca, 'GET', '//authorization');
    expect(listed.body).toEqual(
      expect.arrayContaining([expect.objectContaining({ identifier: 'Shop 2' })]),
    );
    const viaNew = await fetch(`${teyca.url}/v1/${token}/passes`, {
      headers: { authorization: teyca.apiKey },
    });
    expect(viaNew.status).toBe(200);
    expect(
      (await callTeyca(teyca, 'DELETE', '//authorization', { identifier: 'Shop 2' })).status,
    ).toBe(200);
  });

  it('blocks a token for good once a second installation uses it', async () => {
    teyca = await startTeycaSimulator();
    const first = { 'x-forwarded-for': '10.0.0.1' };
    const second = { 'x-forwarded-for': '10.0.0.2' };
    expect((await callTeyca(teyca, 'GET', '/passes', undefined, first)).status).toBe(200);
    const blocked = await callTeyca(teyca, 'GET', '/passes', undefined, second);
    expect(blocked).toMatchObject({
      status: 403,
      body: { error: 'Authorization token is blocked' },
    });
    // For good: the first installation is refused too.
    expect((await callTeyca(teyca, 'GET', '/passes', undefined, first)).status).toBe(403);
    expect(teyca.state.tokens.get(teyca.token)?.blocked).toBe(true);
  });

  it('takes the fingerprint rule as an option (UNCERTAIN how Teyca tells installations apart)', async () => {
    teyca = await startTeycaSimulator({
      fingerprint: (request) => String(request.headers['x-host']),
    });
    await callTeyca(teyca, 'GET', '/passes', undefined, { 'x-host': 'a', 'user-agent': 'one' });
    expect(
      (await callTeyca(teyca, 'GET', '/passes', undefined, { 'x-host': 'a', 'user-agent': 'two' }))
        .status,
    ).toBe(200);
    expect((await callTeyca(teyca, 'GET', '/passes', undefined, { 'x-host': 'b' })).status).toBe(
      403,
    );
  });

  it('rotates the main key: the old one is refused from then on', async () => {
    teyca = await startTeycaSimulator();
    const old = teyca.apiKey;
    const next = teyca.rotateKey();
    expect(teyca.apiKey).toBe(next);
    expect((await callTeyca(teyca, 'GET', '/passes')).status).toBe(200);
    expect(
      (await callTeyca(teyca, 'GET', '/passes', undefined, { authorization: old })).status,
    ).toBe(401);
  });

  it('answers 403 while the API module is off, and writes errors as text when asked', async () => {
    teyca = await startTeycaSimulator({ errorFormat: 'text' });
    teyca.state.apiEnabled = false;
    const off = await callTeyca(teyca, 'GET', '/passes');
    expect(off).toMatchObject({ status: 403, body: 'API module is disabled' });
    expect(off.headers.get('content-type')).toMatch(/^text\/plain/);
  });

  it('injects faults through the kit', async () => {
    teyca = await startTeycaSimulator();
    teyca.fail({ status: 503, path: '/v1' });
    expect((await callTeyca(teyca, 'GET', '/passes')).status).toBe(503);
    expect((await callTeyca(teyca, 'GET', '/passes')).status).toBe(200);
  });
});
