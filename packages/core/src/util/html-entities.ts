/** Named entities beyond the letters with accents (those are composed: `&oacute;` → `ó`). */
const named: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  lsquo: '‘',
  rsquo: '’',
  sbquo: '‚',
  ldquo: '“',
  rdquo: '”',
  bdquo: '„',
  laquo: '«',
  raquo: '»',
  hellip: '…',
  bull: '•',
  middot: '·',
  euro: '€',
  copy: '©',
  reg: '®',
  trade: '™',
  deg: '°',
  times: '×',
  divide: '÷',
  shy: '',
  szlig: 'ß',
  lstrok: 'ł',
  Lstrok: 'Ł',
  oslash: 'ø',
  Oslash: 'Ø',
  aelig: 'æ',
  AElig: 'Æ',
  eth: 'ð',
  ETH: 'Ð',
  thorn: 'þ',
  THORN: 'Þ',
};

/** The combining mark each accent name stands for (`acute` → U+0301). */
const accents: Readonly<Record<string, string>> = {
  grave: '\u0300',
  acute: '\u0301',
  circ: '\u0302',
  tilde: '\u0303',
  macr: '\u0304',
  breve: '\u0306',
  dot: '\u0307',
  uml: '\u0308',
  ring: '\u030a',
  dblac: '\u030b',
  caron: '\u030c',
  cedil: '\u0327',
  ogon: '\u0328',
};

const accented = new RegExp(`^([A-Za-z])(${Object.keys(accents).join('|')})$`);

/** What HTML reads `&#128;`–`&#159;` as: Windows-1252's characters (the HTML standard's table). */
const windows1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/**
 * HTML character references read as HTML reads them: numeric ones (0, surrogates and
 * out-of-range as U+FFFD, 128–159 as Windows-1252), the usual named ones, and accented letters
 * by name (`&oacute;` → `ó`, `&eogon;` → `ę`). An unknown name stays as written.
 */
export function decodeHtmlEntities(text: string): string {
  return text.replace(
    /&(#\d+|#x[\da-f]+|[a-z]+\d*);/gi,
    (entity, name: string) => decode(name) ?? entity,
  );
}

function decode(name: string): string | undefined {
  if (name.startsWith('#')) return fromCode(name);
  const known = named[name] ?? named[name.toLowerCase()];
  if (known !== undefined) return known;
  const [, letter, accent] = accented.exec(name) ?? [];
  return letter && accent ? `${letter}${accents[accent]}`.normalize('NFC') : undefined;
}

/** A numeric reference, as HTML reads it: 0 and out-of-range as U+FFFD, 128–159 as Windows-1252. */
function fromCode(name: string): string | undefined {
  const hex = name[1] === 'x' || name[1] === 'X';
  const code = hex ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
  if (!Number.isSafeInteger(code)) return undefined;
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
  if (code >= 0x80 && code <= 0x9f) return windows1252[code - 0x80];
  return String.fromCodePoint(code);
}
