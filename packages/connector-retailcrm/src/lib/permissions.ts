/**
 * The methods the integration needs beyond its actions' own (each action declares its
 * `permissions`), in the notation of `GET /api/credentials`: the telephony module (read,
 * register) and the users it links — managers, the admin, user groups, a user and their status —
 * which activation and `verify()` read, and the order status groups. Together with the actions'
 * methods they make the method list of the integration's brief.
 */
export const integrationMethods: readonly string[] = [
  '/api/users',
  '/api/users/{id}',
  '/api/users/{id}/status',
  '/api/user-groups',
  '/api/reference/status-groups',
  '/api/integration-modules/{code}',
  '/api/integration-modules/{code}/edit',
];

/**
 * The scope of a scope-based key that grants each method: `<resource>_read` for reading,
 * `<resource>_write` for creating and editing. The scope names are the vendor's (fact sheet);
 * which scope grants which method is inferred from the names (UNCERTAIN).
 */
const methodScopes: Readonly<Record<string, string>> = {
  '/api/users': 'user_read',
  '/api/users/{id}': 'user_read',
  '/api/users/{id}/status': 'user_write',
  '/api/user-groups': 'user_read',
  '/api/telephony/manager': 'telephony_read',
  '/api/customers': 'customer_read',
  '/api/customers/{externalId}': 'customer_read',
  '/api/customers/create': 'customer_write',
  '/api/customers/history': 'customer_read',
  '/api/customers/{externalId}/edit': 'customer_write',
  '/api/orders': 'order_read',
  '/api/orders/create': 'order_write',
  '/api/tasks': 'task_read',
  '/api/tasks/create': 'task_write',
  '/api/reference/status-groups': 'reference_read',
  '/api/integration-modules/{code}': 'integration_read',
  '/api/integration-modules/{code}/edit': 'integration_write',
  '/api/telephony/call/event': 'telephony_write',
  '/api/telephony/calls/upload': 'telephony_write',
};

/** What a key may do, from `GET /api/credentials`: methods, scopes or both. */
interface KeyRights {
  /** Methods the key lists. */
  readonly credentials: readonly string[];
  /** Scopes the key has. */
  readonly scopes: readonly string[];
}

/** Whether the key may call `method`: listed among its credentials, or granted by a scope. */
export function canCall(rights: KeyRights, method: string): boolean {
  const scope = methodScopes[method];
  return (
    rights.credentials.includes(method) || (scope !== undefined && rights.scopes.includes(scope))
  );
}

/**
 * What the key lacks of the `required` methods, by the vendor's names: the methods themselves
 * for a key that lists methods, the scopes to add for a scope-based key (one that lists no
 * methods), each named once.
 */
export function missingRights(rights: KeyRights, required: readonly string[]): string[] {
  const missing = required.filter((method) => !canCall(rights, method));
  if (rights.credentials.length > 0) return missing;
  return [...new Set(missing.map((method) => methodScopes[method] ?? method))];
}
