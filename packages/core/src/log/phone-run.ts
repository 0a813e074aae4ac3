import { foldToAscii } from '../phone/fold-to-ascii.js';
import { parsePhone } from '../phone/normalize-phone.js';
import { LruCache } from '../util/lru-cache.js';
import { mayBePhone } from './phone-plausible.js';

/**
 * A piece of a candidate run that no phone number starts or ends inside: digit groups joined
 * by separators that cannot end a number (`.`, `-`, brackets: `067.123.45.67`,
 * `1732012345.123`, `2024-01-15`).
 */
interface Piece {
  /** Index of its first character in the run. */
  readonly start: number;
  /** Index after its last character. */
  readonly end: number;
  /** Its digits, folded to ASCII. */
  readonly digits: string;
}

/** A stretch of a run to mask: `[start, end)` in the run. */
export type PhoneSpan = readonly [start: number, end: number];

/** ASCII, full-width, Arabic-Indic and Extended Arabic-Indic zeros. */
const digitZeros = [0x30, 0xff10, 0x0660, 0x06f0];
const minimumDigits = 7;
/** 15 digits (E.164), plus `00` for an international number written without `+`. */
const maximumDigits = 17;
/** Validity checks per run; past them, every further stretch of 7 digits is masked, to be safe. */
const checkBudget = 64;
/** Separators that may stand between two numbers: spaces (also URL-encoded) and `/`. */
const breaking = /[\s\p{Zs}/]|%20/iu;
const octet = String.raw`(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)`;
/**
 * A date (`2024-01-15`, `15.01.2024`, `2024/01/15`) or an IPv4 address (`192.168.100.200`; no
 * leading zeros, unlike `067.123.45.67`), standing alone: never part of a phone number.
 */
const dateOrAddress = new RegExp(
  String.raw`(?<![\d./-])(?:\d{4}([-./])\d{1,2}\1\d{1,2}|\d{1,2}([-./])\d{1,2}\2\d{4}|${octet}(?:\.${octet}){3})(?![\d./-])`,
);
const verdicts = new LruCache<string, boolean>(2_000);

/**
 * The phone numbers in a phone-like run (digits and separators, as `maskPhones` finds it):
 * the whole run when it reads as a valid number, else the longest stretches that do, taken
 * from the left. A stretch starts and ends only where a space or `/` separates it from its
 * neighbours, so it never splits a digit group or a `.`/`-`-joined piece (a decimal part, an
 * id), and it never holds a date or an IPv4 address.
 *
 * @param run - the candidate text
 * @param international - whether the run starts with a plus
 * @param gluedAfter - whether a letter or digit follows the run: its last piece belongs to an
 *   identifier, never to a number
 */
export function phonesInRun(run: string, international: boolean, gluedAfter: boolean): PhoneSpan[] {
  const pieces = piecesOf(run);
  if (gluedAfter) pieces.pop();
  const found: PhoneSpan[] = [];
  let budget = checkBudget;
  for (let first = 0; first < pieces.length; first += 1) {
    for (let last = pieces.length - 1; last >= first; last -= 1) {
      const window = pieces.slice(first, last + 1);
      const digits = window.map((piece) => piece.digits).join('');
      if (digits.length < minimumDigits) break;
      if (digits.length > maximumDigits) continue;
      const span: PhoneSpan = [(window[0] as Piece).start, (window.at(-1) as Piece).end];
      if (dateOrAddress.test(foldToAscii(run.slice(...span)))) continue;
      budget -= 1;
      if (budget < 0 || isPhone(digits, international && first === 0)) {
        found.push(span);
        first = last;
        break;
      }
    }
  }
  return found;
}

/** The value of a digit `phonesInRun` reads (ASCII, full-width, Arabic-Indic), by char code. */
export function digitOf(code: number): number | undefined {
  for (const zero of digitZeros) {
    if (code >= zero && code <= zero + 9) return code - zero;
  }
  return undefined;
}

/**
 * Whether the digits read as a valid number, as `normalizePhone` reads them: Ukrainian, or
 * international with or without `+`. Most ids fail the cheap test; verdicts are remembered.
 */
function isPhone(digits: string, plus: boolean): boolean {
  const input = plus ? `+${digits}` : digits;
  let verdict = verdicts.get(input);
  if (verdict === undefined) {
    verdict =
      (mayBePhone(digits, plus) && /^\d/.test(parsePhone(input, 'UA'))) ||
      (!plus && russianTrunk(digits));
    verdicts.set(input, verdict);
  }
  return verdict;
}

/** A Russian number dialled nationally, `8` then the ten digits of `+7…` (Teyca's SMS form). */
function russianTrunk(digits: string): boolean {
  return (
    digits.length === 11 &&
    digits[0] === '8' &&
    /^\d/.test(parsePhone(`+7${digits.slice(1)}`, 'UA'))
  );
}

function piecesOf(run: string): Piece[] {
  const pieces: Piece[] = [];
  let separator = '';
  let index = 0;
  while (index < run.length) {
    // A percent-escape (`%20`, `%28`, `%29`, `%2B`) is one separator.
    const width = run[index] === '%' ? 3 : 1;
    if (width === 3 || digitOf(run.charCodeAt(index)) === undefined) {
      separator += run.slice(index, index + width);
      index += width;
      continue;
    }
    const start = index;
    let digits = '';
    for (let digit = digitOf(run.charCodeAt(index)); digit !== undefined; ) {
      digits += digit;
      index += 1;
      digit = digitOf(run.charCodeAt(index));
    }
    const previous = pieces.at(-1);
    if (previous && !breaking.test(separator)) {
      pieces[pieces.length - 1] = { ...previous, end: index, digits: previous.digits + digits };
    } else pieces.push({ start, end: index, digits });
    separator = '';
  }
  return pieces;
}
