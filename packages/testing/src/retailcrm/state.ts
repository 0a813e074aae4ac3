import { IdSequence } from '../kit/id-sequence.js';
import { insertCustomer } from './customer-store.js';
import { formatDateTime } from './date-time.js';
import type {
  RetailcrmCustomer,
  RetailcrmCustomerInput,
  RetailcrmHistoryEntry,
  RetailcrmUser,
  RetailcrmUserGroup,
  RetailcrmUserInput,
} from './model-people.js';
import type {
  RetailcrmCall,
  RetailcrmCallEvent,
  RetailcrmIntegrationModule,
} from './model-telephony.js';
import type { RetailcrmOrder, RetailcrmStatusGroup, RetailcrmTask } from './model-work.js';
import { defaultOrderMethods, defaultStatusGroups, defaultUserGroups } from './seed.js';

/** What a {@link RetailcrmState} starts with. */
export interface RetailcrmStateOptions {
  /** Store codes of the account. */
  sites: readonly string[];
  /** Seed users. */
  users: readonly RetailcrmUserInput[];
  /** User groups. @defaultValue Managers and Administrators */
  userGroups?: readonly RetailcrmUserGroup[] | undefined;
}

/**
 * Everything the simulated retailCRM account holds. Tests read it to assert what a connector
 * did, and seed it with {@link RetailcrmState.addUser} and {@link RetailcrmState.addCustomer}.
 */
export class RetailcrmState {
  /** Store (site) codes of the account. */
  readonly sites: string[];
  /** User groups. */
  readonly userGroups: RetailcrmUserGroup[];
  /** Users. */
  readonly users: RetailcrmUser[] = [];
  /** Customers, oldest first. */
  readonly customers: RetailcrmCustomer[] = [];
  /** The customers change feed, oldest first. */
  readonly customerHistory: RetailcrmHistoryEntry[] = [];
  /** Orders, oldest first. */
  readonly orders: RetailcrmOrder[] = [];
  /** Tasks, oldest first. */
  readonly tasks: RetailcrmTask[] = [];
  /** The uploaded call log, duplicates left out. */
  readonly calls: RetailcrmCall[] = [];
  /** Call events received, oldest first. */
  readonly callEvents: RetailcrmCallEvent[] = [];
  /** Integration modules by code. */
  readonly integrationModules = new Map<string, RetailcrmIntegrationModule>();
  /** Order status groups by code. */
  readonly statusGroups: Map<string, RetailcrmStatusGroup>;
  /** Order method codes of the account. */
  readonly orderMethods: string[] = [...defaultOrderMethods];
  /** How many requests the rate limit answered with 503 (injected failures not counted). */
  throttled = 0;
  readonly #ids = new IdSequence('retailCRM');

  /** @param options - the stores, seed users and groups */
  constructor(options: RetailcrmStateOptions) {
    this.sites = [...options.sites];
    this.userGroups = (options.userGroups ?? defaultUserGroups).map((group) => ({ ...group }));
    this.statusGroups = new Map(defaultStatusGroups.map((group) => [group.code, { ...group }]));
    for (const user of options.users) this.addUser(user);
  }

  /**
   * Adds a user. Missing fields get defaults: active, status `free`, in the Managers group
   * (none for an admin), `isManager` from the groups.
   */
  addUser(input: RetailcrmUserInput = {}): RetailcrmUser {
    const id = this.nextId('user', input.id);
    const groups = [...(input.groups ?? (input.isAdmin ? [] : ['managers']))];
    const managerGroup = (code: string) =>
      this.userGroups.some((group) => group.code === code && group.isManager);
    const user: RetailcrmUser = {
      id,
      createdAt: input.createdAt ?? formatDateTime(),
      active: input.active ?? true,
      email: input.email ?? `user${id}@shop.example`,
      firstName: input.firstName ?? 'User',
      lastName: input.lastName ?? String(id),
      patronymic: input.patronymic,
      position: input.position,
      phone: input.phone,
      status: input.status ?? 'free',
      online: input.online ?? false,
      isAdmin: input.isAdmin ?? false,
      isManager: input.isManager ?? groups.some(managerGroup),
      groups,
    };
    this.users.push(user);
    return user;
  }

  /**
   * Adds a customer as if a user created it in the CRM (a `user` entry in the change feed).
   * Phones are stored exactly as given, e.g. `+38 (067) 123-45-67`. The site defaults to the
   * first store.
   */
  addCustomer(input: RetailcrmCustomerInput = {}): RetailcrmCustomer {
    return insertCustomer(this, input, undefined);
  }

  /**
   * Allocates the next id of `kind`, or takes `wanted` when given (it must be unused).
   * @internal
   */
  nextId(kind: string, wanted?: number): number {
    return this.#ids.next(kind, wanted, (id) => this.#taken(kind, id));
  }

  #taken(kind: string, id: number): boolean {
    const lists: Record<string, readonly { id: number }[]> = {
      user: this.users,
      customer: this.customers,
      order: this.orders,
      task: this.tasks,
      history: this.customerHistory,
    };
    return (lists[kind] ?? []).some((item) => item.id === id);
  }
}
