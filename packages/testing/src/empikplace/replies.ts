import { STATUS_CODES } from 'node:http';
import { jsonReply, type SimulatorReply } from '../kit/reply.js';
import { headerValue, type SimulatorRequest } from '../kit/request.js';

/** Mirakl's error body: a numeric `status` and a human `message`. */
export function errorReply(
  status: number,
  message: string,
  headers?: Readonly<Record<string, string>>,
): SimulatorReply {
  return jsonReply(status, { status, message }, headers);
}

/** 401 as EmpikPlace answers it: a small JSON body with a numeric `code` and a `message`. */
export const unauthorized = () =>
  jsonReply(401, { code: 401, message: 'Full authentication is required to access this resource' });

/** 403: the key has no access to the shop asked for. */
export const forbidden = (shopId: string) =>
  errorReply(403, `Access denied: the user has no access to shop ${shopId}`);

/** 404 for an unknown path or record. */
export const notFound = () => errorReply(404, 'Not Found');

/** Seconds a throttled client is told to wait. */
const retryAfterSeconds = '1';

/** 429 with `Retry-After` in seconds. */
export const tooManyRequests = () =>
  errorReply(429, 'Too Many Requests', { 'retry-after': retryAfterSeconds });

/** The body of an injected failure. */
export function failureBody(status: number): unknown {
  return status === 401
    ? { code: 401, message: 'Full authentication is required to access this resource' }
    : { status, message: STATUS_CODES[status] ?? 'Server Error' };
}

/** Headers of an injected failure: `Retry-After` on a 429. */
export function failureHeaders(status: number): Readonly<Record<string, string>> | undefined {
  return status === 429 ? { 'retry-after': retryAfterSeconds } : undefined;
}

/** The key a request carries: the raw `Authorization` value (no scheme). */
export function rawKeyOf(request: SimulatorRequest): string | undefined {
  const value = headerValue(request, 'authorization')?.trim();
  return value === undefined || value === '' ? undefined : value;
}
