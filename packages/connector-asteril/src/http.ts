import {
  type ClientContext,
  createVendorHttpClient,
  type HttpClient,
  type ResponseState,
  type ResponseVerdict,
} from '@crossline/core/sdk';
import type { AsterilConfig } from './options.js';

/**
 * The HTTP client of one connector instance: `Bearer` key, JSON, and one budget per (cabinet,
 * key) in the process at the assumed rate.
 */
export function createAsterilHttp(
  config: AsterilConfig,
  context: Pick<ClientContext, 'connectorId' | 'logger' | 'onThrottled'>,
): HttpClient {
  return createVendorHttpClient({
    vendor: 'asteril',
    account: config.origin,
    credential: config.apiKey,
    limits: { limit: config.rateLimit },
    baseUrl: `${config.origin}${config.api.basePath}`,
    connectorId: context.connectorId,
    auth: { type: 'bearer', token: config.apiKey },
    headers: { accept: 'application/json' },
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
