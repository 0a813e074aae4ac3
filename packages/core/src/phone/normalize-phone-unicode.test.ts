/**
 * Unicode forms people paste (issue 9, §6): full-width digits and plus signs, Arabic-Indic and
 * Extended Arabic-Indic digits, Unicode dashes, spaces, brackets and bidi marks. The fuzz
 * extends the fast-path fuzz of normalize-phone.test.ts: whatever libphonenumber-js accepts,
 * normalizePhone (fast path, cache and full parse) accepts with the same number.
 */
import {
  type CountryCode,
  type PhoneNumber,
  parsePhoneNumberFromString,
} from 'libphonenumber-js/core';
import examples from 'libphonenumber-js/examples.mobile.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../__fixtures__/seeded-random.js';
import { canonicalFastPath } from './fast-path.js';
import { phoneMetadata } from './metadata.js';
import { homeGuardFor, normalizePhone, parsePhone } from './normalize-phone.js';

const zeros = { fullWidth: 0xff10, arabicIndic: 0x0660, extendedArabicIndic: 0x06f0 };
const dashes = ['\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\uff0d'];
const spaces = ['\u00a0', '\u2002', '\u2007', '\u2009', '\u202f', '\u3000'];
const marks = ['\u200e', '\u200f', '\u2066', '\u2069', '\u202a', '\u202c', '\u061c'];

/** normalizePhone's answer: the digits, or the reason it refused. */
function ours(input: string, country: CountryCode): string {
  try {
    return normalizePhone(input, { defaultCountry: country });
  } catch (error) {
    return (error as { reason: string }).reason;
  }
}

/**
 * libphonenumber-js on its own (its own extraction and digit folding), or undefined. It reads a
 * full-width plus as no plus at all (`＋49 1512 3456576` with default DE is +49 4915123456576,
 * while `+49 1512 3456576` is +49 15123456576), so that one character is given as `+`.
 */
function library(input: string, country: CountryCode): string | undefined {
  const parsed = parsePhoneNumberFromString(input.replace('\uff0b', '+'), country, phoneMetadata);
  return parsed?.isValid() ? parsed.number.slice(1) : undefined;
}

/** `text` with its digits written in another script. */
function digitsIn(text: string, zero: number): string {
  return text.replace(/\d/g, (digit) => String.fromCharCode(zero + Number(digit)));
}

/** A pasted variant of an ASCII phone number, one random choice per character class. */
function pasted(ascii: string, random: () => number): string {
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;
  const scripts = Object.values(zeros);
  let text = random() < 0.75 ? digitsIn(ascii, pick(scripts)) : ascii;
  if (random() < 0.2) {
    // mixed scripts, digit by digit
    text = [...ascii]
      .map((char) => (/\d/.test(char) ? digitsIn(char, pick(scripts)) : char))
      .join('');
  }
  text = text
    .replace(/-/g, () => (random() < 0.8 ? pick(dashes) : '-'))
    .replace(/ /g, () => (random() < 0.8 ? pick(spaces) : ' '))
    .replace(/\+/, () => (random() < 0.5 ? '\uff0b' : '+'))
    .replace(/\(/, () => (random() < 0.5 ? '\uff08' : '('))
    .replace(/\)/, () => (random() < 0.5 ? '\uff09' : ')'));
  if (random() < 0.4) text = `${pick(marks)}${text}`;
  if (random() < 0.4) text = `${text}${pick(marks)}`;
  return text;
}

/** The ASCII ways a number is typed: international and national, spaced, dashed, bracketed. */
function typedForms(number: PhoneNumber): string[] {
  const international = number.formatInternational();
  const national = number.formatNational();
  return [
    international,
    international.replace(/ /g, '-'),
    national,
    national.replace(/ /g, '-'),
    `+${number.countryCallingCode} (${number.nationalNumber.slice(0, 3)}) ${number.nationalNumber.slice(3)}`,
    number.number,
  ];
}

describe('normalizePhone on pasted Unicode input', () => {
  it.each([
    ['full-width digits and plus', '＋３８０ ６７ １２３ ４５ ６７'],
    ['full-width national', '０６７－１２３－４５－６７'],
    ['Arabic-Indic digits', '+٣٨٠٦٧١٢٣٤٥٦٧'],
    ['Extended Arabic-Indic digits', '+۳۸۰ ۶۷ ۱۲۳ ۴۵ ۶۷'],
    ['Unicode dashes', '+38\u2010067\u2011123\u201245\u221267'],
    ['Unicode spaces', '+38\u00a0067\u2009123\u202f45\u300067'],
    ['bidi marks around', '\u200e+380671234567\u200f'],
    ['full-width brackets', '＋38（067）123-45-67'],
    ['an extension in Arabic-Indic digits', '+380671234567 ext. ١٢'],
  ])('%s: %s → 380671234567', (_, input) => {
    expect(normalizePhone(input)).toBe('380671234567');
  });

  it('answers what libphonenumber-js answers, and what the ASCII form gets (fuzz)', () => {
    const random = seededRandom(20261124);
    const countries: CountryCode[] = ['UA', 'PL', 'RU', 'DE', 'US', 'GB', 'EG', 'IR', 'SA', 'IN'];
    let checked = 0;
    let accepted = 0;
    for (const country of countries) {
      const example = (examples as Record<string, string>)[country] as string;
      for (let round = 0; round < 40; round += 1) {
        const tail = String(Math.floor(random() * 1000)).padStart(3, '0');
        const digits = `${example.slice(0, -3)}${tail}`;
        const number = parsePhoneNumberFromString(digits, country, phoneMetadata);
        if (!number?.isValid()) continue;
        for (const ascii of typedForms(number)) {
          const input = pasted(ascii, random);
          const label = `${JSON.stringify(input)} (${country}; typed ${ascii})`;
          const answer = ours(input, country);
          expect(answer, label).toBe(ours(ascii, country));
          expect(answer, label).toBe(parsePhone(input, country));
          expect(ours(input, country), `${label}, again`).toBe(answer);
          const fast = canonicalFastPath(input, homeGuardFor(country));
          if (fast !== undefined) expect(fast, label).toBe(answer);
          const theirs = library(input, country);
          if (theirs !== undefined) {
            accepted += 1;
            expect(answer, label).toBe(theirs);
          }
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(2000);
    expect(accepted / checked).toBeGreaterThan(0.5);
  });
});
