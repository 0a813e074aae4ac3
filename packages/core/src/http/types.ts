import type { z } from 'zod';
import type { CrosslineError, RequestSummary } from '../errors/crossline-error.js';
import type { Logger } from '../log.js';
import type { RateLimiter } from '../rate-limit/rate-limiter.js';
import type { Params } from './encode.js';

/** HTTP methods the client sends. */
export type HttpMethod = 'GET' | 'HEAD' | 'OPTIONS' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What an auth hook may change before a request is sent. */
export interface AuthHookState {
  /** The outgoing request's headers. */
  readonly headers: Headers;
  /** The outgoing request's URL. */
  readonly url: URL;
}

/** Sends the credential in a header, e.g. retailCRM's `X-API-KEY`. */
export interface HeaderAuth {
  /** Discriminator. */
  readonly type: 'header';
  /** The header name. */
  readonly name: string;
  /** The credential. */
  readonly value: string;
}

/** Sends `Authorization: Bearer <token>`. */
export interface BearerAuth {
  /** Discriminator. */
  readonly type: 'bearer';
  /** The token. */
  readonly token: string;
}

/** Sends the credential as a query parameter (redacted from every URL crossline reports). */
export interface QueryAuth {
  /** Discriminator. */
  readonly type: 'query';
  /** The query parameter name. */
  readonly name: string;
  /** The credential. */
  readonly value: string;
}

/** Sends HTTP basic auth. */
export interface BasicAuth {
  /** Discriminator. */
  readonly type: 'basic';
  /** The user name. */
  readonly username: string;
  /** The password. */
  readonly password: string;
}

/** Adds credentials to an outgoing request by hand (signatures, refreshed tokens). */
export type AuthHook = (state: AuthHookState) => void | Promise<void>;

/**
 * How the client authenticates: a header, a bearer token, a query parameter, basic auth, or
 * a hook for anything else. The credential of the first four forms is redacted from every log
 * line and error automatically; a hook must list its secrets in `secrets`.
 */
export type HttpAuth = HeaderAuth | BearerAuth | QueryAuth | BasicAuth | AuthHook;

/** A connector's reading of a response, for vendors with signals of their own. */
export interface ResponseVerdict {
  /** The vendor throttled this request (e.g. retailCRM's 503 "Rate limit exceeded"). */
  readonly throttled?: boolean;
  /** The vendor's message, when the default extraction would miss it. */
  readonly message?: string;
  /** A 2xx answer that is in fact a failure (`{ success: false }`), as this class. */
  readonly failure?: 'auth' | 'permission' | 'not-found' | 'vendor' | undefined;
}

/** What {@link HttpClientOptions.interpretResponse} sees of a response. */
export interface ResponseState {
  /** The HTTP status. */
  readonly status: number;
  /** The response headers. */
  readonly headers: Headers;
  /** The parsed JSON body, or the text when it is not JSON, or `undefined` when empty. */
  readonly body: unknown;
  /** The request path, e.g. `/customers/create`. */
  readonly route: string;
}

/** Retry behaviour: full-jitter exponential backoff that honours `Retry-After`. */
export interface RetryOptions {
  /** Retries after the first attempt. @defaultValue 4 */
  retries?: number | undefined;
  /** The backoff's base delay in milliseconds (doubles per attempt). @defaultValue 500 */
  baseDelayMs?: number | undefined;
  /** The longest backoff delay in milliseconds. @defaultValue 30000 */
  maxDelayMs?: number | undefined;
  /**
   * The bucket's pause after a throttled answer without `Retry-After`, doubling per attempt
   * up to `maxThrottlePauseMs` (e.g. `60_000` for 60 s, 120 s, 240 s…).
   * @defaultValue 1000
   */
  throttleDelayMs?: number | undefined;
  /**
   * The longest `Retry-After` waited for in place; a longer one fails the request at once with
   * its retryable error (a {@link index!RateLimitError} for a throttled answer, whose `retryAfterMs`
   * is the vendor's full ask) for the caller (the outbox) to retry later. A `Retry-After` of
   * zero, negative or in the past counts as none: the normal backoff applies.
   * @defaultValue 120000
   */
  maxRetryAfterMs?: number | undefined;
  /**
   * The longest a throttled answer pauses the account's whole rate-limit bucket, whatever the
   * vendor asks (a `Retry-After: 99999999` would otherwise freeze the account for weeks). When
   * the vendor asks for more, the bucket pauses this long, the request is not retried inside
   * the client, and it fails with a retryable {@link index!RateLimitError} whose `retryAfterMs`
   * carries the vendor's full ask — for the Hub to hand the envelope back to the outbox's
   * backoff.
   * @defaultValue 300000 (5 minutes)
   */
  maxThrottlePauseMs?: number | undefined;
}

/** What an `onRetry` hook is told before the client waits and tries again. */
export interface RetryState {
  /** The attempt that failed, from 1. */
  readonly attempt: number;
  /** How long the client waits before the next attempt. */
  readonly delayMs: number;
  /** Why the attempt failed. */
  readonly error: CrosslineError;
}

/** What an `onThrottled` hook is told when the vendor throttles the account. */
export interface ThrottleState {
  /** The route that was throttled; its whole bucket is paused. */
  readonly route: string;
  /** How long the bucket is paused. */
  readonly pauseMs: number;
  /** The throttled request (redacted). */
  readonly request: RequestSummary;
}

/** Options of {@link createHttpClient}. */
export interface HttpClientOptions {
  /** The vendor API's base URL; a trailing slash is dropped. */
  baseUrl: string;
  /** The connector instance, named in errors and logs. */
  connectorId?: string | undefined;
  /**
   * How requests authenticate. Credentials are checked at construction: outer whitespace (a
   * pasted line break, say) is trimmed — the trimmed value is what is sent — and a value with
   * whitespace or control characters inside is refused with a {@link index!ConfigError} that never
   * echoes it. Every form sent (as given, trimmed, base64, URL-encoded) is redacted.
   */
  auth?: HttpAuth | undefined;
  /** More secret values to redact from logs and errors (e.g. a token inside `baseUrl`). */
  secrets?: readonly string[] | undefined;
  /** Headers sent with every request. */
  headers?: Readonly<Record<string, string>> | undefined;
  /**
   * Per-attempt timeout in milliseconds, for the whole exchange: connecting, the headers and
   * reading the body (a stalled or dripping body fails with a `TIMEOUT` too).
   * @defaultValue 30000
   */
  timeoutMs?: number | undefined;
  /** Retry behaviour. */
  retry?: RetryOptions | undefined;
  /** The limiter every attempt goes through; share one per credentials. No limit when omitted. */
  rateLimiter?: RateLimiter | undefined;
  /**
   * A pino-compatible logger for debug lines (secrets redacted; phone numbers masked above
   * debug level). Silent when omitted.
   */
  logger?: Logger | undefined;
  /**
   * Log phone numbers in full at every level; by default they are masked above debug level
   * (`38067*****67`). A logger already set up by crossline keeps its own setting.
   * @defaultValue false
   */
  logPersonalData?: boolean | undefined;
  /** The `fetch` to use, e.g. a mock in tests. @defaultValue globalThis.fetch */
  fetch?: typeof globalThis.fetch | undefined;
  /** Reads vendor-specific signals in a response (throttling in a 503, failure in a 200). */
  interpretResponse?: ((state: ResponseState) => ResponseVerdict | undefined) | undefined;
  /** Called before each retry wait. */
  onRetry?: ((state: RetryState) => void) | undefined;
  /** Called when the vendor throttles the account and its bucket is paused. */
  onThrottled?: ((state: ThrottleState) => void) | undefined;
  /** Random source in [0, 1) for the backoff jitter. @defaultValue Math.random */
  random?: (() => number) | undefined;
}

/** One request through {@link HttpClient.request}. */
export interface HttpRequest<T = unknown> {
  /** The HTTP method. @defaultValue 'GET' */
  method?: HttpMethod | undefined;
  /** The path below the base URL, e.g. `/customers/create`. Also picks the rate-limit bucket. */
  path: string;
  /** Query parameters; nested objects and arrays use brackets (`filter[ids][]=1`). */
  query?: Params | undefined;
  /** A JSON body. */
  json?: unknown;
  /** A form-urlencoded body; nested values use brackets. */
  form?: Params | undefined;
  /**
   * Raw bytes sent as they are (a file upload), with the request's `content-type` header or
   * `application/octet-stream`. Never logged.
   */
  bytes?: Uint8Array | undefined;
  /**
   * A `multipart/form-data` body (files and JSON parts): `fetch` sets the content type with its
   * boundary. Sent again as it is on a retry.
   */
  multipart?: FormData | undefined;
  /** Extra headers for this request. */
  headers?: Readonly<Record<string, string>> | undefined;
  /** Cancels the request, its retries and its wait for a rate-limit slot. */
  signal?: AbortSignal | undefined;
  /**
   * Whether the request is safe to repeat. `true` marks a POST or PATCH safe (the vendor
   * dedupes by an external id), so it is retried like GET; `false` turns retries off even for
   * a GET. @defaultValue true for GET, HEAD, OPTIONS, PUT and DELETE; false otherwise
   */
  idempotent?: boolean | undefined;
  /** Rate-limit priority: higher starts first. @defaultValue 0 */
  priority?: number | undefined;
  /** A zod schema the successful response body must match; failures are `INVALID_RESPONSE`. */
  schema?: z.ZodType<T> | undefined;
  /** Per-attempt timeout for this request (headers and body), in milliseconds. */
  timeoutMs?: number | undefined;
}

/** A successful response. */
export interface HttpResponse<T> {
  /** The HTTP status (2xx). */
  readonly status: number;
  /** The response headers. */
  readonly headers: Headers;
  /** The body: validated by the request's schema when it had one. */
  readonly data: T;
}

/** A client bound to one vendor account. Create with {@link createHttpClient}. */
export interface HttpClient {
  /**
   * Sends a request through the rate limiter, retrying what is safe to retry, and resolves
   * with the response or rejects with a classified {@link CrosslineError}.
   */
  request<T = unknown>(request: HttpRequest<T>): Promise<HttpResponse<T>>;
}
