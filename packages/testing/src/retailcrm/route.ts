import type { KeyRing } from '../kit/key-ring.js';
import { lastValue } from '../kit/params.js';
import type { SimulatorReply } from '../kit/reply.js';
import { headerValue, type SimulatorRequest } from '../kit/request.js';
import type { SimulatorRoute } from '../kit/start-simulator-server.js';
import type { KeyGrant } from './key-ring.js';
import { failure } from './replies.js';
import type { RetailcrmState } from './state.js';

/** What a retailCRM route gets besides the request. */
export interface RetailcrmContext {
  /** The account. */
  readonly state: RetailcrmState;
  /** The key that made the request. */
  readonly apiKey: string;
  /** That key's permissions. */
  readonly grant: KeyGrant;
  /** The portal origin, for links in answers. */
  readonly url: string;
}

/** One method of the simulated API. */
export interface RetailcrmRoute {
  /** The HTTP method. */
  readonly method: 'GET' | 'POST';
  /** The path under `/api/v5` (e.g. `/customers/:externalId/edit`), or a full `/api/...` path. */
  readonly path: string;
  /** Whether the key's credentials must list this method. @defaultValue true */
  readonly checked?: boolean | undefined;
  /** Answers the request. */
  readonly handle: (request: SimulatorRequest, context: RetailcrmContext) => SimulatorReply;
}

/** The full path of a route: `/api/v5/…` unless it is an unversioned `/api/…` path. */
export function fullPath(route: RetailcrmRoute): string {
  return route.path.startsWith('/api/') ? route.path : `/api/v5${route.path}`;
}

/** The route's name in the vendor's credential notation, e.g. `/api/customers/{externalId}/edit`. */
export function credentialOf(route: RetailcrmRoute): string {
  return `/api${route.path.replace(/^\/api/, '')}`.replace(/:(\w+)/g, '{$1}');
}

/** The API key a request carries: the `X-API-KEY` header, else an `apiKey` query or form field. */
export function apiKeyOf(request: SimulatorRequest): string | undefined {
  const key =
    headerValue(request, 'x-api-key') ??
    lastValue(request.query, 'apiKey') ??
    lastValue(request.form, 'apiKey');
  return key === '' ? undefined : key;
}

/** Wraps a retailCRM route with the vendor's key checks, as a kit route. */
export function guardRoute(
  route: RetailcrmRoute,
  keys: KeyRing<KeyGrant>,
  state: RetailcrmState,
  portal: { readonly url: string },
): SimulatorRoute {
  const credential = credentialOf(route);
  return {
    method: route.method,
    path: fullPath(route),
    handle: (request) => {
      const apiKey = apiKeyOf(request);
      if (apiKey === undefined) return failure(403, '"apiKey" is missing.');
      const grant = keys.grant(apiKey);
      if (grant === undefined) return failure(403, 'Wrong "apiKey" value.');
      if (route.checked !== false && !grant.credentials.has(credential)) {
        return failure(403, 'Access denied.');
      }
      return route.handle(request, { state, apiKey, grant, url: portal.url });
    },
  };
}
