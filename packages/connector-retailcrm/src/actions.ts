import {
  callSchema,
  contactSchema,
  orderSchema,
  phoneLookupSchema,
  taskSchema,
} from '@crossline/core';
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
