/** Named HTML entities of the characters HTML escapers rewrite (HTML5 names included). */
const namedEntities: Readonly<Record<string, readonly string[]>> = {
  '&': ['amp', 'AMP'],
  '<': ['lt', 'LT'],
  '>': ['gt', 'GT'],
  '"': ['quot', 'QUOT'],
  "'": ['apos'],
  '/': ['sol'],
  '+': ['plus'],
  '=': ['equals'],
  '\\': ['bsol'],
};

/** JSON's two-character escapes (`\/` is optional in JSON; PHP and others write it). */
const jsonShortEscapes: Readonly<Record<string, string>> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  '\b': 'b',
  '\f': 'f',
  '\n': 'n',
  '\r': 'r',
  '\t': 't',
};

/** Characters no encoder rewrites: they only ever appear as themselves. */
const plain = /^[A-Za-z0-9_.-]$/;

/**
 * A global regular expression that matches a secret in every form a vendor, a proxy or a
 * framework may echo it in. Built once per secret, it has two parts:
 *
 * - the exact whole-secret forms: literal; URL-encoded (either hex case, form encoding);
 *   JSON-escaped with and without `\/`, non-ASCII as is or as `\uXXXX` in either case;
 *   HTML-escaped (`&amp;` `&lt;` `&gt;` `&quot;` `&#39;`);
 * - every character in any of its forms, mixed: literal, `%XX` (UTF-8 bytes, `+` for a
 *   space), JSON (`\"`, `\\`, `\/`, `\uXXXX`, surrogate pairs), HTML (named, decimal and hex
 *   entities) and a JSON escape whose character is HTML-escaped in turn (`\&quot;`). Each
 *   character commits to the first form that matches where it stands (an atomic group), so
 *   matching stays linear whatever the text; letters, digits and `_.-` match only as
 *   themselves, as no encoder rewrites them.
 */
export function secretPattern(secret: string): RegExp {
  const exact = [...exactForms(secret)].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return new RegExp(`${exact.join('|')}|${mixedPattern(secret)}`, 'g');
}

/** The whole-secret forms an encoder writes in one go. */
function exactForms(secret: string): Set<string> {
  const json = JSON.stringify(secret).slice(1, -1);
  const url = encodeURIComponent(secret);
  const form = new URLSearchParams({ s: secret }).toString().slice(2);
  const forms = new Set([secret, url, lowerHex(url), form, lowerHex(form)]);
  for (const escaped of [json, json.replaceAll('/', '\\/')]) {
    forms.add(escaped);
    forms.add(asciiJson(escaped, false));
    forms.add(asciiJson(escaped, true));
  }
  forms.add(
    secret
      .replaceAll('&', '&amp;')
      .replaceAll('<', '&lt;')
      .replaceAll('>', '&gt;')
      .replaceAll('"', '&quot;')
      .replaceAll("'", '&#39;'),
  );
  return forms;
}

function mixedPattern(secret: string): string {
  let source = '';
  let group = 0;
  for (const char of secret) {
    if (plain.test(char)) {
      source += escapeRegExp(char);
      continue;
    }
    group += 1;
    const forms = [...jsonForms(char), ...htmlForms(char).slice(1), ...urlForms(char)];
    // An atomic group: the lookahead picks the first form that matches, the back-reference
    // consumes it, and nothing backtracks into it.
    source += `(?=(${[...forms, escapeRegExp(char)].join('|')}))\\${group}`;
  }
  return source;
}

/** The character itself, then its HTML entities. */
function htmlForms(char: string): string[] {
  const code = char.codePointAt(0) ?? 0;
  const forms = [escapeRegExp(char), `&#0*${code};`, `&#[xX]0*${hex(code)};`];
  for (const name of namedEntities[char] ?? []) forms.push(`&${name};`);
  return forms;
}

/** The percent-encoded UTF-8 bytes, and `+` for a space (form encoding). */
function urlForms(char: string): string[] {
  const bytes = [...Buffer.from(char, 'utf8')].map((byte) => `%${hex(byte, 2)}`).join('');
  return char === ' ' ? [bytes, '\\+'] : [bytes];
}

/** `\uXXXX` for each UTF-16 unit, and the short escape (its character possibly HTML-escaped). */
function jsonForms(char: string): string[] {
  let units = '';
  for (let index = 0; index < char.length; index += 1) {
    units += `\\\\u${hex(char.charCodeAt(index), 4)}`;
  }
  const short = jsonShortEscapes[char];
  if (short === undefined) return [units];
  const escaped = plain.test(short) ? [short] : htmlForms(short);
  return [units, `\\\\(?:${escaped.join('|')})`];
}

/** JSON text with every non-ASCII UTF-16 unit written `\uXXXX`. */
function asciiJson(json: string, upper: boolean): string {
  return json.replace(/[^\x20-\x7e]/g, (unit) => {
    const code = unit.charCodeAt(0).toString(16).padStart(4, '0');
    return `\\u${upper ? code.toUpperCase() : code}`;
  });
}

function lowerHex(encoded: string): string {
  return encoded.replace(/%[0-9A-F]{2}/g, (byte) => byte.toLowerCase());
}

/** A number in hex, either case of each letter accepted, zero-padded to `width`. */
function hex(value: number, width = 1): string {
  return [...value.toString(16).padStart(width, '0')]
    .map((digit) => (/[a-f]/.test(digit) ? `[${digit}${digit.toUpperCase()}]` : digit))
    .join('');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
