import { callSchema } from '@crossline/core';
import { contactSchema, orderSchema, taskSchema } from '@crossline/core/model';
import { phoneLookupSchema } from '@crossline/core/sdk';
import { callEventInputSchema, logCall, sendCallEvent } from './calls.js';
import { findContactByPhone, upsertContact } from './contacts.js';
import { createOrder } from './orders.js';
import { createTask } from './tasks.js';

/** The connector's actions on the canonical model. */
export const retailcrmActions = {
  'contacts.findByPhone': { input: phoneLookupSchema, run: findContactByPhone },
  'contacts.upsert': { input: contactSchema, run: upsertContact },
  'calls.log': { input: callSchema, run: logCall },
  'calls.event': { input: callEventInputSchema, run: sendCallEvent },
  'tasks.create': { input: taskSchema, run: createTask },
  'orders.create': { input: orderSchema, run: createOrder },
};
