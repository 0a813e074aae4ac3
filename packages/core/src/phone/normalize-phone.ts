import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js/core';
import { ConfigError } from '../errors/config-error.js';
import { InvalidPhoneError, type InvalidPhoneReason } from '../errors/invalid-phone-error.js';
import { LruCache } from '../util/lru-cache.js';
import { canonicalFastPath, compileHomeGuard, type HomeGuard } from './fast-path.js';
import { foldToAscii } from './fold-to-ascii.js';
import { phoneMetadata, planRules } from './metadata.js';

/** Options of {@link normalizePhone}. */
export interface NormalizePhoneOptions {
  /**
   * The country a number without an international prefix belongs to (ISO 3166-1 alpha-2).
   * @defaultValue 'UA'
   */
  defaultCountry?: CountryCode | undefined;
}

const maxInputLength = 64;
const extension =
  /(?:\s*[,;]\s*|\s+|(?<=\d))(?:ext\.?|extension|x|#|доб\.?|вн\.?|wew\.?|wewn\.?)\s*\d{1,7}\s*$/iu;
const allowedCharacters = /^\+?[\d\s()\-./]+$/;

/**
 * Long-distance prefixes still typed from habit that libphonenumber-js reads wrongly, by
 * default country: in Ukraine `8 0XX XXX XX XX` (the Soviet-era trunk `8` before today's
 * `0XX`). Russia's `8 9XX…` is the current national prefix and libphonenumber-js handles it.
 */
const legacyTrunkPrefix: Partial<Record<string, RegExp>> = { UA: /^80\d{9}$/ };

/** Recent results per default country: canonical digits or why the input is not a phone. */
const caches = new Map<string, LruCache<string, string | InvalidPhoneReason>>();

/**
 * Normalises a phone number to crossline's canonical form: the full international number as
 * digits, without `+` (`'380671234567'`).
 *
 * Accepts the forms people and vendors type: `+38 (067) 123-45-67`, `067 123 45 67`,
 * `00380671234567`, `tel:+380671234567`, the legacy Ukrainian `8 067 123 45 67`, Russian
 * `8 (916) 123-45-67` (with `defaultCountry: 'RU'`); extensions (`ext. 12`, `x12`, `доб. 12`)
 * are dropped. Pasted Unicode forms read as typed: full-width and Arabic-Indic digits, the
 * full-width plus, Unicode dashes, spaces and brackets, bidi marks — every character
 * libphonenumber-js reads in a number. Validation is libphonenumber-js's `isValid()` with its "min" metadata (country
 * calling code, leading digits, length), so numbers of newly opened operator ranges still pass.
 *
 * Already-canonical input takes an exact fast path, and recent results are cached (the 10,000 to
 * 20,000 most recent per default country), so normalising the same numbers again costs little.
 *
 * @param input - the number as typed or stored
 * @param options - the default country for numbers without an international prefix
 * @returns the canonical digits, e.g. `'380671234567'`
 * @throws {@link InvalidPhoneError} when `input` is not a phone number
 * @throws {@link ConfigError} when `defaultCountry` is not a known country code
 *
 * @example
 * ```ts
 * normalizePhone('+38 (067) 123-45-67'); // '380671234567'
 * normalizePhone('8 (916) 123-45-67', { defaultCountry: 'RU' }); // '79161234567'
 * ```
 */
export function normalizePhone(input: string, options: NormalizePhoneOptions = {}): string {
  const country = options.defaultCountry ?? 'UA';
  const home = homeRules(country);
  if (typeof input !== 'string') throw new InvalidPhoneError(String(input), 'not-a-phone');
  const fast = canonicalFastPath(input, home.guard);
  if (fast !== undefined) return fast;
  let cache = caches.get(country);
  if (!cache) {
    cache = new LruCache(10_000);
    caches.set(country, cache);
  }
  let result = cache.get(input);
  if (result === undefined) {
    result = parsePhone(input, country);
    // Over-long input is rejected at once; caching it would only let junk fill the cache.
    if (input.length <= maxInputLength) cache.set(input, result);
  }
  if (isReason(result)) throw new InvalidPhoneError(input, result);
  return result;
}

/**
 * The full parse behind {@link normalizePhone}, without the fast path or the cache. Returns
 * the canonical digits or the reason the input is not a phone number.
 */
export function parsePhone(input: string, country: CountryCode): string | InvalidPhoneReason {
  let text = input.trim();
  if (text.length > maxInputLength) return 'too-long';
  text = foldToAscii(text).trim();
  if (!text) return 'empty';
  text = text.replace(/^tel:/i, '').replace(/;.*$/s, '').replace(extension, '').trim();
  if (!allowedCharacters.test(text)) return 'not-a-phone';
  let digits = text.replace(/\D/g, '');
  let international = text.startsWith('+');
  if (!international && digits.startsWith('00')) {
    international = true;
    digits = digits.slice(2);
  }
  if (!digits) return 'not-a-phone';
  if (!international && legacyTrunkPrefix[country]?.test(digits)) digits = digits.slice(1);
  const readings = international ? [`+${digits}`] : [digits, `+${digits}`];
  for (const reading of readings) {
    const parsed = parsePhoneNumberFromString(reading, country, phoneMetadata);
    if (parsed?.isValid()) return parsed.number.slice(1);
  }
  if (digits.length < 7) return 'too-short';
  if (digits.length > 15) return 'too-long';
  return 'invalid';
}

/** Empties the result cache; for benchmarks that must measure cold look-ups. */
export function clearPhoneCache(): void {
  caches.clear();
}

interface Home {
  readonly country: string;
  readonly guard: HomeGuard;
}

let lastHome: Home | undefined;

/** The fast-path guard `normalizePhone` uses for a default country (for tests). */
export function homeGuardFor(country: CountryCode): HomeGuard {
  return homeRules(country).guard;
}

/** The default country's rules; the last one asked for is kept at hand (it rarely changes). */
function homeRules(country: string): Home {
  if (lastHome?.country === country) return lastHome;
  const rules = planRules(country);
  if (!rules) {
    throw new ConfigError(`Unknown defaultCountry ${JSON.stringify(country)}`, {
      issues: [{ path: 'defaultCountry', message: 'not an ISO 3166-1 alpha-2 country code' }],
    });
  }
  lastHome = { country, guard: compileHomeGuard(rules, legacyTrunkPrefix[country]) };
  return lastHome;
}

function isReason(value: string): value is InvalidPhoneReason {
  return value.charCodeAt(0) > 57; // canonical numbers start with a digit, reasons with a letter
}
