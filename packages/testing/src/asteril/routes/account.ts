import { dataReply } from '../replies.js';
import type { AsterilRoute } from '../route.js';

/** `GET /me` (the key's user), `GET /client-fields` (every field, not paged). */
export const accountRoutes: readonly AsterilRoute[] = [
  {
    method: 'GET',
    path: '/me',
    handle: (_request, { user }) => dataReply(user),
  },
  {
    method: 'GET',
    path: '/client-fields',
    handle: (_request, { state }) => dataReply(state.clientFields),
  },
];
