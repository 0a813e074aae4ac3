import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { accountOrigin, checkAccountUrl, refineAccountUrl } from './account-url.js';

describe('checkAccountUrl', () => {
  it('accepts any https host when the vendor has no SaaS domains', () => {
    expect(checkAccountUrl('https://crm.my-shop.ua/')).toEqual({
      origin: 'https://crm.my-shop.ua',
    });
  });

  it.each([
    ['http://crm.my-shop.ua', 'must use https'],
    ['https://crm.my-shop.ua:8443', 'must not have a port'],
    ['https://crm.my-shop.ua/api', 'must not have a path'],
    ['https://crm.my-shop.ua?x=1', 'must not have a query'],
    ['https://crm.my-shop.ua#a', 'must not have a fragment'],
    ['https://u:p@crm.my-shop.ua', 'must not contain credentials'],
  ])('rejects %s', (url, problem) => {
    expect(checkAccountUrl(url)).toEqual({ problem });
  });

  it('names allowLoopback when a loopback URL (a simulator) is refused', () => {
    const hint = '(a loopback URL, e.g. a simulator, needs allowLoopback: true)';
    expect(checkAccountUrl('http://127.0.0.1:8080')).toEqual({ problem: `must use https ${hint}` });
    expect(checkAccountUrl('https://localhost:8443')).toEqual({
      problem: `must not have a port ${hint}`,
    });
    expect(checkAccountUrl('http://127.0.0.1:8080', { allowLoopback: true })).toEqual({
      origin: 'http://127.0.0.1:8080',
    });
    expect(checkAccountUrl('https://[::1]', { domains: ['vendor.example'] })).toEqual({
      problem: `[::1] is not an account under vendor.example; add a self-hosted one to customDomains ${hint}`,
    });
    // Not a web URL, or not loopback: allowLoopback would not help, so no hint.
    expect(checkAccountUrl('ftp://127.0.0.1')).toEqual({ problem: 'must use https' });
    expect(checkAccountUrl('http://10.0.0.1')).toEqual({ problem: 'must use https' });
  });

  it('with SaaS domains: one account label under one of them, or a custom domain', () => {
    const rules = { domains: ['vendor.example'], customDomains: ['crm.box.example'] };
    expect(checkAccountUrl('https://shop.vendor.example', rules)).toHaveProperty('origin');
    expect(checkAccountUrl('https://crm.box.example', rules)).toHaveProperty('origin');
    expect(checkAccountUrl('https://a.b.vendor.example', rules)).toHaveProperty('problem');
    expect(checkAccountUrl('https://vendor.example.evil.example', rules)).toHaveProperty('problem');
  });
});

describe('refineAccountUrl and accountOrigin (for options schemas)', () => {
  const schema = z
    .object({ url: z.string(), allowLoopback: z.boolean().default(false) })
    .superRefine((options, context) =>
      refineAccountUrl(context, options.url, {
        path: 'url',
        label: 'account',
        allowLoopback: options.allowLoopback,
      }),
    )
    .transform((options) => ({
      ...options,
      origin: accountOrigin(options.url, { allowLoopback: options.allowLoopback }),
    }));

  it('adds an issue at the option naming the problem, and gives the origin when it is right', () => {
    const bad = schema.safeParse({ url: 'http://shop.example' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues).toEqual([
      expect.objectContaining({ path: ['url'], message: 'account URL must use https' }),
    ]);
    expect(schema.parse({ url: 'https://shop.example/' }).origin).toBe('https://shop.example');
    expect(schema.parse({ url: 'http://127.0.0.1:8080', allowLoopback: true }).origin).toBe(
      'http://127.0.0.1:8080',
    );
  });
});
