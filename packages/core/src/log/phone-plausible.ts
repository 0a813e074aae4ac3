import { countriesForCallingCode, type PlanRules, planRules } from '../phone/metadata.js';

const home = planRules('UA') as PlanRules;
const legacyTrunk = /^80\d{9}$/;

/**
 * A cheap test that digits can read as a valid number, to skip the full parse for most ids
 * and timestamps: `false` only where `parsePhone(digits, 'UA')` certainly fails, never for a
 * valid number (a test holds it to that over every country's example numbers and random
 * digits). libphonenumber-js calls a number valid only when its national part — after the
 * calling code and any national prefix — matches its country's national number pattern, so:
 *
 * - read nationally, the digits without a leading `0` (or the legacy `8`) must match
 *   Ukraine's pattern;
 * - read internationally (with `+`, after `00`, or as the second reading of plain digits),
 *   the digits after the calling code, with or without the country's national prefix, must
 *   match the pattern of a country of that code.
 *
 * @param digits - ASCII digits
 * @param plus - whether the number was written with a leading `+`
 */
export function mayBePhone(digits: string, plus: boolean): boolean {
  if (!plus && digits.startsWith('00')) return international(digits.slice(2));
  return international(digits) || (!plus && national(digits));
}

function national(digits: string): boolean {
  const number = legacyTrunk.test(digits) ? digits.slice(1) : digits;
  return matches(number, home);
}

function international(digits: string): boolean {
  for (let length = 1; length <= 3; length += 1) {
    const countries = countriesForCallingCode(digits.slice(0, length));
    if (!countries) continue;
    const rest = digits.slice(length);
    return countries.some((country) => {
      const rules = planRules(country);
      return rules === undefined || matches(rest, rules);
    });
  }
  return true; // no known calling code: let the full parse say so
}

/**
 * Whether a national number matches the plan's pattern as is, or after its national prefix
 * is taken off the way libphonenumber-js does it: rewritten by the transform rule when the
 * prefix pattern captured digits, else cut off.
 */
function matches(number: string, rules: PlanRules): boolean {
  if (rules.pattern.test(number)) return true;
  const prefix = rules.prefixForParsing;
  const match = prefix?.exec(number);
  if (!prefix || !match) return false;
  const captured = match.length > 1 && Boolean(match[match.length - 1]);
  const stripped =
    rules.transformRule !== undefined && captured
      ? number.replace(prefix, rules.transformRule)
      : number.slice(match[0].length);
  return rules.pattern.test(stripped);
}
