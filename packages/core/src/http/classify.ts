import { isNetworkError, isTimeoutError } from 'ky';
import { AuthError } from '../errors/auth-error.js';
import {
  type CrosslineError,
  describeRequest,
  type RequestSummary,
} from '../errors/crossline-error.js';
import { NotFoundError } from '../errors/not-found-error.js';
import { PermissionError } from '../errors/permission-error.js';
import { RateLimitError } from '../errors/rate-limit-error.js';
import { TransportError } from '../errors/transport-error.js';
import { VendorError } from '../errors/vendor-error.js';
import { parseRetryAfter } from '../rate-limit/headers.js';
import type { SecretRedactor } from '../util/redact.js';
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
}

const retryableStatuses = new Set([408, 425]);
/** Network failures that happen before a request leaves: it never reached the vendor. */
const notSentCodes = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
]);

/**
 * Maps a failed response onto crossline's error classes: 401 → auth, 403 → permission,
 * 404 → not found, 429 or the vendor's throttling signal → rate limit, everything else →
 * vendor (retryable for 408, 425 and 5xx). The vendor's message is kept, secrets redacted.
 */
export function errorFromResponse(
  context: ClassifyContext,
  response: FailedResponse,
): CrosslineError {
  const { status, headers, body, verdict } = response;
  const message = verdict?.message ?? vendorMessage(body);
  const retryAfterMs = parseRetryAfter(headers.get('retry-after'), Date.now(), headers.get('date'));
  const request: RequestSummary = {
    method: context.method,
    url: context.url,
    status,
    ...(message ? { vendorMessage: truncate(context.redactor.text(message)) } : {}),
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
  return new VendorError(text, {
    ...options,
    retryable: retryableStatuses.has(status) || status >= 500,
  });
}

/**
 * Maps a thrown failure (timeout, network error) onto {@link TransportError}. The caller's
 * own abort is not a failure of the request and is returned unchanged.
 */
export function errorFromFailure(
  context: ClassifyContext,
  failure: unknown,
  signal: AbortSignal | undefined,
): unknown {
  if (signal?.aborted) return signal.reason;
  const request: RequestSummary = { method: context.method, url: context.url };
  const code = errorCode(failure);
  // ky's errors carry the Request (headers included) and the unredacted URL: the cause the
  // host sees is a clean copy with the message redacted and the error code kept.
  const cause = cleanCause(failure, code, context.redactor);
  const options = { connectorId: context.connectorId, request, cause };
  if (isTimeoutError(failure)) {
    return new TransportError(`${describeRequest(request)}: timed out`, {
      ...options,
      timeout: true,
    });
  }
  if (isNetworkError(failure) || code !== undefined) {
    return new TransportError(
      `${describeRequest(request)}: network error (${code ?? 'fetch failed'})`,
      {
        ...options,
        mayHaveReachedVendor: code === undefined || !notSentCodes.has(code),
      },
    );
  }
  // Anything else (a header fetch refuses, a bug in a hook) will fail the same way again.
  return new TransportError(`${describeRequest(request)}: request failed (${cause.message})`, {
    ...options,
    retryable: false,
    mayHaveReachedVendor: false,
  });
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

/** The first `code` (`ECONNRESET`, `ECONNREFUSED` …) along an error's cause chain. */
function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^E[A-Z_]+$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
