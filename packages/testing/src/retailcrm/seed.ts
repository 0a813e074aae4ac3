import type { RetailcrmUserGroup, RetailcrmUserInput } from './model-people.js';
import type { RetailcrmStatusGroup } from './model-work.js';

/** The default user groups: managers and administrators. */
export const defaultUserGroups: readonly RetailcrmUserGroup[] = [
  group(1, 'Managers', 'managers', true),
  group(2, 'Administrators', 'administrators', false),
];

/**
 * The default users: two active managers (one free, one busy), one manager who has left
 * (inactive) and an administrator who is not a manager.
 */
export const defaultUsers: readonly RetailcrmUserInput[] = [
  {
    id: 1,
    email: 'admin@shop.example',
    firstName: 'Oksana',
    lastName: 'Melnyk',
    position: 'Administrator',
    isAdmin: true,
    groups: ['administrators'],
    online: true,
  },
  {
    id: 7,
    email: 'olena.kovalenko@shop.example',
    firstName: 'Olena',
    lastName: 'Kovalenko',
    position: 'Sales manager',
    online: true,
  },
  {
    id: 8,
    email: 'taras.bondarenko@shop.example',
    firstName: 'Taras',
    lastName: 'Bondarenko',
    position: 'Sales manager',
    status: 'busy',
    online: true,
  },
  {
    id: 9,
    email: 'iryna.shevchenko@shop.example',
    firstName: 'Iryna',
    lastName: 'Shevchenko',
    position: 'Sales manager',
    active: false,
  },
];

/** The default order status groups, keyed by code when answered. */
export const defaultStatusGroups: readonly RetailcrmStatusGroup[] = [
  statusGroup('new', 'New', 10, true, ['new']),
  statusGroup('approval', 'Approval', 20, true, ['availability-confirmed', 'client-confirmed']),
  statusGroup('assembling', 'Assembling', 30, true, ['assembling', 'assembling-complete']),
  statusGroup('delivery', 'Delivery', 40, true, ['send-to-delivery', 'delivering']),
  statusGroup('complete', 'Complete', 50, false, ['complete']),
  statusGroup('cancel', 'Cancelled', 60, false, ['no-call', 'cancel-other']),
];

/** The default order method codes of the account. */
export const defaultOrderMethods: readonly string[] = [
  'phone',
  'shopping-cart',
  'one-click',
  'landing-page',
  'messenger',
];

function group(id: number, name: string, code: string, isManager: boolean): RetailcrmUserGroup {
  return { id, name, code, isManager, isPosManager: false, isDeliveryMen: false };
}

function statusGroup(
  code: string,
  name: string,
  ordering: number,
  process: boolean,
  statuses: string[],
): RetailcrmStatusGroup {
  return { code, name, active: true, ordering, process, statuses };
}
