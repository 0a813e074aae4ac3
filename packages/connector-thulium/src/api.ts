import type {
  HttpClient,
  HttpDeclaration,
  ResponseState,
  ResponseVerdict,
} from '@crossline/core/sdk';
import { accountOrigin, type ThuliumConfig } from './options.js';
import { createdCallAnswer, meAnswer, type ThuliumCall, type ThuliumMe } from './wire.js';

/**
 * The vendor's HTTP API, from the options: base URL, the key as a bearer token, the account and
 * key its rate limit counts by, and how to read its error bodies. The SDK builds the client from
 * it and adds the vendor name, the connector id, the logger, throttle events and one shared
 * budget per account and key in the process.
 */
export function thuliumHttp(config: ThuliumConfig): HttpDeclaration {
  const origin = accountOrigin(config);
  return {
    baseUrl: `${origin}/api/v1`,
    account: origin,
    credential: config.apiKey,
    auth: { type: 'bearer', token: config.apiKey },
    headers: { accept: 'application/json' },
    limits: { limit: config.rateLimit },
    retry: { retries: config.retries },
    interpretResponse: interpretThuliumResponse,
  };
}

/**
 * Reads the vendor's error body `{ "error": { "message": "…" } }` into the error's message;
 * status codes keep their usual meaning (401 auth, 403 permission, 404, 422 validation, 429
 * throttled with `Retry-After`).
 */
export function interpretThuliumResponse(state: ResponseState): ResponseVerdict | undefined {
  const { body } = state;
  if (typeof body !== 'object' || body === null || !('error' in body)) return undefined;
  const { error } = body as { error?: { message?: unknown } | null };
  return typeof error?.message === 'string' ? { message: error.message } : undefined;
}

/** A typed client of the Thulium API: one method per endpoint, answers checked with zod. */
export class ThuliumApi {
  readonly #http: HttpClient;

  /** @param http - the HTTP client the SDK built from {@link thuliumHttp} */
  constructor(http: HttpClient) {
    this.#http = http;
  }

  /**
   * `GET /me`: the key's user and the scopes granted to the key.
   * @param signal - cancels the request and its retries
   */
  async me(signal?: AbortSignal): Promise<ThuliumMe> {
    return (await this.#http.request({ path: '/me', schema: meAnswer, signal })).data.data;
  }

  /**
   * `POST /calls`: logs a call. Safe to repeat — the vendor refuses a second call with the same
   * `external_id` — so it is retried like a GET.
   * @param signal - cancels the request and its retries
   */
  async createCall(call: ThuliumCall, signal?: AbortSignal) {
    const request = { method: 'POST' as const, path: '/calls', json: call, idempotent: true };
    return (await this.#http.request({ ...request, schema: createdCallAnswer, signal })).data.data;
  }
}
