/** Zero of each run of ten decimal digits libphonenumber-js reads: full-width, Arabic-Indic, Extended. */
const digitZeros = [0xff10, 0x0660, 0x06f0];

/** Characters folded to one ASCII character, or dropped (invisible marks). */
const folded = new Map<string, string>([
  ['\uff0b', '+'], // full-width plus
  ...[...'\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u30fc\ufe58\ufe63\uff0d'].map(
    (dash): [string, string] => [dash, '-'],
  ),
  ...[...'~\u2053\u223c\uff5e'].map((tilde): [string, string] => [tilde, '-']),
  ...[...'[\uff08\uff3b'].map((open): [string, string] => [open, '(']),
  ...[...']\uff09\uff3d'].map((close): [string, string] => [close, ')']),
  ['\uff0f', '/'],
  ['\uff0e', '.'],
  // Invisible: soft hyphen, zero-width space and joiners, word joiner, bidi marks, embeddings,
  // overrides and isolates, Arabic letter mark, byte order mark.
  ...[
    ...'\u00ad\u200b\u200c\u200d\u2060\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c\ufeff',
  ].map((mark): [string, string] => [mark, '']),
]);

const foldable =
  /[\uff10-\uff19\u0660-\u0669\u06f0-\u06f9\uff0b\u2010-\u2015\u2212\u30fc\ufe58\ufe63\uff0d~\u2053\u223c\uff5e[\]\uff08\uff09\uff3b\uff3d\uff0f\uff0e\u00ad\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\u061c\ufeff]|[^\S ]/gu;
const asciiPrintable = /^[\x20-\x7e]*$/;

/**
 * Folds the Unicode forms people paste into a phone number to ASCII, so they read as typed:
 * full-width, Arabic-Indic and Extended Arabic-Indic digits to `0`–`9`, the full-width plus to
 * `+`, Unicode dashes and tildes to `-`, square and full-width brackets to `(` `)`, full-width
 * slash and dot, every Unicode space (no-break, thin, ideographic …) to a plain space; bidi
 * marks and other invisible formatting characters are dropped. It covers every digit and
 * punctuation character libphonenumber-js accepts, so `normalizePhone` never refuses a number
 * the library would read. ASCII input is returned as is.
 */
export function foldToAscii(text: string): string {
  if (asciiPrintable.test(text)) return text;
  return text.replace(foldable, (char) => {
    const code = char.charCodeAt(0);
    for (const zero of digitZeros) {
      if (code >= zero && code <= zero + 9) return String(code - zero);
    }
    return folded.get(char) ?? ' ';
  });
}
