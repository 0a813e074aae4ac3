import { STATUS_CODES } from 'node:http';
import { jsonReply, type SimulatorReply } from '../kit/reply.js';

/** Field name → messages, as the vendor's `errors` object: `{ "phone": ["is required"] }`. */
export type FieldErrors = Record<string, string[]>;

/** The contract's error answer: `{ message, errors? }`. */
export function errorReply(
  status: number,
  message: string,
  errors?: FieldErrors,
  headers?: Readonly<Record<string, string>>,
): SimulatorReply {
  const body = errors === undefined ? { message } : { message, errors };
  return jsonReply(status, body, headers);
}

/** A success answer: `{ data }`. */
export const dataReply = (data: unknown, status = 200) => jsonReply(status, { data });

/** 401: no key, or one the cabinet does not know (wrong or rotated out). */
export const unauthenticated = () => errorReply(401, 'Unauthenticated.');

/** 403: the key's user is not an administrator and the request writes. */
export const unauthorized = () => errorReply(403, 'This action is unauthorized.');

/** 404: no such path, or no such record. */
export const notFound = () => errorReply(404, 'Not found.');

/** 400: the body is not a JSON object sent as `application/json`. */
export const badRequest = (message: string) => errorReply(400, message);

/** 422 with the problems per field. */
export const invalidData = (errors: FieldErrors) =>
  errorReply(422, 'The given data was invalid.', errors);

/** Seconds a throttled client is told to wait: the window is one second. */
const retryAfterSeconds = '1';

/** 429 with `Retry-After`. */
export const tooManyAttempts = () =>
  errorReply(429, 'Too Many Attempts.', undefined, { 'retry-after': retryAfterSeconds });

const messages: Readonly<Record<number, string>> = {
  401: 'Unauthenticated.',
  403: 'This action is unauthorized.',
  404: 'Not found.',
  422: 'The given data was invalid.',
  429: 'Too Many Attempts.',
};

/** The body an injected failure (`fail({ status })`) answers with when none is given. */
export function failureBody(status: number): unknown {
  return { message: messages[status] ?? STATUS_CODES[status] ?? 'Server Error' };
}

/** Headers of an injected failure: `Retry-After` on a 429, as the rate limit sends. */
export function failureHeaders(status: number): Readonly<Record<string, string>> | undefined {
  return status === 429 ? { 'retry-after': retryAfterSeconds } : undefined;
}
