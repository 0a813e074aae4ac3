import { type CountryCode, getCountries } from 'libphonenumber-js/core';
import examples from 'libphonenumber-js/examples.mobile.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import { phoneTable } from '../__fixtures__/phone-table.js';
import { seededRandom } from '../__fixtures__/seeded-random.js';
import { ConfigError } from '../errors/config-error.js';
import { InvalidPhoneError } from '../errors/invalid-phone-error.js';
import { ValidationError } from '../errors/validation-error.js';
import { canonicalFastPath } from './fast-path.js';
import { phoneMetadata, planRules } from './metadata.js';
import { homeGuardFor, normalizePhone, parsePhone } from './normalize-phone.js';

describe('normalizePhone', () => {
  it.each(phoneTable)('$input ($country) → $expected', ({ input, country, expected }) => {
    const options = country ? { defaultCountry: country } : {};
    if (typeof expected === 'string') {
      expect(normalizePhone(input, options)).toBe(expected);
      // a second call answers from the fast path or the cache: the same
      expect(normalizePhone(input, options)).toBe(expected);
    } else {
      const error = captureError(() => normalizePhone(input, options));
      expect(InvalidPhoneError.isInstance(error)).toBe(true);
      expect(error).toBeInstanceOf(ValidationError);
      expect(error).toMatchObject({ code: 'INVALID_PHONE', reason: expected.reason, input });
    }
  });

  it('gives every table row the same answer as the full parse, without fast path or cache', () => {
    for (const { input, country = 'UA' } of phoneTable) {
      const full = parsePhone(input, country);
      let fast: string;
      try {
        fast = normalizePhone(input, { defaultCountry: country });
      } catch (error) {
        fast = (error as InvalidPhoneError).reason;
      }
      expect(fast, `${input} (${country})`).toBe(full);
    }
  });

  it('rejects an unknown default country with a config error naming the option', () => {
    const error = captureError(() =>
      normalizePhone('0671234567', { defaultCountry: 'XX' as CountryCode }),
    );
    expect(ConfigError.isInstance(error)).toBe(true);
    expect((error as ConfigError).issues[0]?.path).toBe('defaultCountry');
  });

  it('rejects a value that is not a string', () => {
    expect(() => normalizePhone(380671234567 as unknown as string)).toThrow(InvalidPhoneError);
  });
});

describe('the canonical fast path', () => {
  const main: CountryCode[] = [
    'UA',
    'RU',
    'PL',
    'US',
    'GB',
    'DE',
    'KZ',
    'BY',
    'AR',
    'MX',
    'BR',
    'IT',
    'IN',
    'CN',
    'FR',
  ];

  /** Checks every candidate under `country`; returns [checked, answered by the fast path]. */
  function agree(candidates: readonly string[], country: CountryCode): [number, number] {
    const guard = homeGuardFor(country);
    let answered = 0;
    for (const candidate of candidates) {
      const fast = canonicalFastPath(candidate, guard);
      if (fast === undefined) continue;
      answered += 1;
      expect(fast, `${candidate} with default ${country}`).toBe(parsePhone(candidate, country));
    }
    return [candidates.length, answered];
  }

  it('never answers differently from the full parse (fuzz: main default countries, all candidates)', {
    timeout: 60_000,
  }, () => {
    const candidates = [...generatedDigits(seededRandom(20261123))];
    let checked = 0;
    let answered = 0;
    for (const country of main) {
      const [c, a] = agree(candidates, country);
      checked += c;
      answered += a;
    }
    expect(checked).toBeGreaterThan(300_000);
    // the fast path must actually serve canonical input, or the benchmark measures nothing
    expect(answered / checked).toBeGreaterThan(0.1);
  });

  it('never answers differently from the full parse (fuzz: every default country, a sample)', {
    timeout: 60_000,
  }, () => {
    const candidates = [...generatedDigits(seededRandom(7))].filter((_, index) => index % 12 === 0);
    for (const country of getCountries(phoneMetadata)) agree(candidates, country);
  });

  it('serves canonical Ukrainian, Polish and Russian numbers with a UA default', () => {
    const guard = homeGuardFor('UA');
    for (const canonical of ['380671234567', '48501234567', '79161234567', '375291234567']) {
      expect(canonicalFastPath(canonical, guard)).toBe(canonical);
    }
  });
});

/** Valid-looking numbers of every country (example numbers with random tails) and noise. */
function* generatedDigits(random: () => number): Generator<string> {
  for (const country of getCountries(phoneMetadata)) {
    const example = (examples as Record<string, string>)[country];
    const plan = planRules(country);
    if (!example || !plan) continue;
    for (let index = 0; index < 40; index += 1) {
      const keep = Math.max(1, example.length - 1 - Math.floor(random() * 5));
      const national = example.slice(0, keep) + randomDigits(random, example.length - keep);
      yield `${plan.callingCode}${national}`;
      yield `${plan.callingCode}0${national}`.slice(0, 15);
      yield `${plan.callingCode}${national.slice(0, -1)}`;
    }
  }
  for (let index = 0; index < 3000; index += 1) {
    yield `${1 + Math.floor(random() * 9)}${randomDigits(random, 7 + Math.floor(random() * 8))}`;
  }
}

function randomDigits(random: () => number, count: number): string {
  let digits = '';
  for (let index = 0; index < count; index += 1) digits += Math.floor(random() * 10);
  return digits;
}

function captureError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
