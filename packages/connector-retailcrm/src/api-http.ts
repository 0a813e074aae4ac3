import type { HttpDeclaration, ResponseState, ResponseVerdict } from '@crossline/core/sdk';
import type { RetailcrmConfig } from './options.js';

/**
 * The connector's `http` declaration: base `<portal>/api`, the key in `X-API-KEY` (never in a
 * URL), and one budget per (portal, key) in the process — 10 requests/s, 40 for
 * `/telephony/*` by default. The SDK adds the vendor name, connector id, logger and throttle
 * events.
 */
export function retailcrmHttp(config: RetailcrmConfig): HttpDeclaration {
  return {
    baseUrl: `${config.origin}/api`,
    account: config.origin,
    credential: config.apiKey,
    auth: { type: 'header', name: 'X-API-KEY', value: config.apiKey },
    limits: {
      buckets: [
        { name: 'telephony', match: '/v5/telephony/', limit: config.rateLimits.telephony },
        { name: 'general', limit: config.rateLimits.general },
      ],
    },
    retry: { retries: config.retries, throttleDelayMs: 1000 },
    headers: { accept: 'application/json' },
    interpretResponse: interpretRetailcrmResponse,
  };
}

/**
 * Reads retailCRM's signals: 503 "Rate limit exceeded" is throttling (no `Retry-After`); a
 * wrong or missing key is an auth failure (the connector goes broken) while "Access denied."
 * is a missing permission — both come as 403; an HTML page to 404/405 (or a 2xx) means the
 * account does not exist, while an HTML 5xx is a proxy's outage page, classified by status;
 * `success: false` in a 2xx is a failure; `errors` (an object or an array) joins the message.
 */
export function interpretRetailcrmResponse(state: ResponseState): ResponseVerdict | undefined {
  const { status, body } = state;
  // A missing account answers an HTML page to 404/405; a proxy's HTML 5xx is an outage.
  if (typeof body === 'string' && body.trimStart().startsWith('<')) {
    if (status === 404 || status === 405 || status < 300) {
      return { failure: 'vendor', message: 'Account does not exist (check the portal URL)' };
    }
    return undefined;
  }
  if (!isRecord(body)) return undefined;
  const errorMsg = typeof body.errorMsg === 'string' ? body.errorMsg : undefined;
  const message = errorMsg ? withDetails(errorMsg, body.errors) : undefined;
  const verdict = (extra: ResponseVerdict): ResponseVerdict =>
    message === undefined ? extra : { ...extra, message };
  if (status === 503 && /rate limit/i.test(errorMsg ?? '')) return verdict({ throttled: true });
  if (/"?apiKey"? (is missing|value)/i.test(errorMsg ?? '')) return verdict({ failure: 'auth' });
  if (/^access denied/i.test(errorMsg ?? '')) return verdict({ failure: 'permission' });
  if (/account does not exist/i.test(errorMsg ?? '')) return verdict({ failure: 'vendor' });
  if (status < 300 && body.success === false) return verdict({ failure: 'vendor' });
  return message === undefined ? undefined : { message };
}

function withDetails(message: string, errors: unknown): string {
  const details = Array.isArray(errors)
    ? errors.map(String)
    : isRecord(errors)
      ? Object.entries(errors).map(([field, text]) => `${field}: ${String(text)}`)
      : [];
  return details.length > 0 ? `${message} (${details.join('; ')})` : message;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
