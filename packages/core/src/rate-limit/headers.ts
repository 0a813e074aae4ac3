/** What a response's rate-limit headers say about the account's budget. */
export interface RateLimitInfo {
  /** Requests allowed in the current window, when sent. */
  readonly limit?: number;
  /** Requests left in the current window, when sent. */
  readonly remaining?: number;
  /** Milliseconds until the window resets, when sent. */
  readonly resetMs?: number;
}

/**
 * Parses a `Retry-After` header in either form — delay-seconds (`120`) or an HTTP date
 * (`Wed, 21 Oct 2026 07:28:00 GMT`) — into milliseconds to wait. A date is measured against
 * the response's own `Date` header when given (the server's clock), else against `now`.
 *
 * @param value - the header value
 * @param now - the local clock, in epoch milliseconds
 * @param serverDate - the response's `Date` header, if any
 * @returns milliseconds to wait (never negative), or `undefined` when absent or unreadable
 */
export function parseRetryAfter(
  value: string | null | undefined,
  now: number = Date.now(),
  serverDate?: string | null,
): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  if (!/[a-z]/i.test(text)) return undefined; // an HTTP date names its day and month
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  const reference = serverDate ? Date.parse(serverDate) : Number.NaN;
  return Math.max(0, at - (Number.isNaN(reference) ? now : reference));
}

/**
 * Reads the rate-limit headers a vendor may send, in the forms seen in the wild:
 * - IETF structured (`RateLimit: "default";r=0;t=30`, draft 08+),
 * - IETF draft 06 combined (`RateLimit: limit=100, remaining=0, reset=30`),
 * - `RateLimit-Limit` / `-Remaining` / `-Reset` (drafts up to 07),
 * - `X-RateLimit-Limit` / `-Remaining` / `-Reset`, where reset is delta seconds or an epoch
 *   timestamp in seconds or milliseconds.
 *
 * @param headers - the response headers
 * @param now - the local clock, in epoch milliseconds
 * @returns what the headers say, or `undefined` when the response has none
 */
export function parseRateLimitHeaders(
  headers: Headers,
  now: number = Date.now(),
): RateLimitInfo | undefined {
  const combined = headers.get('ratelimit');
  if (combined) return parseCombined(combined);
  for (const prefix of ['ratelimit-', 'x-ratelimit-']) {
    const limit = numberOrUndefined(headers.get(`${prefix}limit`));
    const remaining = numberOrUndefined(headers.get(`${prefix}remaining`));
    const reset = numberOrUndefined(headers.get(`${prefix}reset`));
    if (limit === undefined && remaining === undefined && reset === undefined) continue;
    return compact(limit, remaining, reset === undefined ? undefined : resetToMs(reset, now));
  }
  return undefined;
}

function parseCombined(value: string): RateLimitInfo | undefined {
  const params = new Map<string, number>();
  for (const match of value.matchAll(/(?:^|[;,\s])([a-z]+)=(\d+(?:\.\d+)?)/gi)) {
    const [, name = '', number = ''] = match;
    if (!params.has(name.toLowerCase())) params.set(name.toLowerCase(), Number(number));
  }
  const limit = params.get('limit') ?? params.get('q');
  const remaining = params.get('remaining') ?? params.get('r');
  const reset = params.get('reset') ?? params.get('t');
  if (limit === undefined && remaining === undefined && reset === undefined) return undefined;
  return compact(limit, remaining, reset === undefined ? undefined : reset * 1000);
}

/** A reset value: delta seconds, or an epoch timestamp in seconds or milliseconds. */
function resetToMs(reset: number, now: number): number {
  if (reset > 1e12) return Math.max(0, reset - now);
  if (reset > 1e9) return Math.max(0, reset * 1000 - now);
  return reset * 1000;
}

function numberOrUndefined(value: string | null): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const number = Number(value);
  return Number.isFinite(number) ? number : undefined;
}

function compact(limit?: number, remaining?: number, resetMs?: number): RateLimitInfo {
  return {
    ...(limit === undefined ? {} : { limit }),
    ...(remaining === undefined ? {} : { remaining }),
    ...(resetMs === undefined ? {} : { resetMs: Math.round(resetMs) }),
  };
}
