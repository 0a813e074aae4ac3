import { describe, expect, it } from 'vitest';
import { InvalidPhoneError } from '../errors/invalid-phone-error.js';
import { normalizePhone } from './normalize-phone.js';
import { phoneVariants } from './phone-variants.js';

describe('phoneVariants', () => {
  it('lists the forms a Ukrainian number is stored in, canonical first', () => {
    const variants = phoneVariants('380671234567');
    expect(variants[0]).toBe('380671234567');
    expect(variants).toEqual(
      expect.arrayContaining([
        '+380671234567',
        '0671234567',
        '+38 (067) 123-45-67',
        '067 123 45 67',
        '(067) 123-45-67',
        '+380 67 123 4567',
        '067-123-45-67',
        '38(067)1234567',
        '80671234567',
        '8 067 123 45 67',
      ]),
    );
    expect(new Set(variants).size).toBe(variants.length);
  });

  it.each([
    ['380671234567', 'UA'],
    ['380441234567', 'UA'],
    ['79161234567', 'RU'],
    ['79161234567', 'UA'],
    ['48501234567', 'PL'],
    ['48501234567', 'UA'],
    ['14155550123', 'US'],
    ['442079460958', 'GB'],
    ['442079460958', 'UA'],
  ] as const)('every variant of %s is read back as it under default %s', (canonical, country) => {
    const variants = phoneVariants(canonical, { defaultCountry: country });
    expect(variants[0]).toBe(canonical);
    expect(variants.length).toBeGreaterThan(3);
    for (const variant of variants) {
      expect(normalizePhone(variant, { defaultCountry: country }), variant).toBe(canonical);
    }
  });

  it('leaves out forms that would mean another number in the account country', () => {
    // A Ukrainian CRM reads a bare 501234567 as +380 50 123 4567, not the Polish number.
    expect(phoneVariants('48501234567')).not.toContain('501234567');
    expect(phoneVariants('48501234567')).not.toContain('501 234 567');
    expect(phoneVariants('48501234567', { defaultCountry: 'PL' })).toEqual(
      expect.arrayContaining(['501234567', '501 234 567']),
    );
  });

  it('rejects what is not a canonical number', () => {
    for (const bad of ['+380671234567', '0671234567', 'abc', '380001234567']) {
      expect(() => phoneVariants(bad)).toThrow(InvalidPhoneError);
    }
  });
});
