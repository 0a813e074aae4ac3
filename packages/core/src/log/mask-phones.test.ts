// Review: maskPhones missed phones written with dots, no-break spaces, Arabic-Indic or
// full-width digits, or right after a percent-escape (`%3D0671234513`), and mangled ids,
// dates, amounts and timestamps (`calls:1732012345678` → `calls:17320******78`). A digit run
// is masked now only when it reads as a valid phone number and is not part of an identifier.
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../__fixtures__/seeded-random.js';
import { maskPhones } from './mask-phones.js';

const nbsp = '\u00a0';

describe('maskPhones masks every way a phone number is written', () => {
  it.each([
    ['call from 067.123.45.67', 'call from 067.***.**.67'],
    ['tel 06.12.34.56.78', 'tel 06.1*.**.**.78'],
    [`call 067${nbsp}123${nbsp}45${nbsp}67`, `call 067${nbsp}***${nbsp}**${nbsp}67`],
    [`+380${nbsp}67${nbsp}123${nbsp}45${nbsp}67`, `+380${nbsp}67${nbsp}***${nbsp}**${nbsp}67`],
    ['phone ٠٦٧١٢٣٤٥٦٧', 'phone ٠٦٧*****٦٧'],
    ['phone ۰۶۷۱۲۳۴۵۶۷', 'phone ۰۶۷*****۶۷'],
    ['phone ０６７１２３４５６７', 'phone ０６７*****６７'],
    ['phone ＋３８０６７１２３４５６７', 'phone ＋３８０６７*****６７'],
    ['call 067‑123‑45‑67', 'call 067‑***‑**‑67'],
    ['filter%5Bname%5D%3D0671234513', 'filter%5Bname%5D%3D067*****13'],
    ['filter%5Bname%5D=0671234513', 'filter%5Bname%5D=067*****13'],
    ['q=phone%3D%2B380671234567', 'q=phone%3D%2B38067*****67'],
    ['call 067/123-45-67', 'call 067/***-**-67'],
    ['from:0671234513', 'from:067*****13'],
    ['sip:380671234567@pbx', 'sip:38067*****67@pbx'],
    ['380-67-1234567', '380-67-*****67'],
    ['callers 0671234567,0681234567', 'callers 067*****67,068*****67'],
    ['call id 1700000000.42 from 0671234513', 'call id 1700000000.42 from 067*****13'],
    ['on 15.01.2024 0671234567 called', 'on 15.01.2024 067*****67 called'],
    ['attempt 3 0671234567', 'attempt 3 067*****67'],
    ['legacy 8 067 123 45 67', 'legacy 8 067 *** ** 67'],
    ['intl 00380671234567', 'intl 00380*******67'],
    ['sms to 89001234567', 'sms to 8900*****67'],
    ['sms to 8 (900) 123-45-67', 'sms to 8 (900) ***-**-67'],
  ])('%s → %s', (input, expected) => {
    expect(maskPhones(input)).toBe(expected);
  });
});

describe('maskPhones leaves identifiers, dates, amounts and addresses alone', () => {
  it.each([
    'id=calls:1732012345678',
    'envelope calls:1732012345.123',
    'asterisk uniqueid 1732012345.123',
    'order 20240115',
    'amount 1 234 567,89',
    `amount 1${nbsp}234${nbsp}567,89 UAH`,
    'at 1732012345678 ms',
    'epoch 1732012345',
    'uuid 550e8400-e29b-41d4-a716-446655440000',
    'uuid c0a80101-0000-4000-8000-447911123456',
    'ipv4 192.168.100.200',
    'ts 2024-01-15T10:20:30.123Z',
    'at 2024-01-15 10:20:30',
    'date 15.01.2024 10:20',
    'order 1234567',
  ])('%s', (text) => {
    expect(maskPhones(text)).toBe(text);
  });
});

describe('maskPhones properties', () => {
  const random = seededRandom(7);
  const pick = (alphabet: string) => alphabet[Math.floor(random() * alphabet.length)] ?? '';
  const line = (alphabet: string, length: number) =>
    Array.from({ length }, () => pick(alphabet)).join('');
  const noDigits = `abcXYZ яїЄ ${nbsp}\t+-()./:%=&?#_@[]"'\\😀‑−＋（）．`;

  it('a line with no digits comes back unchanged', () => {
    for (let run = 0; run < 2000; run += 1) {
      const text = line(noDigits, Math.floor(random() * 80));
      expect(maskPhones(text)).toBe(text);
    }
  });

  it('masking only ever turns digits into `*`', () => {
    const withDigits = `${noDigits}0123456789٠٦٧０６７`;
    for (let run = 0; run < 2000; run += 1) {
      const text = line(withDigits, Math.floor(random() * 80));
      const masked = maskPhones(text);
      expect([...masked].length).toBe([...text].length);
      const original = [...text];
      [...masked].forEach((char, index) => {
        if (char !== original[index]) expect(`${original[index]}${char}`).toMatch(/^\p{Nd}\*$/u);
      });
    }
  });
});
