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
        '80671234567',
      ]),
    );
    expect(new Set(variants).size).toBe(variants.length);
  });

  it.each([
    '380671234567',
    '380441234567',
    '79161234567',
    '48501234567',
    '14155550123',
    '442079460958',
  ])('every variant of %s normalises back to it', (canonical) => {
    const country = canonical.startsWith('7') ? 'RU' : canonical.startsWith('48') ? 'PL' : 'UA';
    for (const variant of phoneVariants(canonical)) {
      const options =
        /^\+/.test(variant) || variant === canonical ? {} : ({ defaultCountry: country } as const);
      if (canonical.startsWith('1') || canonical.startsWith('44')) {
        if (!variant.startsWith('+') && variant !== canonical) continue; // national forms need their own default
      }
      expect(normalizePhone(variant, options), variant).toBe(canonical);
    }
  });

  it('rejects what is not a canonical number', () => {
    for (const bad of ['+380671234567', '0671234567', 'abc', '380001234567']) {
      expect(() => phoneVariants(bad)).toThrow(InvalidPhoneError);
    }
  });
});
