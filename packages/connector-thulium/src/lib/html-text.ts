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

/**
 * The text of an HTML body: block ends and `<br>` as line breaks, other tags dropped, entities
 * read (numeric, the usual named ones, and accented letters such as `&oacute;`, `&eogon;`). A
 * `<` not followed by a letter or `/` is text, as in `price < 100`.
 */
export function htmlText(html: string): string {
  return html
    .replace(/<br\s*\/?>|<\/?(?:p|div|li|tr|h[1-6]|blockquote)\b[^>]*>/gi, '\n')
    .replace(/<\/?[a-z][^>]*>/gi, '')
    .replace(/&(#\d+|#x[\da-f]+|[a-z]+\d*);/gi, (entity, name: string) => decode(name) ?? entity);
}

function decode(name: string): string | undefined {
  if (name.startsWith('#')) {
    const hex = name[1] === 'x' || name[1] === 'X';
    const code = hex ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
    return Number.isInteger(code) && code > 0 && code <= 0x10ffff
      ? String.fromCodePoint(code)
      : undefined;
  }
  const known = named[name] ?? named[name.toLowerCase()];
  if (known !== undefined) return known;
  const [, letter, accent] = accented.exec(name) ?? [];
  return letter && accent ? `${letter}${accents[accent]}`.normalize('NFC') : undefined;
}
