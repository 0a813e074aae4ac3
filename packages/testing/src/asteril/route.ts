import type { SimulatorReply } from '../kit/reply.js';
import { headerValue, type SimulatorRequest } from '../kit/request.js';
import type { SimulatorRoute } from '../kit/start-simulator-server.js';
import type { AsterilUser } from './model.js';
import { unauthenticated, unauthorized } from './replies.js';
import type { AsterilState } from './state.js';

/** The prefix every API path lives under. */
export const apiPrefix = '/api/v3';

/** What an Asteril route gets besides the request. */
export interface AsterilContext {
  /** The cabinet. */
  readonly state: AsterilState;
  /** The user the request's key acts as. */
  readonly user: AsterilUser;
}

/** One endpoint of the simulated API. */
export interface AsterilRoute {
  /** The HTTP method; a `POST` writes, so it needs an administrator's key. */
  readonly method: 'GET' | 'POST';
  /** The path under `/api/v3`, e.g. `/clients/:id`. */
  readonly path: string;
  /** Answers the request. */
  readonly handle: (request: SimulatorRequest, context: AsterilContext) => SimulatorReply;
}

/** The key of `Authorization: Bearer {key}` (the scheme in any case), if one was sent. */
export function bearerKeyOf(request: SimulatorRequest): string | undefined {
  const match = /^bearer\s+(\S+)\s*$/i.exec(headerValue(request, 'authorization') ?? '');
  return match?.[1];
}

/**
 * Wraps an Asteril route with the vendor's checks, as a kit route: a known key (else 401), and
 * for a write a key whose user is an administrator (else 403).
 */
export function guardRoute(route: AsterilRoute, state: AsterilState): SimulatorRoute {
  return {
    method: route.method,
    path: `${apiPrefix}${route.path}`,
    handle: (request) => {
      const key = bearerKeyOf(request);
      const user = key === undefined ? undefined : state.userOfKey(key);
      if (user === undefined) return unauthenticated();
      if (route.method !== 'GET' && !user.is_admin) return unauthorized();
      return route.handle(request, { state, user });
    },
  };
}
