import type { CountryCode } from 'libphonenumber-js/core';
import type { InvalidPhoneReason } from '../errors/invalid-phone-error.js';

/** One row of the phone table: input, default country, and the canonical result or reason. */
export interface PhoneCase {
  readonly input: string;
  readonly country?: CountryCode;
  readonly expected: string | { readonly reason: InvalidPhoneReason };
}

const ua = '380671234567';

/** Every form the issue names, and many more, with what they must normalise to. */
export const phoneTable: readonly PhoneCase[] = [
  // Ukrainian mobile in every form people and vendors type
  { input: '+38 (067) 123-45-67', expected: ua },
  { input: '067 123 45 67', expected: ua },
  { input: '0671234567', expected: ua },
  { input: '380671234567', expected: ua },
  { input: '+380671234567', expected: ua },
  { input: '00380671234567', expected: ua },
  { input: '00 380 67 123 45 67', expected: ua },
  { input: 'tel:+380671234567', expected: ua },
  { input: 'TEL:+380-67-123-45-67', expected: ua },
  { input: 'tel:0671234567;phone-context=+380', expected: ua },
  { input: '+380 67 123 4567', expected: ua },
  { input: '+38 067 123 45 67', expected: ua },
  { input: '+38-067-123-45-67', expected: ua },
  { input: '(067) 123-45-67', expected: ua },
  { input: '067.123.45.67', expected: ua },
  { input: '067/123 45 67', expected: ua },
  { input: '  +380671234567  ', expected: ua },
  { input: '+380 67 123 45 67', expected: ua },
  { input: '+3800671234567', expected: ua },
  { input: '3800671234567', expected: ua },
  { input: '671234567', expected: ua },
  { input: '+380\u00a067\u00a0123\u00a045\u00a067', expected: ua },
  { input: '+38 (067) 123–45–67', expected: ua },
  // the legacy Ukrainian long-distance trunk 8
  { input: '8 067 123 45 67', expected: ua },
  { input: '80671234567', expected: ua },
  { input: '8 (067) 123-45-67', expected: ua },
  { input: '8-044-123-45-67', expected: '380441234567' },
  // extensions are dropped
  { input: '+380671234567, ext. 12', expected: ua },
  { input: '+380671234567 ext 12', expected: ua },
  { input: '+380671234567x12', expected: ua },
  { input: '+380671234567 #12', expected: ua },
  { input: '067 123 45 67 доб. 305', expected: ua },
  { input: '067 123 45 67 вн. 3', expected: ua },
  { input: 'tel:+380671234567;ext=12', expected: ua },
  { input: '+48 22 123 45 67 wewn. 12', expected: '48221234567' },
  // other Ukrainian ranges
  { input: '044 123 45 67', expected: '380441234567' },
  { input: '+380 44 123 45 67', expected: '380441234567' },
  { input: '050 123 45 67', expected: '380501234567' },
  { input: '093 123 45 67', expected: '380931234567' },
  { input: '097-123-45-67', expected: '380971234567' },
  { input: '441234567', expected: '380441234567' },
  // Russia (with RU default, and international from anywhere)
  { input: '8 (916) 123-45-67', country: 'RU', expected: '79161234567' },
  { input: '89161234567', country: 'RU', expected: '79161234567' },
  { input: '+7 916 123 45 67', expected: '79161234567' },
  { input: '+7 (916) 123-45-67', country: 'RU', expected: '79161234567' },
  { input: '79161234567', expected: '79161234567' },
  { input: '7 916 123 45 67', country: 'RU', expected: '79161234567' },
  { input: '8 495 123-45-67', country: 'RU', expected: '74951234567' },
  { input: '8 10 48 501 234 567', country: 'RU', expected: '48501234567' },
  // Poland
  { input: '+48 501 234 567', expected: '48501234567' },
  { input: '48501234567', expected: '48501234567' },
  { input: '0048 501 234 567', expected: '48501234567' },
  { input: '501 234 567', country: 'PL', expected: '48501234567' },
  { input: '501-234-567', country: 'PL', expected: '48501234567' },
  { input: '+48 22 123 45 67', expected: '48221234567' },
  // elsewhere
  { input: '+1 415 555 0123', expected: '14155550123' },
  { input: '(415) 555-0123', country: 'US', expected: '14155550123' },
  { input: '+44 20 7946 0958', expected: '442079460958' },
  { input: '020 7946 0958', country: 'GB', expected: '442079460958' },
  { input: '+49 30 12345678', expected: '493012345678' },
  { input: '+375 29 123 45 67', expected: '375291234567' },
  { input: '+373 69 123 456', expected: '37369123456' },
  { input: '+995 555 12 34 56', expected: '995555123456' },
  { input: '+7 701 123 45 67', expected: '77011234567' },
  { input: '8 701 123 45 67', country: 'KZ', expected: '77011234567' },
  // not phone numbers
  { input: '', expected: { reason: 'empty' } },
  { input: '   ', expected: { reason: 'empty' } },
  { input: 'abc', expected: { reason: 'not-a-phone' } },
  { input: 'call me', expected: { reason: 'not-a-phone' } },
  { input: '067 ABC 45 67', expected: { reason: 'not-a-phone' } },
  { input: '1-800-FLOWERS', country: 'US', expected: { reason: 'not-a-phone' } },
  { input: 'user@example.com', expected: { reason: 'not-a-phone' } },
  { input: '++380671234567', expected: { reason: 'not-a-phone' } },
  { input: '380+671234567', expected: { reason: 'not-a-phone' } },
  { input: '+', expected: { reason: 'not-a-phone' } },
  { input: '---', expected: { reason: 'not-a-phone' } },
  { input: '12345', expected: { reason: 'too-short' } },
  { input: '067', expected: { reason: 'too-short' } },
  { input: '+38', expected: { reason: 'too-short' } },
  { input: '1234567890123456789', expected: { reason: 'too-long' } },
  { input: '9'.repeat(80), expected: { reason: 'too-long' } },
  { input: '+380 00 123 45 67', expected: { reason: 'invalid' } },
  { input: '067 123 45 6', expected: { reason: 'invalid' } },
  { input: '8 (916) 123-45-67', expected: { reason: 'invalid' } },
  { input: '+999 123 456 789', expected: { reason: 'invalid' } },
];
