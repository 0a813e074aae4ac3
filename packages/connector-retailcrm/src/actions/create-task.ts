import { VendorError } from '@crossline/core';
import { type Task, taskSchema } from '@crossline/core/model';
import type { ActionDefinition } from '@crossline/core/sdk';
import { z } from 'zod';
import type { RetailcrmApi } from '../api.js';
import { crmKit, type RetailcrmActionContext, searchMethods } from '../lib/crm-kit.js';
import { routeEmployee } from '../lib/routing.js';
import { taskMapper, taskMarker } from '../mapping.js';
import type { RetailcrmConfig } from '../options.js';

/** How long the admin's user id is remembered once found: an hour. */
const adminIdTtlMs = 3_600_000;

/** What `tasks.create` resolves with. */
const createdTaskSchema = z.object({
  /** The task's id in the CRM. */
  id: z.number(),
  /** The task was there already (a resend): not created twice. */
  duplicate: z.boolean(),
});

/**
 * The admin's user id (by `adminEmail`, any case), remembered in the connector's memory when
 * found; neither a failure nor "no such user" is remembered: the next task asks again.
 */
function adminId(context: RetailcrmActionContext): Promise<number | undefined> {
  const { client, config, memory, signal } = context;
  const email = config.adminEmail.toLowerCase();
  return memory.remember(`retailcrm:admin-id:${email}`, adminIdTtlMs, async () => {
    const { users } = await client.listUsers({ filter: { email }, limit: 20 }, { signal });
    return users.find((user) => user.email?.toLowerCase() === email)?.id;
  });
}

/** The customer a task is bound to: the one the pipeline found, or the one with the number. */
async function customerOf(task: Task, context: RetailcrmActionContext) {
  if (task.contactId && /^\d+$/.test(task.contactId)) return Number(task.contactId);
  if (!task.contactPhone) return undefined;
  return (await crmKit.bind(context, task.contactPhone, 'task'))?.id;
}

/**
 * `tasks.create`: a task for the routed manager (the senior manager when the assignee is not
 * linked, the admin when there is none), bound to the customer. A task with an `id` is created
 * once: its id is written into the commentary and looked up first — the CRM has no external
 * id for tasks.
 * @throws `VendorError` (not retryable) when no CRM user can take the task
 */
export const createTask = {
  input: taskSchema,
  output: createdTaskSchema,
  permissions: ['/api/users', '/api/tasks', '/api/tasks/create', ...searchMethods],
  run: async (task, context) => {
    const { client, config, signal } = context;
    const performerId =
      routeEmployee(task.assignee, config.employees)?.userId ?? (await adminId(context));
    if (performerId === undefined) {
      throw new VendorError(
        `No CRM user for the task: link a senior manager, or check adminEmail (${config.adminEmail})`,
      );
    }
    if (task.id) {
      const marker = taskMarker(task.id);
      const filter = { performers: [performerId], text: task.title };
      for await (const existing of client.iterateTasks(filter, { signal })) {
        if (existing.commentary?.includes(marker)) return { id: existing.id, duplicate: true };
      }
    }
    const customerId = await customerOf(task, context);
    const payload = taskMapper.toVendor(task, { options: config, performerId, customerId });
    const { id } = await client.createTask(payload, { signal });
    return { id, duplicate: false };
  },
} satisfies ActionDefinition<
  RetailcrmConfig,
  RetailcrmApi,
  Task,
  z.output<typeof createdTaskSchema>
>;
