import type { Call, CallInput, CrmActions } from '@crossline/core';
import type { Order, OrderInput, Task, TaskInput } from '@crossline/core/model';
import type {
  ActionDefinition,
  CrmSyncActions,
  ImplementedAction,
  InputFor,
} from '@crossline/core/sdk';
import { createContact } from './create-contact.js';
import { createOrder } from './create-order.js';
import { createTask } from './create-task.js';
import { findContactByPhone } from './find-contact-by-phone.js';
import { getContact } from './get-contact.js';
import { logCall } from './log-call.js';
import { sendCallEvent } from './send-call-event.js';
import { updateContact } from './update-contact.js';
import { upsertContact } from './upsert-contact.js';

/**
 * The retailCRM connector's actions — the CRM capability's (`CrmActions`, which
 * `callTrackingPipeline` needs), the client sync's (`CrmSyncActions`, which
 * `loyaltySyncPipeline` needs), plus call pop-ups and orders — by name, with what each takes
 * and resolves with.
 */
export type RetailcrmActions = {
  /**
   * The one customer of the shop with a number: `GET /telephony/manager` first, then
   * `GET /customers?filter[name]=` with up to `lookupVariants` forms of the number, every hit
   * checked by its stored phones; several bind none and are named in a `warning`.
   */
  readonly 'contacts.findByPhone': ImplementedAction<CrmActions['contacts.findByPhone']>;
  /**
   * The customer with one of the numbers, edited (stored phones kept, only empty fields
   * filled), or a new one (`POST /customers/create`) with the UTM tags as `source` and the
   * custom fields the `customFields` option maps.
   */
  readonly 'contacts.upsert': ImplementedAction<CrmActions['contacts.upsert']>;
  /**
   * The customer by id or `externalId` (`GET /customers/{x}?by=`), with the custom fields the
   * `customFields` option maps read back; `null` when there is none (a client sync's look-up).
   */
  readonly 'contacts.get': ImplementedAction<CrmSyncActions['contacts.get']>;
  /**
   * A new customer (`POST /customers/create`), never matched by phone; `Contact.id` as its
   * `externalId`.
   */
  readonly 'contacts.create': ImplementedAction<CrmSyncActions['contacts.create']>;
  /** Overwrites mapped custom fields of a customer (`POST /customers/{id}/edit?by=id`). */
  readonly 'contacts.update': ImplementedAction<CrmSyncActions['contacts.update']>;
  /**
   * The call in the customer's history (`POST /telephony/calls/upload`) with its recording,
   * routed to the linked manager, under the envelope id — a resend is a `duplicate`.
   */
  readonly 'calls.log': ActionDefinition<
    unknown,
    unknown,
    Call,
    {
      /** The CRM had the call already (a resend): it was not stored twice. */
      readonly duplicate: boolean;
      /** The CRM user the call was routed to; none when no manager is linked. */
      readonly routedTo?: number | undefined;
    }
  > &
    InputFor<CallInput>;
  /**
   * A pop-up for the routed manager (`POST /telephony/call/event`): `in`/`out` when the call
   * rings, `hangup` when it ends; skipped when older than `popupMaxAgeSec`.
   */
  readonly 'calls.event': ActionDefinition<
    unknown,
    unknown,
    {
      /** `start` when it rings, `end` when it is over. */
      readonly phase: 'start' | 'end';
      /** The call. */
      readonly call: Call;
      /** The id the call is logged under. */
      readonly callExternalId?: string | undefined;
    },
    | {
        /** Older than `popupMaxAgeSec`: not sent. */
        readonly skipped: 'stale';
      }
    | {
        /** The CRM took the event. */
        readonly success: true;
        /** Extension codes the CRM does not know. */
        readonly notExistCodes: readonly string[];
        /** User ids the CRM does not know. */
        readonly notExistUsers: readonly (number | string)[];
      }
  > &
    InputFor<{
      /** `start` when it rings, `end` when it is over. */
      readonly phase: 'start' | 'end';
      /** The call, as the host gives it. */
      readonly call: CallInput;
      /**
       * The id the call is (or will be) logged under, linking the pop-up to it.
       * @defaultValue `calls:<call.id>` — the envelope id `callTrackingPipeline` logs it under
       */
      readonly callExternalId?: string | undefined;
    }>;
  /**
   * A missed call's call-back (`POST /tasks/create`) for the routed manager (the senior
   * manager, then the admin), bound to the customer; a task with an id is created once.
   */
  readonly 'tasks.create': ActionDefinition<
    unknown,
    unknown,
    Task,
    {
      /** The task's id in the CRM. */
      readonly id: number;
      /** The task was there already (a resend): not created twice. */
      readonly duplicate: boolean;
    }
  > &
    InputFor<TaskInput>;
  /**
   * An order (`POST /orders/create`) for the customer with its phone, under its id (or the
   * envelope id) as `externalId`, with the `orderMethod` option and UTM as `source`.
   */
  readonly 'orders.create': ActionDefinition<
    unknown,
    unknown,
    Order,
    {
      /** The order's id in the CRM. */
      readonly id: number;
      /** The order was there already (a resend): not created twice. */
      readonly duplicate: boolean;
    }
  > &
    InputFor<OrderInput>;
};

/** The connector's actions on the canonical model, one file each. */
export const retailcrmActions: RetailcrmActions = {
  'contacts.findByPhone': findContactByPhone,
  'contacts.upsert': upsertContact,
  'contacts.get': getContact,
  'contacts.create': createContact,
  'contacts.update': updateContact,
  'calls.log': logCall,
  'calls.event': sendCallEvent,
  'tasks.create': createTask,
  'orders.create': createOrder,
};

/** Every action, for what they need of the key (`verify()`). */
export const actionList = Object.values(retailcrmActions);
