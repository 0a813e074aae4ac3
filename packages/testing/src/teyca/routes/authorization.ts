import { randomApiKey } from '../../kit/key-ring.js';
import { jsonBody } from '../json-body.js';
import { ok } from '../replies.js';
import type { TeycaRoute } from '../route.js';

/** Tokens, with the main key only (no token in the path): list, create, delete by identifier. */
export function authorizationRoutes(): TeycaRoute[] {
  return [
    {
      method: 'GET',
      path: '/authorization',
      handle: (_request, { state }) =>
        ok(
          [...state.tokens.values()].map(({ token, identifier, blocked }) => ({
            token,
            identifier,
            blocked,
          })),
        ),
    },
    {
      method: 'POST',
      path: '/authorization',
      handle: (request, { state, replies }) => {
        const { identifier } = jsonBody(request, replies);
        if (typeof identifier !== 'string' || identifier.trim() === '') {
          return replies.error(400, 'identifier is required');
        }
        const token = randomApiKey();
        state.tokens.set(token, { token, identifier, blocked: false });
        return ok({ token, identifier });
      },
    },
    {
      method: 'DELETE',
      path: '/authorization',
      handle: (request, { state, replies }) => {
        const { identifier } = jsonBody(request, replies);
        const found = [...state.tokens.values()].find((token) => token.identifier === identifier);
        if (found === undefined) return replies.error(404, 'Token not found');
        state.tokens.delete(found.token);
        return ok({ identifier });
      },
    },
  ];
}
