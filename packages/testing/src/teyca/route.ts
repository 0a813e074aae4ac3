import type { SimulatorReply } from '../kit/reply.js';
import { headerValue, type SimulatorRequest } from '../kit/request.js';
import type { SimulatorMethod, SimulatorRoute } from '../kit/start-simulator-server.js';
import type { TeycaToken } from './model.js';
import type { TeycaReplies } from './replies.js';
import type { TeycaState } from './state.js';

/** Every business path lives under `/v1`. */
export const apiPrefix = '/v1';

/** How the simulator guards requests; the choices the fact sheet leaves UNCERTAIN. */
export interface TeycaGuardOptions {
  /** The installation a request comes from (a token is bound to the first one it sees). */
  readonly fingerprint: (request: SimulatorRequest) => string | undefined;
  /** Whether a token used from a second installation is blocked for good. */
  readonly blockOnSecondFingerprint: boolean;
  /** The status of a wrong or missing key, or an unknown token. */
  readonly unauthorizedStatus: number;
  /** The status of a blocked token, or of a cabinet whose API module is off. */
  readonly forbiddenStatus: number;
}

/** What a Teyca route gets besides the request. */
export interface TeycaContext {
  /** The account. */
  readonly state: TeycaState;
  /** The vendor's error answers. */
  readonly replies: TeycaReplies;
  /** The token of the URL path (routes under `/v1/{token}`). */
  readonly token?: TeycaToken | undefined;
}

/** One endpoint of the simulated API. */
export interface TeycaRoute {
  /** The HTTP method. */
  readonly method: SimulatorMethod;
  /** The path under `/v1`, e.g. `/:token/passes/userid/:userId`, or `/authorization`. */
  readonly path: string;
  /** Answers the request. */
  readonly handle: (request: SimulatorRequest, context: TeycaContext) => SimulatorReply;
}

/** The main key: the raw `Authorization` header (no scheme). */
export function mainKeyOf(request: SimulatorRequest): string | undefined {
  return headerValue(request, 'authorization')?.trim() || undefined;
}

/**
 * Wraps a Teyca route with the vendor's checks: the main key, raw in `Authorization`
 * (`Bearer …` is a wrong key); the API module on; for `/:token/…` routes a known token that is
 * not blocked, bound to the first installation that used it — a second one blocks it for good.
 */
export function guardRoute(
  route: TeycaRoute,
  state: TeycaState,
  replies: TeycaReplies,
  guard: TeycaGuardOptions,
): SimulatorRoute {
  return {
    method: route.method,
    path: `${apiPrefix}${route.path}`,
    handle: (request) => {
      const key = mainKeyOf(request);
      if (key === undefined || !state.keys.has(key)) {
        return replies.error(guard.unauthorizedStatus, 'Invalid authorization key');
      }
      if (!state.apiEnabled) return replies.error(guard.forbiddenStatus, 'API module is disabled');
      const name = request.params.token;
      if (name === undefined) return route.handle(request, { state, replies });
      const token = state.tokens.get(name);
      if (token === undefined) {
        return replies.error(guard.unauthorizedStatus, 'Invalid authorization token');
      }
      if (!bindInstallation(token, guard, request)) {
        return replies.error(guard.forbiddenStatus, 'Authorization token is blocked');
      }
      return route.handle(request, { state, replies, token });
    },
  };
}

/** Binds the token to its first installation; false when it is (or now gets) blocked. */
function bindInstallation(token: TeycaToken, guard: TeycaGuardOptions, request: SimulatorRequest) {
  if (token.blocked) return false;
  const fingerprint = guard.fingerprint(request);
  if (fingerprint === undefined) return true;
  if (token.fingerprint === undefined) token.fingerprint = fingerprint;
  else if (token.fingerprint !== fingerprint && guard.blockOnSecondFingerprint) {
    token.blocked = true;
    return false;
  }
  return true;
}

/** The default installation fingerprint: the caller's address (`X-Forwarded-For`) and `User-Agent`. */
export function defaultFingerprint(request: SimulatorRequest): string {
  const address = headerValue(request, 'x-forwarded-for') ?? '127.0.0.1';
  return `${address}|${headerValue(request, 'user-agent') ?? ''}`;
}
