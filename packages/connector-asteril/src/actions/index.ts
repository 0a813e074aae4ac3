import type { Call, CallInput, ContactLookup, CrmActions, FoundContact } from '@crossline/core';
import type { Contact, ContactInput, Task, TaskInput } from '@crossline/core/model';
import type { ActionDefinition, InputFor } from '@crossline/core/sdk';
import type { CreatedOnce } from '../lib/create-once.js';
import { createTask } from './create-task.js';
import { findContactByPhone } from './find-contact-by-phone.js';
import { logCall } from './log-call.js';
import { upsertContact } from './upsert-contact.js';

/**
 * What `calls.log` and `tasks.create` resolve with: the record's id at Asteril, and whether it
 * was there already (a redelivery: nothing was created).
 * @inline
 */
type Created = CreatedOnce;

/**
 * The Asteril connector's actions — the CRM capability's (`CrmActions`), which
 * `callTrackingPipeline` needs — by name, with what each takes and resolves with.
 */
export type AsterilActions = {
  /**
   * The one Client with a number, searched in every form a person may have stored it (`GET
   * /clients?phone=` per form); several bind none and are named in a `warning`.
   */
  readonly 'contacts.findByPhone': ActionDefinition<
    unknown,
    unknown,
    {
      /** The number, canonical. */
      readonly phone: string;
    },
    ContactLookup
  > &
    InputFor<CrmActions['contacts.findByPhone']['input']>;
  /**
   * The Client with one of the numbers, or a new one (`POST /clients`) with the name and the
   * UTM tags and extra parameters in text fields (the `fieldMap` option); never a responsible.
   */
  readonly 'contacts.upsert': ActionDefinition<unknown, unknown, Contact, FoundContact> &
    InputFor<ContactInput>;
  /**
   * The call in Interaction → Calls (`POST /calls`) with its recording, bound to its Client,
   * created once under the envelope id; `duplicate` when it was there already.
   */
  readonly 'calls.log': ActionDefinition<unknown, unknown, Call, Created> & InputFor<CallInput>;
  /**
   * A "missed call" Task (`POST /tasks`) for the key's user, bound to the Client, created once
   * under the task's id; `duplicate` when it was there already.
   */
  readonly 'tasks.create': ActionDefinition<unknown, unknown, Task, Created> & InputFor<TaskInput>;
};

/** The connector's actions on the canonical model, one file each. */
export const asterilActions: AsterilActions = {
  'contacts.findByPhone': findContactByPhone,
  'contacts.upsert': upsertContact,
  'calls.log': logCall,
  'tasks.create': createTask,
};
