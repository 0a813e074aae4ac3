import { stop } from '../../kit/reply.js';
import { filterBoolean, filterChoice, filterList, filterValue, paginate } from '../list-query.js';
import type { RetailcrmUser, RetailcrmUserStatus } from '../model-people.js';
import { requiredScalar } from '../parameters.js';
import { entityNotFound, success, validationError } from '../replies.js';
import type { RetailcrmRoute } from '../route.js';
import type { RetailcrmState } from '../state.js';

const statuses: readonly RetailcrmUserStatus[] = ['free', 'busy', 'dinner', 'break'];

/** `GET /users`, `GET /users/{id}`, `POST /users/{id}/status`, `GET /user-groups`. */
export const userRoutes: readonly RetailcrmRoute[] = [
  {
    method: 'GET',
    path: '/users',
    handle: (request, { state }) => {
      const email = filterValue(request, 'email')?.toLowerCase();
      const wanted: Partial<Record<keyof RetailcrmUser, unknown>> = {
        status: filterChoice(request, 'status', statuses),
        online: filterBoolean(request, 'online'),
        active: filterBoolean(request, 'active'),
        isManager: filterBoolean(request, 'isManager'),
        isAdmin: filterBoolean(request, 'isAdmin'),
      };
      const groups = filterList(request, 'groups');
      const users = state.users.filter(
        (user) =>
          Object.entries(wanted).every(
            ([field, value]) => value === undefined || user[field as keyof RetailcrmUser] === value,
          ) &&
          (email === undefined || user.email.toLowerCase().includes(email)) &&
          (groups === undefined || user.groups.some((code) => groups.includes(code))),
      );
      const { page, pagination } = paginate(request, users);
      return success({ pagination, users: page.map((user) => renderUser(state, user)) });
    },
  },
  {
    method: 'GET',
    path: '/users/:id',
    handle: (request, { state }) =>
      success({ user: renderUser(state, userById(state, request.params.id)) }),
  },
  {
    method: 'POST',
    path: '/users/:id/status',
    handle: (request, { state }) => {
      const user = userById(state, request.params.id);
      const status = requiredScalar(request, 'status');
      if (!(statuses as readonly string[]).includes(status)) {
        stop(validationError({ status: 'The value you selected is not a valid choice.' }));
      }
      user.status = status as RetailcrmUserStatus;
      return success();
    },
  },
  {
    method: 'GET',
    path: '/user-groups',
    handle: (request, { state }) => {
      const { page, pagination } = paginate(request, state.userGroups);
      return success({ pagination, groups: page });
    },
  },
];

/** The user with id `id` (a path segment), or a 404 answer. */
export function userById(state: RetailcrmState, id: string | undefined): RetailcrmUser {
  return state.users.find((user) => String(user.id) === id) ?? stop(entityNotFound());
}

/** A user as the API answers it: groups as objects. */
export function renderUser(state: RetailcrmState, user: RetailcrmUser): Record<string, unknown> {
  const groups = user.groups.flatMap((code) => state.userGroups.filter((g) => g.code === code));
  return { ...user, groups };
}
