/**
 * The API methods the connector needs, in the notation of `GET /api/credentials`: users
 * (list, get, status), user groups, the telephony manager, customers (list, get, create, edit),
 * orders (list, create), tasks (list, create), status groups, the integration module (get,
 * edit), and the two telephony methods the call log and pop-ups use.
 */
export const requiredMethods: readonly string[] = [
  '/api/users',
  '/api/users/{id}',
  '/api/users/{id}/status',
  '/api/user-groups',
  '/api/telephony/manager',
  '/api/customers',
  '/api/customers/{externalId}',
  '/api/customers/create',
  '/api/customers/{externalId}/edit',
  '/api/orders',
  '/api/orders/create',
  '/api/tasks',
  '/api/tasks/create',
  '/api/reference/status-groups',
  '/api/integration-modules/{code}',
  '/api/integration-modules/{code}/edit',
  '/api/telephony/call/event',
  '/api/telephony/calls/upload',
];
