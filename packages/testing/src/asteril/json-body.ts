import { isPlainObject } from '../kit/json-value.js';
import { stop } from '../kit/reply.js';
import type { SimulatorRequest } from '../kit/request.js';
import { badRequest } from './replies.js';

/**
 * The JSON object a write sends. A body that is not `application/json` (a form, say), is not
 * valid JSON or is not an object is refused with a 400 before any field is read.
 */
export function readJsonBody(request: SimulatorRequest): Record<string, unknown> {
  if (request.contentType !== 'application/json') {
    stop(badRequest('The request body must be JSON sent as Content-Type: application/json.'));
  }
  let body: unknown;
  try {
    body = JSON.parse(request.body);
  } catch {
    stop(badRequest('The request body is not valid JSON.'));
  }
  return isPlainObject(body) ? body : stop(badRequest('The request body must be a JSON object.'));
}
