import { STATUS_CODES } from 'node:http';
import { jsonReply, type SimulatorReply } from '../kit/reply.js';
import type { FieldErrors } from './entity-reader.js';

/** A success answer: `{ success: true, ...body }`. */
export function success(body: Record<string, unknown> = {}, status = 200): SimulatorReply {
  return jsonReply(status, { success: true, ...body });
}

/** An error answer: `{ success: false, errorMsg, errors? }`; `errors` an object or a list. */
export function failure(
  status: number,
  errorMsg: string,
  errors?: FieldErrors | readonly string[],
): SimulatorReply {
  return jsonReply(status, {
    success: false,
    errorMsg,
    ...(errors === undefined ? {} : { errors }),
  });
}

/** 400 `Parameter '<name>' is missing`. */
export const missingParameter = (name: string) => failure(400, `Parameter '${name}' is missing`);

/** 400 `Errors in the entity format` with details: a bad entity. */
export const entityFormatError = (errors: FieldErrors | readonly string[]) =>
  failure(400, 'Errors in the entity format', errors);

/** 400 `Validation error` with details: a bad query or scalar parameter. */
export const validationError = (errors: FieldErrors) => failure(400, 'Validation error', errors);

/** 404 `Not found`: no such entity. */
export const entityNotFound = () => failure(404, 'Not found');

/** 404 `Method not found`: no such API method. */
export const methodNotFound = () => failure(404, 'Method not found');

/** 503 `Rate limit exceeded`, without a Retry-After header. */
export const rateLimitExceeded = () => failure(503, 'Rate limit exceeded');

/** The body an injected failure (`fail({ status })`) answers with when none is given. */
export function failureBody(status: number): unknown {
  const messages: Record<number, string> = {
    400: 'Validation error',
    401: 'Access denied.',
    403: 'Access denied.',
    404: 'Not found',
    429: 'Rate limit exceeded',
    503: 'Rate limit exceeded',
  };
  return { success: false, errorMsg: messages[status] ?? STATUS_CODES[status] ?? 'Server error' };
}
