import { countriesForCallingCode, type PlanRules, planRules } from './metadata.js';

const canonicalShape = /^[1-9]\d{7,14}$/;

/**
 * The fast path for input that is already canonical (`380671234567`): returns the input when
 * the full parse would return exactly it, and `undefined` whenever it is not sure, so the
 * caller falls back to the full parse. It never answers differently from the full parse; a
 * fuzz test over many generated numbers and default countries holds it to that.
 *
 * It mirrors the two readings the full parse tries, in order:
 * 1. as a national number of the default country: any chance of that reading succeeding
 *    (the digits match the national pattern, start with the national or international
 *    prefix, or the plan rewrites prefixes) makes it step aside;
 * 2. as an international number without `+`: the calling code, the country libphonenumber-js
 *    would pick among those sharing it, and that country's national number pattern. Calling
 *    codes whose metadata has per-type patterns (+1, +44, +39 …) are left to the full parse.
 */
export function canonicalFastPath(digits: string, home: PlanRules): string | undefined {
  if (!canonicalShape.test(digits)) return undefined;
  if (mayReadAsNational(digits, home)) return undefined;
  for (let length = 1; length <= 3; length += 1) {
    const countries = countriesForCallingCode(digits.slice(0, length));
    if (countries)
      return isValidInternational(digits.slice(length), countries) ? digits : undefined;
  }
  return undefined;
}

function mayReadAsNational(digits: string, home: PlanRules): boolean {
  if (home.hasTransformRule || home.pattern.test(digits)) return true;
  // A national number may be validated against any country sharing the calling code.
  const siblings = countriesForCallingCode(home.callingCode) ?? [];
  if (siblings.some((code) => planRules(code)?.pattern.test(digits))) return true;
  if (home.iddPrefix?.test(digits)) return true;
  const prefix = home.prefixForParsing?.exec(digits);
  return prefix?.some((part) => Boolean(part)) ?? false;
}

function isValidInternational(national: string, countries: readonly string[]): boolean {
  const main = countries[0] === undefined ? undefined : planRules(countries[0]);
  if (!main || main.hasTransformRule) return false;
  // Where the metadata has per-type patterns (+1, +44, +39 …), validity is decided type by
  // type; the fast path leaves those to the full parse.
  if (countries.some((code) => planRules(code)?.hasTypes !== false)) return false;
  // A national prefix after the calling code would be stripped by the full parse.
  const prefix = main.prefixForParsing?.exec(national);
  if (prefix?.some((part) => Boolean(part))) return false;
  const country = countries.length === 1 ? main : pickCountry(national, countries, main);
  return country.pattern.test(national);
}

/** libphonenumber-js's choice among countries sharing a calling code, none with types. */
function pickCountry(national: string, countries: readonly string[], main: PlanRules): PlanRules {
  for (const code of countries) {
    const rules = planRules(code);
    if (rules?.leadingDigits && rules.leadingDigits.exec(national)?.index === 0) return rules;
  }
  return main;
}
