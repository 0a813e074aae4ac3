import { z } from 'zod';
import type { ValidationIssue } from '../errors/issues.js';
import { ValidationError } from '../errors/validation-error.js';
import type { NewEnvelope } from './replay-store.js';

/**
 * Size limits of what a replay store accepts. An envelope over a limit is refused at
 * `append()` (so at `hub.publish()`) with a {@link ValidationError} naming the limit; a failure
 * message over its limit is cut, with a marker saying how much was left out.
 */
export interface ReplayStoreLimits {
  /**
   * Longest envelope id, event id, pipeline id or connector id, in UTF-16 code units.
   * @defaultValue 512
   */
  readonly maxIdLength?: number | undefined;
  /** Longest ordering key, in UTF-16 code units. @defaultValue 512 */
  readonly maxKeyLength?: number | undefined;
  /** Largest payload, in bytes of its JSON encoded as UTF-8. @defaultValue 1_048_576 (1 MiB) */
  readonly maxPayloadBytes?: number | undefined;
  /** Longest failure message `fail()` keeps, in UTF-16 code units. @defaultValue 2_000 */
  readonly maxErrorLength?: number | undefined;
}

/** The limits in force: the defaults, then the host's. */
export type ResolvedLimits = Required<{ [K in keyof ReplayStoreLimits]: number }>;

const defaults: ResolvedLimits = {
  maxIdLength: 512,
  maxKeyLength: 512,
  maxPayloadBytes: 1_048_576,
  maxErrorLength: 2_000,
};

const limit = (min: number) => z.number().int().min(min).max(Number.MAX_SAFE_INTEGER).optional();

/** The `limits` option of both stores, as a zod schema. */
export const limitsSchema = z
  .strictObject({
    maxIdLength: limit(1),
    maxKeyLength: limit(1),
    maxPayloadBytes: limit(1),
    maxErrorLength: limit(64),
  })
  .optional();

/** The limits in force for validated `limits` options. */
export function resolveLimits(limits: ReplayStoreLimits | undefined): ResolvedLimits {
  const resolved = { ...defaults };
  for (const [name, value] of Object.entries(limits ?? {}))
    if (value !== undefined) resolved[name as keyof ResolvedLimits] = value;
  return resolved;
}

/** The Date range: ±100,000,000 days around the epoch. */
const maxTime = 8.64e15;
const idFields = ['id', 'pipelineId', 'connectorId', 'eventId'] as const;

function checkText(
  value: unknown,
  path: string,
  max: number,
  limitName: string,
): ValidationIssue | undefined {
  if (typeof value !== 'string') return { path, message: `must be a string (got ${typeof value})` };
  if (value.length > max)
    return {
      path,
      message: `has ${value.length} characters, over the limit of ${max} (limits.${limitName})`,
    };
  if (!(value as unknown as { isWellFormed(): boolean }).isWellFormed())
    return {
      path,
      message: 'is not well-formed Unicode: it holds a lone surrogate, which SQLite would replace',
    };
  return undefined;
}

function checkMoment(value: unknown, path: string): ValidationIssue | undefined {
  if (Number.isInteger(value) && Math.abs(value as number) <= maxTime) return undefined;
  const got = typeof value === 'number' ? value : typeof value;
  return { path, message: `must be an integer epoch ms within the Date range (got ${got})` };
}

function encodePayload(payload: unknown, limits: ResolvedLimits): string | ValidationIssue {
  let json: string | undefined;
  try {
    json = JSON.stringify(payload ?? null);
  } catch (error) {
    return { path: 'payload', message: `cannot be encoded as JSON: ${(error as Error).message}` };
  }
  json ??= 'null';
  const bytes = Buffer.byteLength(json);
  if (bytes > limits.maxPayloadBytes)
    return {
      path: 'payload',
      message: `is ${bytes} bytes of JSON, over the limit of ${limits.maxPayloadBytes} (limits.maxPayloadBytes)`,
    };
  return json;
}

function checkEnvelope(envelope: NewEnvelope, limits: ResolvedLimits): string {
  const issues: ValidationIssue[] = [];
  for (const field of idFields) {
    const issue = checkText(envelope[field], field, limits.maxIdLength, 'maxIdLength');
    if (issue) issues.push(issue);
  }
  const key = checkText(envelope.key, 'key', limits.maxKeyLength, 'maxKeyLength');
  if (key) issues.push(key);
  const occurredAt = checkMoment(envelope.occurredAt, 'occurredAt');
  if (occurredAt) issues.push(occurredAt);
  const nextAttemptAt =
    envelope.nextAttemptAt === undefined
      ? undefined
      : checkMoment(envelope.nextAttemptAt, 'nextAttemptAt');
  if (nextAttemptAt) issues.push(nextAttemptAt);
  const json = encodePayload(envelope.payload, limits);
  if (typeof json !== 'string') issues.push(json);
  if (issues.length > 0 || typeof json !== 'string') {
    const listed = issues.map((issue) => `${issue.path} ${issue.message}`).join('; ');
    throw new ValidationError(`The outbox refused an envelope: ${listed}`, { issues });
  }
  return json;
}

/**
 * Checks every envelope of an append against the limits and the store's rules (well-formed
 * ids and key, an integer `occurredAt`, a JSON payload). Resolves with each payload's JSON.
 *
 * @throws {@link ValidationError} for the first envelope that breaks a rule; nothing is stored
 */
export function checkEnvelopes(
  envelopes: readonly NewEnvelope[],
  limits: ResolvedLimits,
): string[] {
  return envelopes.map((envelope) => checkEnvelope(envelope, limits));
}

/** Cuts a failure message to `max` characters, ending with how much was left out. */
export function truncateError(message: string, max: number): string {
  const text = String(message);
  if (text.length <= max) return text;
  const marker = (rest: number) => `… [${rest} more characters]`;
  let keep = max - marker(text.length).length;
  // never cut a surrogate pair in half
  if (/[\uD800-\uDBFF]/.test(text.charAt(keep - 1))) keep -= 1;
  return text.slice(0, keep) + marker(text.length - keep);
}
