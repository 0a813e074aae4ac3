import { success } from '../replies.js';
import type { RetailcrmRoute } from '../route.js';

/** `GET /reference/status-groups`, `GET /api/credentials`, `GET /api/api-versions`. */
export const referenceRoutes: readonly RetailcrmRoute[] = [
  {
    method: 'GET',
    path: '/reference/status-groups',
    // An object keyed by code, not an array.
    handle: (_request, { state }) =>
      success({ statusGroups: Object.fromEntries(state.statusGroups) }),
  },
  {
    method: 'GET',
    path: '/api/credentials',
    checked: false,
    handle: (_request, { state, grant }) =>
      success({
        scopes: [...grant.scopes],
        credentials: [...grant.credentials],
        siteAccess: 'access_full',
        sitesAvailable: [...state.sites],
      }),
  },
  {
    method: 'GET',
    path: '/api/api-versions',
    checked: false,
    handle: () => success({ versions: ['3.0', '4.0', '5.0'] }),
  },
];
