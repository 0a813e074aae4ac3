import { isPlainObject } from '../kit/json-value.js';
import { type SimulatorReply, stop } from '../kit/reply.js';
import { headerValue, type SimulatorRequest } from '../kit/request.js';
import type { SimulatorMethod, SimulatorRoute } from '../kit/start-simulator-server.js';
import { badRequest, unauthorized } from './replies.js';
import type { ThuliumState } from './state.js';

/** The prefix every API path lives under. */
export const apiPrefix = '/api';

/** What a route gets besides the request. */
export interface ThuliumContext {
  /** The account. */
  readonly state: ThuliumState;
  /** The API user's login. */
  readonly login: string;
  /** The body field of `POST /tickets/:id/comment`. */
  readonly commentField: string;
}

/** One endpoint of the simulated API. */
export interface ThuliumRoute {
  /** The method. */
  readonly method: SimulatorMethod;
  /** The path under `/api`. */
  readonly path: string;
  /** Answers the request. */
  readonly handle: (request: SimulatorRequest, context: ThuliumContext) => SimulatorReply;
}

/** The login and password of `Authorization: Basic …`, if one was sent. */
export function basicCredentials(
  request: SimulatorRequest,
): { login: string; password: string } | undefined {
  const match = /^basic\s+([A-Za-z0-9+/=]+)$/i.exec(headerValue(request, 'authorization') ?? '');
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { login: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** The login a request authenticates as, or undefined (a password with a newline fails). */
export function loginOf(request: SimulatorRequest, state: ThuliumState): string | undefined {
  const credentials = basicCredentials(request);
  if (!credentials) return undefined;
  return state.passwords.get(credentials.password) === credentials.login
    ? credentials.login
    : undefined;
}

/** Wraps a route with Basic auth: an unknown user or password answers 401. */
export function guardRoute(
  route: ThuliumRoute,
  state: ThuliumState,
  commentField: string,
): SimulatorRoute {
  return {
    method: route.method,
    path: `${apiPrefix}${route.path}`,
    handle: (request) => {
      const login = loginOf(request, state);
      if (login === undefined) return unauthorized();
      return route.handle(request, { state, login, commentField });
    },
  };
}

/** The JSON object a write sends (`application/json`); anything else answers 400. */
export function readJsonBody(request: SimulatorRequest): Record<string, unknown> {
  if (request.contentType !== 'application/json') {
    stop(badRequest('The request body must be JSON (Content-Type: application/json).'));
  }
  try {
    const body: unknown = JSON.parse(request.body);
    if (isPlainObject(body)) return body;
  } catch {}
  return stop(badRequest('The request body must be a JSON object.'));
}

/** A path parameter as a positive integer id, else 404 `what`. */
export function idParam(request: SimulatorRequest, name: string): number {
  const id = Number(request.params[name]);
  return Number.isInteger(id) && id > 0 ? id : stop(badRequest(`Invalid ${name}.`));
}

/** A query flag: `1` or `true`. */
export function flag(value: string | readonly string[] | undefined): boolean {
  return value === '1' || value === 'true';
}

/** `limit`/`offset` of a list, `limit` at most `max`. */
export function paging(request: SimulatorRequest, max: number): { limit: number; offset: number } {
  const limit = Number(request.query.limit ?? max);
  const offset = Number(request.query.offset ?? 0);
  if (!Number.isInteger(limit) || limit < 1 || limit > max) {
    stop(badRequest(`limit must be between 1 and ${max}.`));
  }
  if (!Number.isInteger(offset) || offset < 0) stop(badRequest('offset must be 0 or more.'));
  return { limit, offset };
}
