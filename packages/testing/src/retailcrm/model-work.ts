import type { RetailcrmUtm } from './model-people.js';

/** An order (`GET /orders`). */
export interface RetailcrmOrder {
  /** CRM id. */
  id: number;
  /** Order number as shown in the CRM, e.g. `12A`. */
  number: string;
  /** The id in the system that created it. */
  externalId?: string | undefined;
  /** Store code. */
  site: string;
  /** Status code, `new` on creation. */
  status: string;
  /** When the order was created, `Y-m-d H:i:s`. */
  createdAt: string;
  /** Order method code from the account's reference list, e.g. `phone`. */
  orderMethod?: string | undefined;
  /** Contact phone, as typed. */
  phone?: string | undefined;
  /** Second contact phone. */
  additionalPhone?: string | undefined;
  /** Contact first name. */
  firstName?: string | undefined;
  /** Contact last name. */
  lastName?: string | undefined;
  /** Contact email. */
  email?: string | undefined;
  /** The customer the order belongs to. */
  customer: {
    /** Customer id. */
    id: number;
    /** Customer external id. */
    externalId?: string | undefined;
  };
  /** Whether the order came from a call. */
  call?: boolean | undefined;
  /** Responsible manager (user id). */
  managerId?: number | undefined;
  /** UTM data. */
  source?: RetailcrmUtm | undefined;
  /** Custom fields by code. */
  customFields: Record<string, unknown>;
  /** The customer's comment. */
  customerComment?: string | undefined;
  /** The manager's comment. */
  managerComment?: string | undefined;
}

/** A task (`GET /tasks`). */
export interface RetailcrmTask {
  /** CRM id. */
  id: number;
  /** Title. */
  text: string;
  /** Longer description. */
  commentary?: string | undefined;
  /** Due date-time, `Y-m-d H:i` (no seconds). */
  datetime?: string | undefined;
  /** The user who must do it. */
  performerId: number;
  /** Whether it is done. */
  complete: boolean;
  /** When the task was created, `Y-m-d H:i:s`. */
  createdAt: string;
  /** When the task was completed, `Y-m-d H:i:s`. */
  completedAt?: string | undefined;
  /** The customer it is about. */
  customer?:
    | {
        /** Customer id. */
        id: number;
        /** Customer external id. */
        externalId?: string | undefined;
        /** Customer's store code. */
        site: string;
      }
    | undefined;
  /** The order it is about. */
  order?:
    | {
        /** Order id. */
        id: number;
        /** Order number. */
        number: string;
        /** Order external id. */
        externalId?: string | undefined;
      }
    | undefined;
  /** A phone to call. */
  phone?: string | undefined;
  /** Store code of that phone. */
  phoneSite?: string | undefined;
}

/** An order status group (`GET /reference/status-groups`, answered keyed by code). */
export interface RetailcrmStatusGroup {
  /** Display name. */
  name: string;
  /** Group code. */
  code: string;
  /** Whether the group is in use. */
  active: boolean;
  /** Sort position. */
  ordering: number;
  /** Whether orders in this group are still being worked on. */
  process: boolean;
  /** Codes of the statuses in the group. */
  statuses: string[];
}
