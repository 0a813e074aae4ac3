import { secretPattern } from './secret-pattern.js';

/** The text that stands in for a secret wherever one would have appeared. */
export const REDACTED = '[REDACTED]';

const minimumSecretLength = 6;

const secretKeyExact =
  /^(authorization|proxy-authorization|cookie|set-cookie|key|pass|passwd|sig|signature|x-api-key|x-auth-token)$/i;
const secretKeyPart = /(token|secret|password|api[-_]?key|apikey|credential|private[-_]?key)/i;

/**
 * Whether a field, header or query parameter of this name holds a secret by its name alone
 * (`apiKey`, `X-API-KEY`, `access_token`, `password`, `Authorization` …).
 */
export function isSecretKey(name: string): boolean {
  return secretKeyExact.test(name) || secretKeyPart.test(name);
}

/**
 * Scrubs known secret values from text and structures. Built once per client from the
 * credentials it holds, so a vendor that echoes the key back in an error message — as is,
 * URL-encoded, JSON-escaped (`\/`, `\"`, `\uXXXX`) or HTML-escaped (`&amp;`, `&#x2F;`) — or
 * a token that sits in a URL path, is still redacted.
 */
export class SecretRedactor {
  /** One pattern per secret (every encoding of it), longest secret first. */
  readonly #patterns: readonly RegExp[];

  /**
   * @param secrets - the secret values to scrub. Values shorter than six characters are not
   *   scrubbed from free text — they cannot be told apart from ordinary words — but crossline
   *   never writes headers or bodies to logs or errors, where such values would travel.
   */
  constructor(secrets: readonly string[] = []) {
    // Longest first, so a secret that contains another is replaced whole.
    this.#patterns = [...new Set(secrets)]
      .filter((secret) => secret.length >= minimumSecretLength)
      .sort((a, b) => b.length - a.length)
      .map(secretPattern);
  }

  /** Replaces every occurrence of a known secret value, in any encoding, in `text`. */
  text(text: string): string {
    let result = text;
    for (const pattern of this.#patterns) result = result.replace(pattern, REDACTED);
    return result;
  }

  /**
   * Redacts a URL: query parameters with a secret-sounding name, user info, and every known
   * secret value anywhere in it (path segments included).
   */
  url(input: string | URL): string {
    let url: URL;
    try {
      url = new URL(String(input));
    } catch {
      return this.text(String(input));
    }
    if (url.username) url.username = REDACTED;
    if (url.password) url.password = REDACTED;
    for (const name of new Set(url.searchParams.keys())) {
      if (isSecretKey(name)) url.searchParams.set(name, REDACTED);
    }
    return this.text(url.toString().replaceAll(encodeURIComponent(REDACTED), REDACTED));
  }
}
