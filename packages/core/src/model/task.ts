import { z } from 'zod';
import { dateTimeSchema, employeeRefSchema, phoneSchema } from './common.js';

/** A to-do for an employee, e.g. "call back" after a missed call. */
export const taskSchema = z.object({
  /** The host's id of the task. */
  id: z.string().min(1).optional(),
  /** What to do, e.g. "Missed call: call back". */
  title: z.string().min(1),
  /** Details. */
  description: z.string().optional(),
  /** When it is due. */
  dueAt: dateTimeSchema.optional(),
  /** Who should do it (a host employee); the connector maps it to a vendor user. */
  assignee: employeeRefSchema.optional(),
  /** The contact the task is about, by canonical phone. */
  contactPhone: phoneSchema.optional(),
  /** The call that caused it. */
  callId: z.string().optional(),
  /**
   * The destination CRM's id of the contact, when a pipeline step found it: the connector
   * binds the task to it instead of looking `contactPhone` up again.
   */
  contactId: z.string().min(1).optional(),
});

/** A task as parsed. */
export type Task = z.output<typeof taskSchema>;
/** A task as the host may give it. */
export type TaskInput = z.input<typeof taskSchema>;
