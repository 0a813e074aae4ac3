/**
 * normalizePhone vs calling libphonenumber-js directly, on the same inputs, in one run:
 * (a) a realistic mix where numbers repeat (callers call again), formats mixed;
 * (b) already-canonical input, every number distinct (no cache help: the fast path alone).
 * Every result of normalizePhone is checked against the full parse before timing.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { seededRandom } from '../packages/core/src/__fixtures__/seeded-random.js';
import {
  clearPhoneCache,
  normalizePhone,
  parsePhone,
} from '../packages/core/src/phone/normalize-phone.js';
import { formatNumber, opsPerSecond, report } from './measure.js';

const random = seededRandom(42);
const digits = (count: number) =>
  Array.from({ length: count }, () => Math.floor(random() * 10)).join('');
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

/** How people and vendors type a Ukrainian mobile number. */
function typed(operator: string, rest: string): string {
  const [a, b, c] = [rest.slice(0, 3), rest.slice(3, 5), rest.slice(5, 7)];
  return pick([
    `+38 (0${operator}) ${a}-${b}-${c}`,
    `0${operator} ${a} ${b} ${c}`,
    `0${operator}${rest}`,
    `380${operator}${rest}`,
    `+380${operator}${rest}`,
    `8 0${operator} ${a} ${b} ${c}`,
    `tel:+380${operator}${rest}`,
    `+380 ${operator} ${a} ${b}${c}`,
  ]);
}

function realisticMix(distinct: number, length: number): string[] {
  const operators = ['67', '68', '50', '63', '66', '73', '93', '95', '96', '97', '98', '99', '44'];
  const callers: string[] = [];
  for (let index = 0; index < distinct; index += 1) {
    const roll = random();
    if (roll < 0.85) callers.push(typed(pick(operators), digits(7)));
    else if (roll < 0.93)
      callers.push(`+48 ${pick(['501', '601', '791'])} ${digits(3)} ${digits(3)}`);
    else callers.push(`+7 (9${digits(2)}) ${digits(3)}-${digits(2)}-${digits(2)}`);
  }
  // Zipf-like: a few callers call often, most call once or twice.
  return Array.from({ length }, () => callers[Math.floor(distinct * random() ** 3)] as string);
}

function canonicalDistinct(count: number): string[] {
  const seen = new Set<string>();
  const operators = ['67', '68', '50', '63', '66', '73', '93', '95', '96', '97', '98', '99'];
  while (seen.size < count) {
    const roll = random();
    if (roll < 0.8) seen.add(`380${pick(operators)}${digits(7)}`);
    else if (roll < 0.9) seen.add(`48${pick(['501', '601', '791'])}${digits(6)}`);
    else seen.add(`79${digits(9)}`);
  }
  return [...seen];
}

function direct(input: string): string | undefined {
  const parsed = parsePhoneNumberFromString(input, 'UA');
  return parsed?.isValid() ? parsed.number.slice(1) : undefined;
}

function checkIdentical(inputs: readonly string[]): void {
  for (const input of new Set(inputs)) {
    const full = parsePhone(input, 'UA');
    let ours: string;
    try {
      ours = normalizePhone(input);
    } catch (error) {
      ours = (error as { reason: string }).reason;
    }
    if (ours !== full) throw new Error(`normalizePhone(${input}) = ${ours}, full parse = ${full}`);
  }
}

export function runPhoneBenchmark(): void {
  const mix = realisticMix(20_000, 200_000);
  const canonical = canonicalDistinct(200_000);
  checkIdentical(mix);
  checkIdentical(canonical);
  console.log(
    '\nPhone normalisation (ops/s, median of 5 rounds; baseline: libphonenumber-js parse + isValid)',
  );

  const baselineMix = opsPerSecond(mix.length, 5, () => mix.forEach(direct));
  const oursMix = opsPerSecond(mix.length, 5, () => {
    clearPhoneCache(); // every round starts cold: first sightings pay the full parse
    for (const input of mix) normalizePhone(input);
  });
  report(
    '(a) realistic mix, 200k calls / 20k numbers',
    `${formatNumber(oursMix)} vs ${formatNumber(baselineMix)}`,
    oursMix / baselineMix,
    '>= 3x',
    oursMix / baselineMix >= 3,
  );

  const baselineCanonical = opsPerSecond(canonical.length, 5, () => canonical.forEach(direct));
  const oursCanonical = opsPerSecond(canonical.length, 5, () => {
    for (const input of canonical) normalizePhone(input);
  });
  report(
    '(b) canonical input, 200k distinct numbers',
    `${formatNumber(oursCanonical)} vs ${formatNumber(baselineCanonical)}`,
    oursCanonical / baselineCanonical,
    '>= 20x',
    oursCanonical / baselineCanonical >= 20,
  );
}
