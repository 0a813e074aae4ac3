import {
  type ClientContext,
  createHttpClient,
  type HttpClient,
  LocalRateLimiter,
  RateLimiterRegistry,
  type ResponseState,
  type ResponseVerdict,
} from '@crossline/core';
import type { AsterilConfig } from './options.js';

/** One budget per (cabinet, key) in this process, shared by every instance with that key. */
const limiters = new RateLimiterRegistry();

/** The HTTP client of one connector instance: `Bearer` key, JSON, the assumed rate limit. */
export function createAsterilHttp(config: AsterilConfig, context: ClientContext): HttpClient {
  const rateLimiter = limiters.get(
    { vendor: 'asteril', account: config.origin, credential: config.apiKey },
    () => new LocalRateLimiter({ limit: config.rateLimit }),
  );
  return createHttpClient({
    baseUrl: `${config.origin}${config.api.basePath}`,
    connectorId: context.connectorId,
    auth: { type: 'bearer', token: config.apiKey },
    headers: { accept: 'application/json' },
    rateLimiter,
    logger: context.logger,
    retry: { retries: config.retries },
    interpretResponse: interpretAsterilResponse,
    onThrottled: context.onThrottled,
  });
}

/**
 * Reads the assumed error body `{ message, errors?: { field: [messages] } }`: the field errors
 * join the message. Status codes keep their usual meaning (401 auth, 403 permission, 404, 422
 * validation, 429 throttled with `Retry-After`).
 */
export function interpretAsterilResponse(state: ResponseState): ResponseVerdict | undefined {
  const { body } = state;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const { message, errors } = body as { message?: unknown; errors?: unknown };
  if (typeof message !== 'string') return undefined;
  const details =
    typeof errors === 'object' && errors !== null
      ? Object.entries(errors).map(([field, texts]) => `${field}: ${[texts].flat().join(', ')}`)
      : [];
  return { message: details.length > 0 ? `${message} (${details.join('; ')})` : message };
}
