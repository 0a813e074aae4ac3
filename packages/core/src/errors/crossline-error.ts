const baseMarker = 'crossline.error';

/** What a request-carrying error remembers of the request. Never holds a secret. */
export interface RequestSummary {
  /** HTTP method, upper-case. */
  readonly method: string;
  /** The request URL with secret query parameters and known secret values redacted. */
  readonly url: string;
  /** The HTTP status the vendor answered with, when it answered. */
  readonly status?: number;
  /** The vendor's own error message from the response body, secrets redacted. */
  readonly vendorMessage?: string;
  /** The wait the vendor asked for in `Retry-After`, in milliseconds, when it sent one. */
  readonly retryAfterMs?: number;
  /**
   * What the vendor actually returned when its answer carried no message of its own or could
   * not be read: content type, size and the first ~200 characters of the body, secrets
   * redacted — e.g. `application/json, 17 bytes: {"success":false}`.
   */
  readonly answer?: string;
}

/** Every code a crossline error can carry; `code` is stable across releases. */
export type CrosslineErrorCode =
  | 'CONFIG_INVALID'
  | 'AUTH_FAILED'
  | 'PERMISSION_DENIED'
  | 'RATE_LIMITED'
  | 'NOT_FOUND'
  | 'VALIDATION_FAILED'
  | 'INVALID_PHONE'
  | 'INVALID_RESPONSE'
  | 'VENDOR_ERROR'
  | 'TRANSPORT_ERROR'
  | 'TIMEOUT'
  | 'STORAGE_FAILED';

/** Options shared by every crossline error constructor. */
export interface CrosslineErrorOptions {
  /** The connector instance the error came from, when there is one. */
  connectorId?: string | undefined;
  /** Whether repeating the same operation later may succeed. */
  retryable?: boolean | undefined;
  /** The underlying error. */
  cause?: unknown;
  /** The request that failed, for errors raised by the HTTP client. */
  request?: RequestSummary | undefined;
}

/**
 * Base class of every error crossline throws.
 *
 * Recognisable across duplicate copies of the package (two versions installed side by side):
 * `instanceof` and {@link CrosslineError.isInstance} check a `Symbol.for` marker, not the
 * prototype chain.
 *
 * @example
 * ```ts
 * try {
 *   await connector.actions.contacts.upsert(contact);
 * } catch (error) {
 *   if (AuthError.isInstance(error)) console.warn('credentials rejected', error.connectorId);
 * }
 * ```
 */
export class CrosslineError extends Error {
  /** Stable machine-readable code. */
  readonly code: CrosslineErrorCode;
  /** The connector instance the error came from, when there is one. */
  readonly connectorId: string | undefined;
  /** Whether repeating the same operation later may succeed. */
  readonly retryable: boolean;
  /** The request that failed (redacted), for errors raised by the HTTP client. */
  readonly request: RequestSummary | undefined;

  /**
   * @param code - stable machine-readable code
   * @param message - human-readable message; must never contain a secret
   * @param options - connector id, retryability, cause and request summary
   */
  constructor(code: CrosslineErrorCode, message: string, options: CrosslineErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    // A literal, not `new.target.name`: bundlers rename classes; each subclass sets its own.
    this.name = 'CrosslineError';
    this.code = code;
    this.connectorId = options.connectorId;
    this.retryable = options.retryable ?? false;
    this.request = options.request;
    markError(this, baseMarker);
  }

  /** Whether `value` is a crossline error, from this or any other copy of the package. */
  static isInstance(value: unknown): value is CrosslineError {
    return hasMarker(value, baseMarker);
  }

  /** Makes `instanceof` use the cross-copy marker check of `isInstance`. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the subclass `instanceof` asked about.
    return this.isInstance(value);
  }
}

/** Sets the marker symbol for `name` on an error instance. */
export function markError(error: Error, name: string): void {
  Object.defineProperty(error, Symbol.for(name), { value: true, enumerable: false });
}

/** Whether `value` carries the marker symbol for `name`. */
export function hasMarker(value: unknown, name: string): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as Record<symbol, unknown>)[Symbol.for(name)] === true
  );
}

/**
 * Formats a request-carrying error message: method, redacted URL, status, and the vendor's
 * text — or, when it gave none, what it returned.
 */
export function describeRequest(summary: RequestSummary): string {
  const status = summary.status === undefined ? '' : ` → ${summary.status}`;
  const vendor = summary.vendorMessage
    ? `: ${summary.vendorMessage}`
    : summary.answer
      ? `: no message; the answer was ${summary.answer}`
      : '';
  return `${summary.method} ${summary.url}${status}${vendor}`;
}
