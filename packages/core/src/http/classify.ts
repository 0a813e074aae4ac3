import { isNetworkError, isTimeoutError } from 'ky';
import { AuthError } from '../errors/auth-error.js';
import { CrosslineError, describeRequest, type RequestSummary } from '../errors/crossline-error.js';
import { NotFoundError } from '../errors/not-found-error.js';
import { PermissionError } from '../errors/permission-error.js';
import { RateLimitError } from '../errors/rate-limit-error.js';
import { TransportError } from '../errors/transport-error.js';
import { VendorError } from '../errors/vendor-error.js';
import { parseRetryAfter } from '../rate-limit/headers.js';
import type { SecretRedactor } from '../util/redact.js';
import { type Answer, describeAnswer } from './answer.js';
import type { ResponseVerdict } from './types.js';
import { truncate, vendorMessage } from './vendor-message.js';

/** What classification needs to know about the request being classified. */
export interface ClassifyContext {
  readonly method: string;
  /** The request URL, already redacted. */
  readonly url: string;
  readonly connectorId: string | undefined;
  readonly redactor: SecretRedactor;
}

/** A failed answer from the vendor. */
export interface FailedResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly body: unknown;
  readonly verdict: ResponseVerdict | undefined;
  /** The body as read, to show what the vendor returned when it gave no message. */
  readonly answer?: Answer | undefined;
}

const retryableStatuses = new Set([408, 425]);
/** Network failures that happen before a request leaves: it never reached the vendor. */
const notSentCodes = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);
/** undici's own timeouts: the answer did not come (or did not finish) in time. */
const timeoutCodes = new Set([
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CONNECT_TIMEOUT',
]);
/** undici codes for a request that is wrong in itself: sending it again fails the same way. */
const permanentCodes = new Set([
  'UND_ERR_INVALID_ARG',
  'UND_ERR_INVALID_RETURN_VALUE',
  'UND_ERR_NOT_SUPPORTED',
  'UND_ERR_RES_EXCEEDED_MAX_SIZE',
]);
/** What fetch says when the connection dies while the body streams in (no code of its own). */
const terminatedMessages = /^(terminated|fetch failed|network error)$/i;

/**
 * Maps a failed response onto crossline's error classes: 401 → auth, 403 → permission,
 * 404 → not found, 429 or the vendor's throttling signal → rate limit, everything else →
 * vendor (retryable for 408, 425 and 5xx, and for a 2xx the vendor marked failed without
 * saying why — a glitch, not a refusal). The vendor's message is kept, secrets redacted; when
 * it gave none, the error says what it returned. A `Retry-After` of zero or in the past counts
 * as none, so the normal backoff applies.
 */
export function errorFromResponse(
  context: ClassifyContext,
  response: FailedResponse,
): CrosslineError {
  const { status, headers, body, verdict, answer } = response;
  const message = verdict?.message ?? vendorMessage(body);
  const asked = parseRetryAfter(headers.get('retry-after'), Date.now(), headers.get('date'));
  const retryAfterMs = asked !== undefined && asked > 0 ? asked : undefined;
  const request: RequestSummary = {
    method: context.method,
    url: context.url,
    status,
    ...(message ? { vendorMessage: truncate(context.redactor.text(message)) } : {}),
    ...(!message && answer ? { answer: describeAnswer(answer, context.redactor) } : {}),
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  };
  const text = describeRequest(request);
  const options = { connectorId: context.connectorId, request };
  if (verdict?.throttled || status === 429) {
    return new RateLimitError(text, { ...options, retryAfterMs });
  }
  const kind = verdict?.failure ?? kindOf(status);
  if (kind === 'auth') return new AuthError(text, options);
  if (kind === 'permission') return new PermissionError(text, options);
  if (kind === 'not-found') return new NotFoundError(text, options);
  const glitch = status >= 200 && status < 300 && !message;
  return new VendorError(text, {
    ...options,
    retryable: retryableStatuses.has(status) || status >= 500 || glitch,
  });
}

/**
 * Maps a thrown failure onto {@link TransportError}: a timeout (`timeoutMs` spent, or one of
 * undici's own), a network failure before, during or after sending — a reset mid-body, a
 * closed socket, fetch's `terminated` — as retryable (with `mayHaveReachedVendor` false only
 * where the request certainly never left), anything else as a permanent failure. The
 * caller's own abort is not a failure of the request and is returned unchanged.
 *
 * @param timedOut - whether the client's own per-attempt deadline fired
 */
export function errorFromFailure(
  context: ClassifyContext,
  failure: unknown,
  signal: AbortSignal | undefined,
  timedOut = false,
): unknown {
  if (signal?.aborted) return signal.reason;
  const request: RequestSummary = { method: context.method, url: context.url };
  const code = errorCode(failure);
  // ky's errors carry the Request (headers included) and the unredacted URL: the cause the
  // host sees is a clean copy with the message redacted and the error code kept.
  const cause = cleanCause(failure, code, context.redactor);
  const options = { connectorId: context.connectorId, request, cause };
  const described = describeRequest(request);
  if (timedOut || isTimeoutError(failure) || (code !== undefined && timeoutCodes.has(code))) {
    return new TransportError(`${described}: timed out`, {
      ...options,
      timeout: true,
      mayHaveReachedVendor: code === undefined || !notSentCodes.has(code),
    });
  }
  if (isTransportFailure(failure, code)) {
    return new TransportError(`${described}: network error (${code ?? cause.message})`, {
      ...options,
      mayHaveReachedVendor: code === undefined || !notSentCodes.has(code),
    });
  }
  // Anything else (a header fetch refuses, a bug in a hook) will fail the same way again.
  return new TransportError(`${described}: request failed (${cause.message})`, {
    ...options,
    retryable: false,
    mayHaveReachedVendor: false,
  });
}

/**
 * Makes anything that is about to leave the client a crossline error: a crossline error keeps
 * its class (its message and stack redacted, should a hook have put a secret in them);
 * anything else — a bug in a hook, a value fetch refuses — becomes a {@link TransportError}
 * whose message and cause are redacted copies.
 */
export function toCrosslineError(context: ClassifyContext, error: unknown): CrosslineError {
  if (CrosslineError.isInstance(error)) {
    const message = context.redactor.text(error.message);
    if (message !== error.message) {
      error.message = message;
      error.stack = context.redactor.text(error.stack ?? '');
    }
    return error;
  }
  return errorFromFailure(context, error, undefined) as CrosslineError;
}

function isTransportFailure(failure: unknown, code: string | undefined): boolean {
  if (code !== undefined) return !permanentCodes.has(code);
  if (isNetworkError(failure)) return true;
  return failure instanceof TypeError && terminatedMessages.test(failure.message);
}

function cleanCause(failure: unknown, code: string | undefined, redactor: SecretRedactor): Error {
  const inner =
    failure instanceof Error && failure.cause instanceof Error ? failure.cause : failure;
  const message = messageOf(inner).replace(/https?:\/\/\S+/g, (url) => redactor.url(url));
  const cause = new Error(redactor.text(message));
  cause.name = inner instanceof Error ? inner.name : 'Error';
  return code === undefined ? cause : Object.assign(cause, { code });
}

function kindOf(status: number): ResponseVerdict['failure'] {
  if (status === 401) return 'auth';
  if (status === 403) return 'permission';
  if (status === 404) return 'not-found';
  return 'vendor';
}

/**
 * The first system or undici `code` (`ECONNRESET`, `EPIPE`, `UND_ERR_SOCKET` …) along an
 * error's cause chain.
 */
function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^(E[A-Z_]+|UND_ERR_[A-Z_]+)$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
