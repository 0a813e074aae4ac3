import { randomBytes } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import { jsonReply, type SimulatorReply, textReply } from '../kit/reply.js';

/** Thulium's error answer: `{ request_id, errors: [{ message, code }] }`. */
export function errorReply(status: number, ...errors: [message: string, code: number][]) {
  return jsonReply(status, {
    request_id: randomBytes(5).toString('hex'),
    errors: errors.map(([message, code]) => ({ message, code })),
  });
}

/** 401: no Basic credentials, or an unknown user or password. */
export const unauthorized = () => errorReply(401, ['Invalid credentials.', 401]);

/** 404: no such path or record. */
export const notFound = (what = 'Resource') => errorReply(404, [`${what} not found.`, 404]);

/** 400 with one or more messages. */
export const badRequest = (...messages: string[]) =>
  errorReply(400, ...messages.map((message): [string, number] => [message, 1001]));

/** 429 (Thulium documents no limit; the simulator's own, without `Retry-After`). */
export const tooManyRequests = () => errorReply(429, ['Too many requests.', 429]);

/** A success without a body (several write calls answer so). */
export const emptyReply = (): SimulatorReply => textReply(200, '');

/** The body of an injected failure. */
export function failureBody(status: number): unknown {
  return {
    request_id: randomBytes(5).toString('hex'),
    errors: [{ message: STATUS_CODES[status] ?? 'Error', code: status }],
  };
}
