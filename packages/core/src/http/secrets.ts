import { z } from 'zod';
import type { HttpAuth } from './types.js';

/** Control characters (C0, DEL, C1): never part of a credential. */
const controlCharacters = /\p{Cc}/u;
/** Any whitespace, Unicode spaces and line separators included. */
const whitespace = /[\s\u00a0\u2028\u2029\ufeff]/;
/** What fetch accepts in a header value without a `TypeError`: visible ASCII. */
const headerSafe = /^[\x21-\x7e]*$/;
/** An HTTP header name (RFC 9110 token). */
export const headerNameSchema = z
  .string()
  .regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'must be a valid HTTP header name');

interface SecretRules {
  /** Whether the secret travels in a header as is (so it must be visible ASCII). */
  readonly inHeader?: boolean;
  /** Whether inner spaces are allowed (a basic-auth password: it is base64-encoded). */
  readonly innerSpaces?: boolean;
}

/**
 * A credential: outer whitespace is trimmed (fetch would trim it from a header anyway, and
 * the vendor would echo the trimmed form); inner whitespace and control characters are
 * refused. Messages never echo the value.
 */
export function secretSchema(rules: SecretRules = {}) {
  return z.string().superRefine((value, context) => {
    const trimmed = value.trim();
    const problem =
      trimmed === ''
        ? 'must not be empty'
        : controlCharacters.test(trimmed)
          ? 'must not contain control characters (a line break inside the value?)'
          : whitespace.test(rules.innerSpaces ? trimmed.replaceAll(' ', '') : trimmed)
            ? 'must not contain whitespace inside the value'
            : rules.inHeader && !headerSafe.test(trimmed)
              ? 'must be printable ASCII (it is sent in a header)'
              : undefined;
    if (problem) context.addIssue({ code: 'custom', message: problem });
  });
}

/** A header value set by options: no control characters, which fetch would refuse. */
export const headerValueSchema = z
  .string()
  .refine((value) => !controlCharacters.test(value), 'must not contain control characters')
  .refine((value) => !/[\u0100-\u{10ffff}]/u.test(value), 'must be Latin-1 text');

/**
 * The auth option with every credential trimmed of outer whitespace — what is sent. Run after
 * validation.
 */
export function normalizeAuth(auth: HttpAuth | undefined): HttpAuth | undefined {
  if (auth === undefined || typeof auth === 'function') return auth;
  switch (auth.type) {
    case 'bearer':
      return { ...auth, token: auth.token.trim() };
    case 'basic':
      return { ...auth, username: auth.username.trim(), password: auth.password.trim() };
    default:
      return { ...auth, value: auth.value.trim() };
  }
}

/**
 * Every form of the credentials that may appear anywhere, to redact: as given and trimmed,
 * and for basic auth the base64 `user:password` of both. The redactor matches each in every
 * encoding a vendor may echo it in (URL-encoded, JSON-escaped, HTML-escaped).
 */
export function secretForms(auth: HttpAuth | undefined, extra: readonly string[] = []): string[] {
  const forms = new Set<string>();
  const add = (value: string) => {
    forms.add(value);
    forms.add(value.trim());
  };
  for (const value of extra) add(value);
  if (auth === undefined || typeof auth === 'function') return [...forms];
  if (auth.type === 'bearer') add(auth.token);
  else if (auth.type === 'basic') {
    // Many vendors take the API key as the user name (with a dummy password).
    add(auth.username);
    add(auth.password);
    forms.add(basicToken(auth.username, auth.password));
    forms.add(basicToken(auth.username.trim(), auth.password.trim()));
  } else add(auth.value);
  return [...forms];
}

/** The base64 token of HTTP basic auth. */
export function basicToken(username: string, password: string): string {
  return Buffer.from(`${username}:${password}`).toString('base64');
}
