import { z } from 'zod';
import { dateTimeSchema, employeeRefSchema, phoneSchema } from './common.js';

/** A to-do for an employee, e.g. "call back" after a missed call. */
export const taskSchema = z.object({
  id: z.string().min(1).optional(),
  title: z.string().min(1),
  description: z.string().optional(),
  dueAt: dateTimeSchema.optional(),
  assignee: employeeRefSchema.optional(),
  /** The contact the task is about, by canonical phone. */
  contactPhone: phoneSchema.optional(),
  /** The call that caused it. */
  callId: z.string().optional(),
});

/** A task as parsed. */
export type Task = z.output<typeof taskSchema>;
/** A task as the host may give it. */
export type TaskInput = z.input<typeof taskSchema>;
