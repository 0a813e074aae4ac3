import { retailcrmScopes } from '@crossline/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { setupOnSimulator as setup, stopSimulator } from './__fixtures__/simulator.js';
import { retailcrmActions } from './actions/index.js';
import { requiredMethods } from './verify.js';

afterEach(stopSimulator);

const scopedKey = 'scoped-key-0123456789';

describe('the methods retailCRM verify() checks', () => {
  it("are the integration brief's list: every action's declared permissions, the contacts source's, plus activation's and verify()'s own", () => {
    expect(requiredMethods).toEqual([
      '/api/customers',
      '/api/customers/create',
      '/api/customers/history',
      '/api/customers/{externalId}',
      '/api/customers/{externalId}/edit',
      '/api/integration-modules/{code}',
      '/api/integration-modules/{code}/edit',
      '/api/orders',
      '/api/orders/create',
      '/api/reference/status-groups',
      '/api/tasks',
      '/api/tasks/create',
      '/api/telephony/call/event',
      '/api/telephony/calls/upload',
      '/api/telephony/manager',
      '/api/user-groups',
      '/api/users',
      '/api/users/{id}',
      '/api/users/{id}/status',
    ]);
    for (const action of Object.values(retailcrmActions)) {
      expect(action.permissions?.length).toBeGreaterThan(0);
      for (const method of action.permissions ?? []) expect(requiredMethods).toContain(method);
    }
  });
});

describe('retailCRM verify() with scope-based keys', () => {
  it('passes a key that has every scope it needs and lists no credentials', async () => {
    const { crm, connector } = await setup();
    crm.addKey(scopedKey, { scopes: retailcrmScopes });
    connector.configure({ apiKey: scopedKey });
    expect(await connector.verify()).toMatchObject({
      ok: true,
      credentialsValid: true,
      missingPermissions: [],
      problems: [],
    });
  });

  it('still checks the admin e-mail and the employees with a scope-based key that can read users', async () => {
    const { crm, connector } = await setup({
      adminEmail: 'nobody@shop.example',
      employees: [{ employeeId: 'gone', userId: 9, senior: true }],
    });
    crm.addKey(scopedKey, { scopes: retailcrmScopes });
    connector.configure({ apiKey: scopedKey });
    expect(await connector.verify()).toMatchObject({
      ok: false,
      missingPermissions: [],
      problems: [
        'no active CRM user has the admin e-mail nobody@shop.example',
        'employee gone: CRM user 9 is not an active manager',
      ],
    });
  });

  it('names exactly the scope a scope-based key lacks', async () => {
    const { crm, connector } = await setup();
    crm.addKey(scopedKey, { scopes: retailcrmScopes.filter((scope) => scope !== 'task_write') });
    connector.configure({ apiKey: scopedKey });
    expect(await connector.verify()).toMatchObject({
      ok: false,
      credentialsValid: true,
      missingPermissions: ['task_write'],
      problems: [],
    });
  });

  it('grants a method listed in either form: credentials, or a scope', async () => {
    const { crm, connector } = await setup();
    const credentials = requiredMethods.filter((method) => method !== '/api/tasks/create');
    crm.addKey(scopedKey, { credentials, scopes: ['task_write'] });
    connector.configure({ apiKey: scopedKey });
    expect(await connector.verify()).toMatchObject({ ok: true, missingPermissions: [] });
    crm.addKey('methods-key-0123456789', { credentials });
    connector.configure({ apiKey: 'methods-key-0123456789' });
    expect((await connector.verify()).missingPermissions).toEqual(['/api/tasks/create']);
  });
});

describe('retailCRM verify() and the site option', () => {
  it('names a site the account does not have, with the sites it has', async () => {
    const { connector } = await setup({ site: 'acme-shop' });
    const checks = await connector.verify();
    expect(checks.ok).toBe(false);
    expect(checks.problems).toEqual([
      expect.stringMatching(/^no shop acme-shop in the account \(its sites: main-shop\)/),
    ]);
  });
});
