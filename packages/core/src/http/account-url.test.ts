import { describe, expect, it } from 'vitest';
import { checkAccountUrl } from './account-url.js';

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

  it('with SaaS domains: one account label under one of them, or a custom domain', () => {
    const rules = { domains: ['vendor.example'], customDomains: ['crm.box.example'] };
    expect(checkAccountUrl('https://shop.vendor.example', rules)).toHaveProperty('origin');
    expect(checkAccountUrl('https://crm.box.example', rules)).toHaveProperty('origin');
    expect(checkAccountUrl('https://a.b.vendor.example', rules)).toHaveProperty('problem');
    expect(checkAccountUrl('https://vendor.example.evil.example', rules)).toHaveProperty('problem');
  });
});
