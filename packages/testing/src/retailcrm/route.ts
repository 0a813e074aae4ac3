import type { KeyRing } from '../kit/key-ring.js';
import { lastValue } from '../kit/params.js';
import type { SimulatorReply } from '../kit/reply.js';
import { headerValue, type SimulatorRequest } from '../kit/request.js';
import type { SimulatorRoute } from '../kit/start-simulator-server.js';
import type { KeyGrant } from './key-ring.js';
import { applyQuirks, type RetailcrmQuirks } from './quirks.js';
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

/** The resource of each scope, by the first segment of a route's path. */
const scopeResources: Readonly<Record<string, string>> = {
  users: 'user',
  'user-groups': 'user',
  customers: 'customer',
  orders: 'order',
  tasks: 'task',
  reference: 'reference',
  'integration-modules': 'integration',
  telephony: 'telephony',
};

/**
 * The scope that grants a route: `<resource>_read` for a GET, `<resource>_write` for a POST
 * (`customer_read` for `GET /customers`, `telephony_write` for `POST /telephony/calls/upload`);
 * `undefined` for the unchecked service methods.
 */
export function scopeOf(route: RetailcrmRoute): string | undefined {
  if (route.checked === false) return undefined;
  const resource = scopeResources[route.path.split('/')[1] ?? ''];
  if (resource === undefined) return undefined;
  return `${resource}_${route.method === 'GET' ? 'read' : 'write'}`;
}

/** The API key a request carries: the `X-API-KEY` header, else an `apiKey` query or form field. */
export function apiKeyOf(request: SimulatorRequest): string | undefined {
  const key =
    headerValue(request, 'x-api-key') ??
    lastValue(request.query, 'apiKey') ??
    lastValue(request.form, 'apiKey');
  return key === '' ? undefined : key;
}

/**
 * Wraps a retailCRM route with the vendor's key checks, as a kit route: the key's credentials
 * must list the method, or its scopes include the one that grants it. Successful answers are
 * given the account's `quirks`.
 */
export function guardRoute(
  route: RetailcrmRoute,
  keys: KeyRing<KeyGrant>,
  state: RetailcrmState,
  portal: { readonly url: string },
  quirks: RetailcrmQuirks = {},
): SimulatorRoute {
  const credential = credentialOf(route);
  const scope = scopeOf(route);
  return {
    method: route.method,
    path: fullPath(route),
    handle: (request) => {
      const apiKey = apiKeyOf(request);
      if (apiKey === undefined) return failure(403, '"apiKey" is missing.');
      const grant = keys.grant(apiKey);
      if (grant === undefined) return failure(403, 'Wrong "apiKey" value.');
      const granted =
        grant.credentials.has(credential) || (scope !== undefined && grant.scopes.includes(scope));
      if (route.checked !== false && !granted) return failure(403, 'Access denied.');
      const reply = route.handle(request, { state, apiKey, grant, url: portal.url });
      return applyQuirks(reply, quirks, route.path);
    },
  };
}
