/** A user group (`GET /user-groups`). */
export interface RetailcrmUserGroup {
  /** Group id. */
  id: number;
  /** Display name, e.g. `Managers`. */
  name: string;
  /** Group code, e.g. `managers`. */
  code: string;
  /** Whether members are managers. */
  isManager: boolean;
  /** Whether members are point-of-sale managers. */
  isPosManager: boolean;
  /** Whether members are couriers. */
  isDeliveryMen: boolean;
}

/** A user's work status, set with `POST /users/{id}/status`. */
export type RetailcrmUserStatus = 'free' | 'busy' | 'dinner' | 'break';

/** A CRM user (`GET /users`). Note: no telephony extension here; those live in the module. */
export interface RetailcrmUser {
  /** User id. */
  id: number;
  /** When the user was created, `Y-m-d H:i:s`. */
  createdAt: string;
  /** Whether the user may sign in; inactive users are former staff. */
  active: boolean;
  /** Sign-in email. */
  email: string;
  /** First name. */
  firstName: string;
  /** Last name. */
  lastName: string;
  /** Patronymic. */
  patronymic?: string | undefined;
  /** Job title. */
  position?: string | undefined;
  /** Work phone. */
  phone?: string | undefined;
  /** Work status. */
  status: RetailcrmUserStatus;
  /** Whether the user is signed in now. */
  online: boolean;
  /** Whether the user is an administrator. */
  isAdmin: boolean;
  /** Whether the user is a manager (can own customers and orders). */
  isManager: boolean;
  /** Codes of the user's groups (answered as group objects). */
  groups: string[];
}

/** A seed user for `state.addUser()`: every field optional, sensible defaults filled in. */
export type RetailcrmUserInput = Partial<RetailcrmUser>;

/** One phone number of a customer, stored exactly as it was typed. */
export interface RetailcrmPhone {
  /** The number as typed, e.g. `+38 (067) 123-45-67`. */
  number: string;
}

/** UTM / first-touch data of a customer, order or call. */
export interface RetailcrmUtm {
  /** utm_source. */
  source?: string | undefined;
  /** utm_medium. */
  medium?: string | undefined;
  /** utm_campaign. */
  campaign?: string | undefined;
  /** utm_term. */
  keyword?: string | undefined;
  /** utm_content. */
  content?: string | undefined;
}

/** A customer (`GET /customers`). */
export interface RetailcrmCustomer {
  /** CRM id. */
  id: number;
  /** The id in the system that created it, unique per site. */
  externalId?: string | undefined;
  /** Code of the store (site) the customer belongs to. */
  site: string;
  /** When the customer was created, `Y-m-d H:i:s`. */
  createdAt: string;
  /** First name. */
  firstName?: string | undefined;
  /** Last name. */
  lastName?: string | undefined;
  /** Patronymic. */
  patronymic?: string | undefined;
  /** Email. */
  email?: string | undefined;
  /** Phones, as typed. Sending `phones` on edit replaces the whole list. */
  phones: RetailcrmPhone[];
  /** Id of the responsible manager (a user). */
  managerId?: number | undefined;
  /** Custom fields by code, e.g. `{ ringostat_id: '…' }`. */
  customFields: Record<string, unknown>;
  /** First-touch UTM data. */
  source?: RetailcrmUtm | undefined;
  /** Tag names. */
  tags: string[];
}

/** A seed customer for `state.addCustomer()`: every field optional. */
export type RetailcrmCustomerInput = Partial<RetailcrmCustomer>;

/** One entry of the customers change feed (`GET /customers/history`). */
export interface RetailcrmHistoryEntry {
  /** Entry id, increasing. */
  id: number;
  /** When the change happened, `Y-m-d H:i:s`. */
  createdAt: string;
  /** Set on the entry that records the customer's creation. */
  created?: true | undefined;
  /** Who made the change: through the API, or a user in the CRM. */
  source: 'api' | 'user';
  /** The API key that made an `api` change (answered as `apiKey.current`). */
  apiKey?: string | undefined;
  /** The changed field, snake_case (`first_name`, `phones`); `id` on the creation entry. */
  field: string;
  /** The value before the change. */
  oldValue: unknown;
  /** The value after the change. */
  newValue: unknown;
  /** The customer as it was after the change. */
  customer: RetailcrmCustomer;
}
