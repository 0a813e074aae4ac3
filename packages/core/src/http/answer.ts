import type { SecretRedactor } from '../util/redact.js';
import { withinSignal } from './deadline.js';

/** A response body as read: parsed, raw, and whether it could be read as what it claims. */
export interface Answer {
  /** The parsed JSON body, or the text when it is not JSON, or `undefined` when empty. */
  readonly body: unknown;
  /** The raw text. */
  readonly text: string;
  /** The `content-type` header, or an empty string. */
  readonly contentType: string;
  /** True when the content type says JSON but the body does not parse (a truncated answer). */
  readonly unreadable: boolean;
}

const snippetLength = 200;

/**
 * Reads a response body within the attempt's deadline: JSON when it parses as JSON, else text;
 * `undefined` when empty. A body the content type declares JSON that does not parse is marked
 * `unreadable` (its text is kept as the body, for the connector's `interpretResponse`).
 */
export async function readAnswer(response: Response, signal: AbortSignal): Promise<Answer> {
  const text = await withinSignal(response.text(), signal);
  const contentType = response.headers.get('content-type') ?? '';
  if (!text) return { body: undefined, text, contentType, unreadable: false };
  const declaredJson = /json/i.test(contentType);
  if (declaredJson || /^\s*[[{]/.test(text)) {
    try {
      return { body: JSON.parse(text), text, contentType, unreadable: false };
    } catch {
      return { body: text, text, contentType, unreadable: declaredJson };
    }
  }
  return { body: text, text, contentType, unreadable: false };
}

/**
 * What the vendor actually returned, for an error message: content type, size and the first
 * ~200 characters of the body, secrets redacted and control characters flattened, e.g.
 * `application/json, 17 bytes: {"success":false}`.
 */
export function describeAnswer(answer: Answer, redactor: SecretRedactor): string {
  const type = answer.contentType || 'no content type';
  const size = `${Buffer.byteLength(answer.text)} bytes`;
  if (!answer.text) return `an empty body (${type})`;
  // Redact a generous prefix before cutting, so no secret is cut in half at the boundary.
  const redacted = redactor.text(answer.text.slice(0, 4096)).replace(/\p{Cc}+/gu, ' ');
  const cut = redacted.length > snippetLength ? `${redacted.slice(0, snippetLength)}…` : redacted;
  return `${type}, ${size}: ${cut}`;
}
