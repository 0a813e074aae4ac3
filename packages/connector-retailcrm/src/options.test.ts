import { ConfigError } from '@crossline/core';
import { describe, expect, it } from 'vitest';
import { options } from './__fixtures__/config.js';
import { interpretRetailcrmResponse } from './api-http.js';
import { retailcrm } from './connector.js';
import { normalizePortalUrl } from './lib/portal.js';

describe('portal URL', () => {
  it.each([
    'https://shop.retailcrm.ru',
    'https://shop.retailcrm.pro/',
    'https://shop.retailcrm.es',
    'https://Shop.Simla.com',
  ])('accepts %s', (url) => {
    expect(normalizePortalUrl(url)).toEqual({ origin: new URL(url).origin });
  });

  it.each([
    ['http://shop.retailcrm.ru', 'https'],
    ['https://shop.retailcrm.ru:90', 'port'],
    ['https://shop.retailcrm.ru/test', 'path'],
    ['https://shop.retailcrm.ru/?a=1', 'query'],
    ['https://shop.retailcrm.ru/#top', 'fragment'],
    ['https://user:pass@shop.retailcrm.ru', 'credentials'],
    ['https://retailcrm.ru', 'is not an account under'],
    ['https://a.b.retailcrm.ru', 'is not an account under'],
    ['https://shop.retailcrm.ru.evil.example', 'is not an account under'],
    ['not a url', 'not a URL'],
  ])('rejects %s (%s)', (url, problem) => {
    expect(normalizePortalUrl(url)).toEqual({ problem: expect.stringContaining(problem) });
  });

  it('accepts a self-hosted host only when listed, and loopback only when allowed', () => {
    expect(normalizePortalUrl('https://crm.my-shop.com')).toHaveProperty('problem');
    expect(
      normalizePortalUrl('https://crm.my-shop.com', { customDomains: ['crm.my-shop.com'] }),
    ).toEqual({
      origin: 'https://crm.my-shop.com',
    });
    expect(normalizePortalUrl('http://127.0.0.1:8080')).toHaveProperty('problem');
    expect(normalizePortalUrl('http://127.0.0.1:8080', { allowLoopback: true })).toEqual({
      origin: 'http://127.0.0.1:8080',
    });
  });
});

describe('connector options', () => {
  it('throws a config error naming every bad field, and never the key', () => {
    const attempt = () =>
      retailcrm(
        options({
          apiKey: 'key-1',
          url: 'http://shop.retailcrm.ru/x',
          adminEmail: 'nobody',
          timeZone: 'Mars/Olympus',
          moduleCode: 'other-code',
          employees: [
            { employeeId: 'a', userId: 1, senior: true },
            { employeeId: 'b', userId: 2, senior: true },
          ],
        }),
      );
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      const paths = (error as ConfigError).issues.map((issue) => issue.path);
      expect(paths).toEqual(expect.arrayContaining(['apiKey', 'adminEmail', 'timeZone']));
      expect(
        JSON.stringify({
          message: (error as Error).message,
          issues: (error as ConfigError).issues,
        }),
      ).not.toContain('key-1');
    }
  });

  it('checks the portal, the module code and the seniors once the fields are valid', () => {
    const attempt = () =>
      retailcrm(
        options({
          url: 'http://shop.retailcrm.ru',
          moduleCode: 'other-code',
          employees: [
            { employeeId: 'a', userId: 1, senior: true },
            { employeeId: 'b', userId: 2, senior: true },
          ],
        }),
      );
    try {
      attempt();
      expect.unreachable();
    } catch (error) {
      const paths = (error as ConfigError).issues.map((issue) => issue.path);
      expect(paths).toEqual(['url', 'moduleCode', 'employees']);
    }
  });

  it.each([
    [null, 'null'],
    [undefined, 'undefined'],
    ['x', 'string'],
  ])('refuses %j as the options with a ConfigError naming the problem', (input, received) => {
    const attempt = () => retailcrm(input as never);
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(new RegExp(`options.*${received}`));
  });

  it('names the nested field of a bad or unknown option, never echoing the key', () => {
    const attempt = () =>
      retailcrm(
        options({
          rateLimits: { general: -1, genral: 5 } as never,
          module: 'crossline' as never,
          employees: [null as never],
          customFields: { landing: 5 as never },
        }),
      );
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
      expect.unreachable();
    } catch (error) {
      const issues = (error as ConfigError).issues;
      expect(issues.map((issue) => issue.path).sort()).toEqual([
        'customFields.landing',
        'employees.0',
        'module',
        'rateLimits',
        'rateLimits.general',
      ]);
      expect(issues.find((issue) => issue.path === 'rateLimits')?.message).toContain('genral');
      expect((error as Error).message).not.toContain(options().apiKey as string);
    }
  });

  it('fills the defaults', () => {
    const crm = retailcrm(options());
    expect(crm.config).toMatchObject({
      origin: 'https://shop.retailcrm.ru',
      moduleCode: 'crossline-main-shop',
      timeZone: 'Europe/Kyiv',
      rateLimits: { general: 10, telephony: 40 },
      defaultCountry: 'UA',
    });
  });
});

describe('reading retailCRM answers', () => {
  const answer = (status: number, body: unknown) =>
    interpretRetailcrmResponse({ status, body, headers: new Headers(), route: '/v5/x' });

  it('503 "Rate limit exceeded" is throttling', () => {
    expect(answer(503, { success: false, errorMsg: 'Rate limit exceeded' })).toMatchObject({
      throttled: true,
    });
  });

  it('a wrong key is an auth failure, "Access denied." a missing permission', () => {
    expect(answer(403, { success: false, errorMsg: 'Wrong "apiKey" value.' })).toMatchObject({
      failure: 'auth',
    });
    expect(answer(403, { success: false, errorMsg: '"apiKey" is missing.' })).toMatchObject({
      failure: 'auth',
    });
    expect(answer(403, { success: false, errorMsg: 'Access denied.' })).toMatchObject({
      failure: 'permission',
    });
  });

  it('joins `errors` given as an object or as an array into the message', () => {
    expect(
      answer(400, {
        success: false,
        errorMsg: 'Errors in the entity format',
        errors: { code: 'bad' },
      }),
    ).toEqual({ message: 'Errors in the entity format (code: bad)' });
    expect(
      answer(400, { success: false, errorMsg: 'Validation error', errors: ['a', 'b'] }),
    ).toEqual({
      message: 'Validation error (a; b)',
    });
  });

  it('an HTML page means the account does not exist; success: false in a 200 is a failure', () => {
    expect(answer(405, '<html>…</html>')).toMatchObject({ failure: 'vendor' });
    expect(answer(404, '<html>…</html>')).toMatchObject({ failure: 'vendor' });
    expect(answer(502, '<html>Bad gateway</html>')).toBeUndefined(); // a proxy's outage page
    expect(answer(200, { success: false, errorMsg: 'Not found' })).toMatchObject({
      failure: 'vendor',
      message: 'Not found',
    });
    expect(answer(200, { success: true })).toBeUndefined();
  });
});
