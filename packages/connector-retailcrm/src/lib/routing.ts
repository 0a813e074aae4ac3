import type { EmployeeRef } from '@crossline/core/model';
import type { EmployeeLink } from '../options.js';

/** Who in the CRM gets a call or a task. */
export interface Route {
  /** The CRM user. */
  readonly userId: number;
  /** Their extension, when linked with one. */
  readonly code?: string | undefined;
  /** Whether it went to the senior manager because the employee is not linked. */
  readonly fallback: boolean;
}

/**
 * Routes a host employee to their linked CRM user; a call or task that can't be routed (no
 * employee, or one not linked) goes to the senior manager; `undefined` when there is none.
 */
export function routeEmployee(
  employee: EmployeeRef | undefined,
  links: readonly EmployeeLink[],
): Route | undefined {
  const linked = employee && links.find((link) => link.employeeId === employee.id);
  if (linked) return { userId: linked.userId, code: linked.code, fallback: false };
  const senior = links.find((link) => link.senior);
  return senior ? { userId: senior.userId, code: senior.code, fallback: true } : undefined;
}

/**
 * The host employee linked to the CRM user who handled a call or holds a task — by extension
 * code first, then by user id; `undefined` when nobody linked is.
 */
export function linkedEmployee(
  user: { readonly userId?: number | undefined; readonly code?: string | undefined },
  links: readonly EmployeeLink[],
): string | undefined {
  const byCode =
    user.code === undefined ? undefined : links.find((link) => link.code === user.code);
  const byId = links.find((link) => user.userId !== undefined && link.userId === user.userId);
  return (byCode ?? byId)?.employeeId;
}
