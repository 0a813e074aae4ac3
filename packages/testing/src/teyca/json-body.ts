import { isPlainObject } from '../kit/json-value.js';
import { stop } from '../kit/reply.js';
import type { SimulatorRequest } from '../kit/request.js';
import type { TeycaReplies } from './replies.js';

/** The request's JSON object body; answers 400 when it is not one. */
export function jsonBody(
  request: SimulatorRequest,
  replies: TeycaReplies,
): Record<string, unknown> {
  try {
    const parsed: unknown = request.body === '' ? {} : JSON.parse(request.body);
    if (isPlainObject(parsed)) return parsed;
  } catch {
    // answered below
  }
  return stop(replies.error(400, 'Body must be a JSON object'));
}

/** A `user_id` path or body value as a number; answers 400 when it is not an integer. */
export function userIdOf(value: unknown, replies: TeycaReplies): number {
  const id = typeof value === 'number' ? value : Number(String(value ?? '').trim());
  if (Number.isInteger(id) && id > 0) return id;
  return stop(replies.error(400, 'user_id must be an integer'));
}

/** A comma-separated list of ids (`"101,102"`), as the mailings take them. */
export function userIdsOf(value: unknown, replies: TeycaReplies): number[] {
  const text = Array.isArray(value) ? value.join(',') : String(value ?? '');
  const parts = text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  if (parts.length === 0) return stop(replies.error(400, 'user_id is required'));
  return parts.map((part) => userIdOf(part, replies));
}
