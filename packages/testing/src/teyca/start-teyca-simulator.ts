import { KeyRing, randomApiKey } from '../kit/key-ring.js';
import { startSimulatorServer } from '../kit/start-simulator-server.js';
import { type VendorSimulator, vendorSimulator } from '../kit/vendor-simulator.js';
import type { TeycaPass } from './model.js';
import { type TeycaSimulatorOptions, teycaDefaultLayouts, teycaDefaultLimits } from './options.js';
import { TeycaReplies } from './replies.js';
import { defaultFingerprint, guardRoute, mainKeyOf } from './route.js';
import { teycaRoutes } from './routes/all-routes.js';
import { TeycaState } from './state.js';
import { WebhookSender } from './webhook-sender.js';

/** A running Teyca simulator: the kit's controls plus the account's own. */
export interface TeycaSimulator extends VendorSimulator<TeycaState, undefined> {
  /** The per-installation token (the first one; `addToken()` makes more). */
  readonly token: string;
  /** `url` + `/v1/{token}`: where the business endpoints are. */
  readonly baseUrl: string;
  /** Requests answered 429 so far. */
  throttled(): number;
  /** Creates a token with a free label (as `POST /v1/authorization` does). */
  addToken(identifier?: string): string;
  /** Blocks a token for good (as Teyca does when it sees a second installation). */
  blockToken(token: string): void;
  /** A client registers and installs a card: the pass is created and CREATE is POSTed. */
  installCard(input?: Parameters<TeycaState['createPass']>[0]): TeycaPass;
  /** A change made in Teyca itself (cabinet, cash register): UPDATE is POSTed. */
  changePass(userId: number, fields: Readonly<Record<string, unknown>>): TeycaPass | undefined;
  /** Sets whether the client consented to mailings. */
  setConsent(userId: number, consent: boolean): void;
  /** Sets whether the card accepts PUSH notifications. */
  setNotifications(userId: number, allowed: boolean): void;
  /** POSTs `count` UPDATE webhooks for one pass at once, as Teyca's bursts do. */
  burst(userId: number, count: number): void;
  /** Resolves when every webhook queued so far has been delivered (or has failed). */
  webhooksIdle(): Promise<void>;
}

/**
 * Starts a stateful simulator of the Teyca loyalty API on loopback, built exactly as the
 * vendor's fact sheet says where it is CONFIRMED (the main key raw in `Authorization`, the
 * token in the path `/v1/{token}/…`, passes keyed by `user_id` with reads under
 * `/passes/userid/{id}` but updates and deletes at `/passes/{id}`, `search=field=value,…`,
 * bonuses with `active_from`/`expires_at`, webhooks `{ type, pass }`) and with an option for
 * each UNCERTAIN point (see {@link TeycaSimulatorOptions}).
 *
 * @example
 * ```ts
 * const teyca = await startTeycaSimulator();
 * const pass = teyca.installCard({ phone: '79001234567', first_name: 'Anna' });
 * const answer = await fetch(`${teyca.baseUrl}/passes/userid/${pass.user_id}`, {
 *   headers: { authorization: teyca.apiKey },
 * });
 * // (await answer.json()).phone === '79001234567'
 * await teyca.close();
 * ```
 */
export async function startTeycaSimulator(
  options: TeycaSimulatorOptions = {},
): Promise<TeycaSimulator> {
  checkOptions(options);
  const state = new TeycaState({
    layouts: options.layouts ?? teycaDefaultLayouts,
    bonusRules: options.bonusRules ?? {},
    consentField: options.consentField,
    now: options.now ?? Date.now,
  });
  for (const pass of options.passes ?? []) state.createPass(pass);
  const keys = new KeyRing<true>(options.apiKey ?? randomApiKey(), true, state.keys);
  const token = options.token ?? randomApiKey();
  state.tokens.set(token, { token, identifier: 'default', blocked: false });
  const sender = new WebhookSender(state, {
    updateBurst: options.updateBurst ?? 1,
    deleteBody: options.deleteWebhookBody ?? 'user-id',
    timeoutMs: options.webhookTimeoutMs ?? 5000,
    concurrency: options.webhookConcurrency ?? 1,
  });
  const replies = new TeycaReplies(options.errorFormat ?? 'json');
  const guard = {
    fingerprint: options.fingerprint ?? defaultFingerprint,
    blockOnSecondFingerprint: options.blockOnSecondFingerprint ?? true,
    unauthorizedStatus: options.unauthorizedStatus ?? 401,
    forbiddenStatus: options.forbiddenStatus ?? 403,
  };
  const [first, ...more] = options.limits ?? teycaDefaultLimits;
  const scope = options.limitScope ?? 'account';
  const server = await startSimulatorServer({
    routes: teycaRoutes(options).map((route) => guardRoute(route, state, replies, guard)),
    notFound: () => replies.error(404, 'Not found'),
    failureBody: (status) => replies.failureBody(status),
    latencyMs: options.latencyMs,
    rateLimit: {
      key: (request) =>
        scope === 'account'
          ? 'account'
          : scope === 'key'
            ? mainKeyOf(request)
            : request.path.split('/')[2],
      buckets: first
        ? [{ name: 'api', limit: first.limit, windowMs: first.windowMs, windows: more }]
        : [],
      reply: (_bucket, _request, verdict) => {
        state.throttled += 1;
        const seconds = Math.max(1, Math.ceil((verdict.retryAfterMs ?? 1000) / 1000));
        const headers = options.retryAfter ? { 'retry-after': String(seconds) } : undefined;
        return replies.error(429, 'Too many requests', headers);
      },
    },
  });
  const simulator = vendorSimulator({ server, state, keys, grantOf: () => true as const });
  return {
    ...simulator,
    get apiKey() {
      return keys.current;
    },
    token,
    baseUrl: `${server.url}/v1/${token}`,
    throttled: () => state.throttled,
    addToken: (identifier = 'test') => {
      const added = randomApiKey();
      state.tokens.set(added, { token: added, identifier, blocked: false });
      return added;
    },
    blockToken: (blocked) => {
      const found = state.tokens.get(blocked);
      if (found) found.blocked = true;
    },
    installCard: (input) => state.createPass(input),
    changePass: (userId, fields) => state.updatePass(userId, fields),
    setConsent: (userId, consent) => void state.consent.set(userId, consent),
    setNotifications: (userId, allowed) => void state.notifications.set(userId, allowed),
    burst: (userId, count) => state.burst(userId, count),
    webhooksIdle: () => sender.idle(),
  };
}

function checkOptions(options: TeycaSimulatorOptions): void {
  if (options.apiKey === '') throw new TypeError('Teyca simulator: `apiKey` cannot be empty');
  if (options.token === '') throw new TypeError('Teyca simulator: `token` cannot be empty');
  const burst = options.updateBurst ?? 1;
  if (!Number.isInteger(burst) || burst < 1) {
    throw new TypeError('Teyca simulator: `updateBurst` must be an integer >= 1');
  }
  const concurrency = options.webhookConcurrency ?? 1;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new TypeError('Teyca simulator: `webhookConcurrency` must be an integer >= 1');
  }
  for (const { limit, windowMs } of options.limits ?? []) {
    if (!(limit > 0 && windowMs > 0))
      throw new TypeError('Teyca simulator: `limits` must be positive');
  }
}
