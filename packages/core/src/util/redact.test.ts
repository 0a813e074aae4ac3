// Review: an API key the vendor echoed JSON- or HTML-escaped (`CANARY\/x9+Qk==`, `&amp;`,
// `\u043a`) was not redacted: the redactor knew only the literal and URL-encoded forms. It now
// matches every secret in every encoding a vendor or a proxy puts it in, mixed char by char.
import { describe, expect, it } from 'vitest';
import { canary, encodings, htmlNamed, json } from '../__fixtures__/secret-encodings.js';
import { REDACTED, SecretRedactor } from './redact.js';

describe('SecretRedactor: every encoding of a secret', () => {
  const redactor = new SecretRedactor([canary]);

  it.each(encodings)('%s', (_name, encode) => {
    const text = `before ${encode(canary)} after`;
    expect(text).toContain('CANARY'); // the encoding keeps the key recognisable
    expect(redactor.text(text)).toBe(`before ${REDACTED} after`);
  });

  it('the base64 Basic form, JSON-escaped with \\/', () => {
    const token = btoa('user:CANARY??>>~~'); // dXNlcjpDQU5BUlk/Pz4+fn4=: `/`, `+` and `=`
    expect(token).toMatch(/\/.*\+.*=/);
    const scrubber = new SecretRedactor([token]);
    expect(scrubber.text(`Basic ${token.replaceAll('/', '\\/')}`)).toBe(`Basic ${REDACTED}`);
  });

  it('several encodings of several secrets in one text, the longer secret whole', () => {
    const inner = 'CANARY/x9';
    const both = new SecretRedactor([inner, canary]);
    const text = `${json(canary).replaceAll('/', '\\/')} | ${htmlNamed(inner)} | ${encodeURIComponent(inner)}`;
    expect(both.text(text)).toBe(`${REDACTED} | ${REDACTED} | ${REDACTED}`);
  });

  it('leaves text without the secret untouched, escapes and entities included', () => {
    const text = 'a \\/ b &amp; c %2F d \\u043a e CANARY/x9+Qk= (one "=" short)';
    expect(redactor.text(text)).toBe(text);
  });

  it('a key holding its own escapes (`\\\\`, `&amp;`, `%25`) is redacted literal and escaped', () => {
    const odd = 'KEY\\\\x&amp;y%25z"w';
    const scrubber = new SecretRedactor([odd]);
    for (const form of [odd, json(odd), json(odd).replaceAll('/', '\\/'), htmlNamed(odd)]) {
      expect(scrubber.text(`<${form}>`)).toBe(`<${REDACTED}>`);
    }
  });

  it('mixed encodings in one echo: some characters escaped one way, some another', () => {
    const mixed =
      'CANARY\\/x9%2BQk&#61;=&quot;q\\\\z\\u0026&lt;&#x27;>-\\u043a\\u043b%D1%8E\\u0447😀-TAIL7';
    expect(redactor.text(mixed)).toBe(REDACTED);
  });

  it('stays linear on text built to make a backtracking pattern explode', () => {
    // 40 characters that each match as themselves or escaped: 2^40 ways to fail without the
    // atomic groups; the test's own timeout is the bound.
    const scrubber = new SecretRedactor([`${'\\'.repeat(40)}Z`]);
    const text = '\\'.repeat(4000);
    expect(scrubber.text(text)).toBe(text);
  });
});
