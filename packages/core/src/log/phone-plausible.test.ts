// The cheap test maskPhones runs before the full parse must never call a valid number
// implausible: a phone it wrongly skipped would reach the logs in full.

import { parsePhoneNumberFromString } from 'libphonenumber-js/core';
import examples from 'libphonenumber-js/examples.mobile.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import { phoneTable } from '../__fixtures__/phone-table.js';
import { seededRandom } from '../__fixtures__/seeded-random.js';
import { phoneMetadata, planRules } from '../phone/metadata.js';
import { parsePhone } from '../phone/normalize-phone.js';
import { mayBePhone } from './phone-plausible.js';

const valid = (input: string) => /^\d/.test(parsePhone(input, 'UA'));

describe('mayBePhone never rejects a valid number', () => {
  it("every country's example mobile number, international and as digits", () => {
    for (const [country, national] of Object.entries(examples)) {
      const parsed = parsePhoneNumberFromString(national, country as never, phoneMetadata);
      const digits = (parsed?.number ?? '').slice(1);
      for (const [input, plus] of [
        [`+${digits}`, true],
        [digits, false],
        [`00${digits}`, false],
      ] as const) {
        const bare = input.replace('+', '');
        if (valid(input)) expect(mayBePhone(bare, plus), `${country} ${input}`).toBe(true);
      }
    }
  });

  it('every valid row of the phone table, as digits', () => {
    for (const { input, country } of phoneTable) {
      if (country && country !== 'UA') continue;
      const digits = input.replace(/\D/g, '');
      const plus = input.trim().startsWith('+');
      const typed = `${plus ? '+' : ''}${digits}`;
      if (digits && valid(typed)) expect(mayBePhone(digits, plus), input).toBe(true);
    }
  });

  it('random digit runs of 7 to 17 digits, with and without +', () => {
    const random = seededRandom(11);
    let rejected = 0;
    for (let run = 0; run < 20_000; run += 1) {
      const length = 7 + Math.floor(random() * 11);
      const digits = Array.from({ length }, () => Math.floor(random() * 10)).join('');
      for (const plus of [false, true]) {
        const plausible = mayBePhone(digits, plus);
        if (!plausible) rejected += 1;
        if (!plausible) expect(valid(plus ? `+${digits}` : digits), digits).toBe(false);
      }
    }
    expect(rejected).toBeGreaterThan(20_000); // it does skip most of them
  });

  it('random national parts after every calling code, prefix rewrites included', () => {
    const random = seededRandom(5);
    const digits = (length: number) =>
      Array.from({ length }, () => Math.floor(random() * 10)).join('');
    for (const country of Object.keys(phoneMetadata.countries)) {
      const rules = planRules(country);
      if (!rules) continue;
      for (let run = 0; run < 60; run += 1) {
        // Half of them start with what the national prefix pattern may match.
        const start = run % 2 === 0 ? '' : String(run % 10);
        const number = `${rules.callingCode}${start}${digits(3 + Math.floor(random() * 11))}`;
        if (valid(`+${number}`))
          expect(mayBePhone(number, true), `${country} +${number}`).toBe(true);
        if (valid(number)) expect(mayBePhone(number, false), `${country} ${number}`).toBe(true);
      }
    }
  });

  it('skips the ids and timestamps seen in logs', () => {
    for (const id of ['1732012345678', '1732012345', '1732012345123', '20240115']) {
      expect(mayBePhone(id, false), id).toBe(false);
    }
  });
});
