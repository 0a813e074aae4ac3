import { countriesForCallingCode, type PlanRules, planRules } from './metadata.js';

const canonicalShape = /^[1-9]\d{7,14}$/;

/**
 * What could make the full parse read digits as a national number of the home country, or
 * rewrite them first (a legacy trunk prefix). Build with {@link compileHomeGuard}.
 */
export interface HomeGuard {
  /** The national patterns of every country sharing the home calling code. */
  readonly national: RegExp;
  readonly idd: RegExp | undefined;
  /** Matches when the national prefix for parsing would strip something. */
  readonly prefix: RegExp | undefined;
  readonly hasTransformRule: boolean;
}

/** What the full parse does with the digits after one calling code. */
interface CallingCodeRules {
  readonly length: number;
  /** False where the metadata has per-type patterns or prefix rewrites: leave to the full parse. */
  readonly usable: boolean;
  /** Matches when the main country's national prefix would be stripped after the code. */
  readonly prefix: RegExp | undefined;
  readonly countries: readonly PlanRules[];
}

const callingCodes = new Map<string, CallingCodeRules | null>();
/** The calling code rules for every 3-digit start seen so far (codes are prefix-free). */
const byFirstDigits = new Map<string, CallingCodeRules | null>();

/**
 * The fast path for input that is already canonical (`380671234567`): returns the input when
 * the full parse would return exactly it, and `undefined` whenever it is not sure, so the
 * caller falls back to the full parse. It never answers differently from the full parse; a
 * fuzz test over many generated numbers and default countries holds it to that.
 *
 * It mirrors the two readings the full parse tries, in order:
 * 1. as a national number of the default country: any chance of that reading succeeding
 *    (the digits match a national pattern of the calling code, start with the national or
 *    international prefix, or the plan rewrites prefixes) makes it step aside;
 * 2. as an international number without `+`: the calling code, the country libphonenumber-js
 *    would pick among those sharing it, and that country's national number pattern. Calling
 *    codes whose metadata has per-type patterns (+1, +44, +39 …) are left to the full parse.
 */
export function canonicalFastPath(digits: string, guard: HomeGuard): string | undefined {
  if (!canonicalShape.test(digits)) return undefined;
  if (guard.hasTransformRule || guard.national.test(digits)) return undefined;
  if (guard.idd?.test(digits) || guard.prefix?.test(digits)) return undefined;
  const rules = callingCodeOf(digits);
  if (!rules?.usable) return undefined;
  const national = digits.slice(rules.length);
  if (rules.prefix?.test(national)) return undefined;
  return pickCountry(national, rules.countries).pattern.test(national) ? digits : undefined;
}

/**
 * Compiles the guard of a default country: the national patterns of every country sharing
 * its calling code, plus `rewritten` — inputs the full parse rewrites before parsing (a legacy
 * trunk prefix) — in one anchored pattern, and its international and national prefixes.
 */
export function compileHomeGuard(home: PlanRules, rewritten?: RegExp): HomeGuard {
  const siblings = plansOf(countriesForCallingCode(home.callingCode) ?? []);
  const patterns = (siblings.length > 0 ? siblings : [home]).map((plan) =>
    innerPattern(plan.pattern),
  );
  if (rewritten) patterns.push(innerPattern(rewritten));
  return {
    national: new RegExp(`^(?:${patterns.map((pattern) => `(?:${pattern})`).join('|')})$`),
    idd: home.iddPrefix,
    prefix: nonEmpty(home.prefixForParsing),
    hasTransformRule: home.hasTransformRule,
  };
}

function callingCodeOf(digits: string): CallingCodeRules | undefined {
  const start = digits.slice(0, 3);
  let rules = byFirstDigits.get(start);
  if (rules === undefined) {
    rules = findCallingCode(start) ?? null;
    byFirstDigits.set(start, rules);
  }
  return rules ?? undefined;
}

function findCallingCode(digits: string): CallingCodeRules | undefined {
  for (let length = 1; length <= 3; length += 1) {
    const code = digits.slice(0, length);
    let rules = callingCodes.get(code);
    if (rules === undefined) {
      rules = compileCallingCode(code);
      callingCodes.set(code, rules);
    }
    if (rules) return rules;
  }
  return undefined;
}

function compileCallingCode(code: string): CallingCodeRules | null {
  const countries = plansOf(countriesForCallingCode(code) ?? []);
  const main = countries[0];
  if (!main) return null;
  const usable = countries.every((plan) => !plan.hasTypes) && !main.hasTransformRule;
  return { length: code.length, usable, prefix: nonEmpty(main.prefixForParsing), countries };
}

/** libphonenumber-js's choice among countries sharing a calling code, none with types. */
function pickCountry(national: string, countries: readonly PlanRules[]): PlanRules {
  if (countries.length > 1) {
    for (const plan of countries) {
      if (plan.leadingDigits?.test(national)) return plan;
    }
  }
  return countries[0] as PlanRules;
}

function plansOf(countries: readonly string[]): PlanRules[] {
  return countries.map(planRules).filter((plan): plan is PlanRules => plan !== undefined);
}

/** `^(?:p)` → a pattern that matches only when `p` consumes at least one digit. */
function nonEmpty(prefix: RegExp | undefined): RegExp | undefined {
  return prefix ? new RegExp(`${prefix.source}(?<=\\d)`) : undefined;
}

/** The body of a pattern anchored as `^(?:…)$` (or `^…$`). */
function innerPattern(anchored: RegExp): string {
  const source = anchored.source;
  if (source.startsWith('^(?:') && source.endsWith(')$')) return source.slice(4, -2);
  return source.replace(/^\^/, '').replace(/\$$/, '');
}
