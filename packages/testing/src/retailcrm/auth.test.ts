import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call } from '../__fixtures__/retailcrm-call.js';
import { type RetailcrmSimulator, startRetailcrmSimulator } from './start-retailcrm-simulator.js';

let crm: RetailcrmSimulator;

beforeEach(async () => {
  crm = await startRetailcrmSimulator({ apiKey: 'main-key' });
});

afterEach(async () => {
  await crm.close();
});

describe('retailCRM simulator: API keys', () => {
  it('answers 403 "apiKey" is missing without a key', async () => {
    const answer = await call(crm, 'GET', '/users', { key: null });
    expect(answer.status).toBe(403);
    expect(answer.body).toEqual({ success: false, errorMsg: '"apiKey" is missing.' });
  });

  it('answers 403 Wrong "apiKey" value for an unknown key', async () => {
    const answer = await call(crm, 'GET', '/users', { key: 'not-a-key' });
    expect(answer.status).toBe(403);
    expect(answer.body).toEqual({ success: false, errorMsg: 'Wrong "apiKey" value.' });
  });

  it('accepts the key as an apiKey query parameter or form field too', async () => {
    const get = await call(crm, 'GET', '/users', { key: null, query: { apiKey: 'main-key' } });
    expect(get.status).toBe(200);
    const post = await call(crm, 'POST', '/users/7/status', {
      key: null,
      form: { apiKey: 'main-key', status: 'dinner' },
    });
    expect(post.body).toEqual({ success: true });
    expect(crm.state.users.find((user) => user.id === 7)?.status).toBe('dinner');
  });

  it('refuses the old key after rotateKey() and accepts the new one with the same rights', async () => {
    const next = crm.rotateKey();
    expect(next).not.toBe('main-key');
    expect(crm.apiKey).toBe(next);
    const old = await call(crm, 'GET', '/users', { key: 'main-key' });
    expect(old.status).toBe(403);
    expect(old.body.errorMsg).toBe('Wrong "apiKey" value.');
    const fresh = await call(crm, 'GET', '/api/credentials', { key: next });
    expect(fresh.status).toBe(200);
    expect(fresh.body.credentials).toContain('/api/customers/create');
  });

  it('answers 403 Access denied. for a method missing from the key credentials', async () => {
    crm.addKey('read-only', { credentials: ['/api/customers', '/api/users'] });
    const allowed = await call(crm, 'GET', '/customers', { key: 'read-only' });
    expect(allowed.status).toBe(200);
    const denied = await call(crm, 'POST', '/customers/create', {
      key: 'read-only',
      form: { customer: { firstName: 'Ivan' } },
    });
    expect(denied.status).toBe(403);
    expect(denied.body).toEqual({ success: false, errorMsg: 'Access denied.' });
    expect(crm.state.customers).toHaveLength(0);
  });

  it('limits the main key to the credentials option, in the vendor notation', async () => {
    await crm.close();
    crm = await startRetailcrmSimulator({
      credentials: ['/api/customers/{externalId}/edit', '/api/integration-modules/{code}/edit'],
    });
    const denied = await call(crm, 'GET', '/users/7');
    expect(denied.body.errorMsg).toBe('Access denied.');
    const module = await call(crm, 'POST', '/integration-modules/acme/edit', {
      form: { integrationModule: { integrationCode: 'acme' } },
    });
    expect(module.status).toBe(200);
  });

  it('refuses an unknown credential name at start, naming it', async () => {
    await expect(
      startRetailcrmSimulator({ credentials: ['/api/customer/create'] }),
    ).rejects.toThrow('/api/customer/create');
  });

  it('reports the calling key rights on GET /api/credentials', async () => {
    crm.addKey('narrow', { credentials: ['/api/users'], scopes: ['user_read'] });
    const answer = await call(crm, 'GET', '/api/credentials', { key: 'narrow' });
    expect(answer.body).toEqual({
      success: true,
      scopes: ['user_read'],
      credentials: ['/api/users'],
      siteAccess: 'access_full',
      sitesAvailable: ['main-shop'],
    });
  });

  it('serves a scope-based key: no credentials listed, methods granted by its scopes', async () => {
    crm.addKey('scoped', { scopes: ['customer_read', 'telephony_write'] });
    const rights = await call(crm, 'GET', '/api/credentials', { key: 'scoped' });
    expect(rights.body).toMatchObject({
      credentials: [],
      scopes: ['customer_read', 'telephony_write'],
    });
    expect((await call(crm, 'GET', '/customers', { key: 'scoped' })).status).toBe(200);
    const upload = await call(crm, 'POST', '/telephony/calls/upload', {
      key: 'scoped',
      form: { calls: [{ date: '2026-11-23 10:00:00', type: 'in', phone: '+380671234567' }] },
    });
    expect(upload.body).toMatchObject({ success: true, processedCallsCount: 1 });
    const denied = await call(crm, 'POST', '/customers/create', {
      key: 'scoped',
      form: { customer: { firstName: 'Ivan' } },
    });
    expect(denied.body).toEqual({ success: false, errorMsg: 'Access denied.' });
    expect((await call(crm, 'GET', '/users', { key: 'scoped' })).status).toBe(403);
  });

  it('a key given only credentials reports no scopes, and an unknown scope is refused', async () => {
    crm.addKey('methods-only', { credentials: ['/api/users'] });
    const rights = await call(crm, 'GET', '/api/credentials', { key: 'methods-only' });
    expect(rights.body).toMatchObject({ credentials: ['/api/users'], scopes: [] });
    expect(() => crm.addKey('typo', { scopes: ['customers_read'] })).toThrow('customers_read');
  });

  it('answers 404 Method not found for an unknown method', async () => {
    const answer = await call(crm, 'GET', '/no-such-method');
    expect(answer.status).toBe(404);
    expect(answer.body).toEqual({ success: false, errorMsg: 'Method not found' });
  });
});
