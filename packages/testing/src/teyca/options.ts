import type { Latency } from '../kit/faults.js';
import type { RateLimitWindowRule } from '../kit/rate-limiter.js';
import type { SimulatorRequest } from '../kit/request.js';
import type { BonusRules } from './bonus-ledger.js';
import type { TeycaConsentField, TeycaLayout, TeycaPassInput } from './model.js';
import type { TeycaErrorFormat } from './replies.js';
import type { TeycaSearchMatch } from './search.js';

/**
 * Options of `startTeycaSimulator()`. Every choice the vendor's fact sheet leaves UNCERTAIN is
 * an option here, its default the sheet's best guess.
 */
export interface TeycaSimulatorOptions {
  /** The main authorization key (sent raw in `Authorization`). @defaultValue a random 32-character key */
  apiKey?: string | undefined;
  /** The per-installation token (in the URL path). @defaultValue a random 32-character token */
  token?: string | undefined;
  /** The cabinet's card layouts. @defaultValue one, `Base layout`, showing name and phone */
  layouts?: readonly TeycaLayout[] | undefined;
  /** Passes to start with (CREATE webhooks are not sent for them). @defaultValue none */
  passes?: readonly TeycaPassInput[] | undefined;
  /**
   * The rate-limit windows (UNCERTAIN: S3's figures). Webhooks do not count.
   * @defaultValue 5/s, 50/min, 500/h, 5,000/day
   */
  limits?: readonly RateLimitWindowRule[] | undefined;
  /** What the limits count by (UNCERTAIN). @defaultValue `'account'` (every key and token together) */
  limitScope?: 'account' | 'key' | 'token' | undefined;
  /**
   * Whether a 429 carries `Retry-After` (seconds until the refusing window has room); whether
   * Teyca sends one is UNCERTAIN. @defaultValue false
   */
  retryAfter?: boolean | undefined;
  /** How error bodies are written (UNCERTAIN). @defaultValue `'json'` (`{ "error": "…" }`) */
  errorFormat?: TeycaErrorFormat | undefined;
  /** The status of a wrong or missing key, or an unknown token (UNCERTAIN). @defaultValue 401 */
  unauthorizedStatus?: number | undefined;
  /** The status of a blocked token or a disabled API module (UNCERTAIN). @defaultValue 403 */
  forbiddenStatus?: number | undefined;
  /**
   * The installation a request comes from. Teyca binds a token to the caller's parameters (IP,
   * server type…) at its first use — how exactly is UNCERTAIN; `undefined` from the function
   * binds nothing. @defaultValue `X-Forwarded-For` (else `127.0.0.1`) and `User-Agent`
   */
  fingerprint?: ((request: SimulatorRequest) => string | undefined) | undefined;
  /** Whether a token used from a second installation is blocked for good. @defaultValue true */
  blockOnSecondFingerprint?: boolean | undefined;
  /** How `search` conditions match (UNCERTAIN). @defaultValue `'exact'` */
  searchMatch?: TeycaSearchMatch | undefined;
  /** The page size without `limit` (UNCERTAIN). @defaultValue 20 */
  defaultLimit?: number | undefined;
  /** The largest `limit` honoured (UNCERTAIN). @defaultValue 100 */
  maxLimit?: number | undefined;
  /** Whether list `meta` values are strings (seen in the wild). @defaultValue false */
  metaAsStrings?: boolean | undefined;
  /** A missing pass (UNCERTAIN): 404, or 200 with `null`. @defaultValue `'not-found'` */
  missingPass?: 'not-found' | 'null' | undefined;
  /** Whether an accrual may be negative (a write-off; UNCERTAIN). @defaultValue false */
  allowNegativeBonus?: boolean | undefined;
  /** The account's bonus activation and expiry rules. @defaultValue active at once, never expiring */
  bonusRules?: BonusRules | undefined;
  /**
   * Where consent to mailings is read. Teyca has no consent field: by default the simulator
   * keeps a flag per pass (`setConsent()`); this reads a pass field instead, e.g.
   * `{ field: 'key1', value: 'confirmed' }`. @defaultValue the simulator's flag (false)
   */
  consentField?: TeycaConsentField | undefined;
  /** UPDATE webhooks POSTed per change of a pass. @defaultValue 1 */
  updateBurst?: number | undefined;
  /** What a DELETE webhook carries (UNCERTAIN). @defaultValue `'user-id'` (`{ user_id }` only) */
  deleteWebhookBody?: 'user-id' | 'full' | undefined;
  /**
   * Webhook POSTs on their way at once (whether Teyca keeps them in order is UNCERTAIN; 1 sends
   * them strictly in order). @defaultValue 1
   */
  webhookConcurrency?: number | undefined;
  /** How long a webhook POST waits for the receiver, ms. @defaultValue 5000 */
  webhookTimeoutMs?: number | undefined;
  /** The clock bonuses are judged by. @defaultValue `Date.now` */
  now?: (() => number) | undefined;
  /** Latency of every answer, ms or `[min, max]`. @defaultValue 0 */
  latencyMs?: Latency | undefined;
}

/** The default windows: 5/s, 50/min, 500/h, 5,000/day. */
export const teycaDefaultLimits: readonly RateLimitWindowRule[] = [
  { limit: 5, windowMs: 1000 },
  { limit: 50, windowMs: 60_000 },
  { limit: 500, windowMs: 3_600_000 },
  { limit: 5000, windowMs: 86_400_000 },
];

/** The default layout. */
export const teycaDefaultLayouts: readonly TeycaLayout[] = [
  { name: 'Base layout', fields: ['first_name', 'last_name', 'phone'] },
];
