/**
 * Canary secrets and the encodings vendors, proxies and frameworks echo a key in, for the
 * redaction tests. Each encoder is written independently of the redactor.
 */
/** Every special character a key may hold, a non-ASCII letter and an astral character. */
export const canary = `CANARY/x9+Qk=="q\\z&<'>-ключ😀-TAIL7`;
/** The same special characters, visible ASCII only: a key that can travel in a header. */
export const asciiCanary = `CANARY/x9+Qk=="q\\z&<'>-TAIL7`;

const hex = (code: number, width: number) => code.toString(16).padStart(width, '0');
const units = (text: string, pick: (char: string) => boolean, form: (unit: number) => string) =>
  [...text]
    .map((char) =>
      pick(char)
        ? Array.from({ length: char.length }, (_, i) => form(char.charCodeAt(i))).join('')
        : char,
    )
    .join('');
/** JSON string escaping, without the quotes. */
export const json = (text: string) => JSON.stringify(text).slice(1, -1);
const nonAscii = (char: string) => (char.codePointAt(0) ?? 0) > 0x7e;
/** HTML escaping with named entities (and `&#39;`), as PHP's `htmlspecialchars`. */
export const htmlNamed = (text: string) =>
  text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
const htmlNumeric = (text: string, base: 10 | 16) =>
  [...text]
    .map((char) =>
      /[A-Za-z0-9-]/.test(char)
        ? char
        : `&#${base === 16 ? 'x' : ''}${(char.codePointAt(0) ?? 0).toString(base).toUpperCase()};`,
    )
    .join('');

/** The encodings vendors, proxies and frameworks put an echoed key in. */
export const encodings: Array<[string, (text: string) => string]> = [
  ['literal', (text) => text],
  ['URL-encoded', encodeURIComponent],
  [
    'URL-encoded, lower-case hex',
    (text) => encodeURIComponent(text).replace(/%[0-9A-F]{2}/g, (byte) => byte.toLowerCase()),
  ],
  ['form-encoded', (text) => new URLSearchParams({ k: text }).toString().slice(2)],
  ['JSON-escaped', json],
  ['JSON-escaped with \\/ (PHP)', (text) => json(text).replaceAll('/', '\\/')],
  [
    'JSON with \\uXXXX for non-ASCII (PHP, Python)',
    (text) => units(json(text).replaceAll('/', '\\/'), nonAscii, (unit) => `\\u${hex(unit, 4)}`),
  ],
  [
    "JSON with upper-case \\uXXXX for <>&'+= and non-ASCII (Go, .NET)",
    (text) =>
      units(
        json(text),
        (char) => nonAscii(char) || /[<>&'+=]/.test(char),
        (unit) => `\\u${hex(unit, 4).toUpperCase()}`,
      ),
  ],
  ['HTML-escaped, named entities', htmlNamed],
  ['HTML-escaped, decimal entities', (text) => htmlNumeric(text, 10)],
  ['HTML-escaped, hex entities', (text) => htmlNumeric(text, 16)],
  ['JSON-escaped, then HTML-escaped', (text) => htmlNamed(json(text))],
];
