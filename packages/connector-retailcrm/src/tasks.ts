import { VendorError } from '@crossline/core';
import type { Task } from '@crossline/core/model';
import { lookupCustomer, type RetailcrmActionContext } from './action-context.js';
import type { RetailcrmClient } from './client.js';
import { formatTaskDateTime } from './dates.js';
import { toRetailcrmPhone } from './mappers.js';
import { routeEmployee } from './routing.js';

const adminIds = new WeakMap<RetailcrmClient, Promise<number | undefined>>();

/** The admin's user id (by `adminEmail`, any case), looked up once per client when found. */
function adminId(context: RetailcrmActionContext): Promise<number | undefined> {
  const cached = adminIds.get(context.client);
  if (cached) return cached;
  const email = context.config.adminEmail.toLowerCase();
  const id = context.client
    .listUsers({ filter: { email }, limit: 20 })
    .then(({ users }) => users.find((user) => user.email?.toLowerCase() === email)?.id);
  adminIds.set(context.client, id);
  // Neither a failure nor "no such user" is kept: the next task asks again.
  id.then(
    (found) => found === undefined && adminIds.delete(context.client),
    () => adminIds.delete(context.client),
  );
  return id;
}

/** The customer a task is bound to: the one the pipeline found, or the one with the number. */
async function customerOf(task: Task, context: RetailcrmActionContext) {
  if (task.contactId && /^\d+$/.test(task.contactId)) return { id: Number(task.contactId) };
  if (!task.contactPhone) return undefined;
  const match = await lookupCustomer(context, task.contactPhone);
  return match.status === 'found' ? { id: match.record.id } : undefined;
}

/**
 * `tasks.create`: a task for the routed manager (the senior manager when the assignee is not
 * linked, the admin when there is none), bound to the customer. A task with an `id` is created
 * once: its id is written into the commentary and looked up first — the CRM has no external
 * id for tasks.
 * @throws `VendorError` (not retryable) when no CRM user can take the task
 */
export async function createTask(task: Task, context: RetailcrmActionContext) {
  const { client, config, signal } = context;
  const performerId =
    routeEmployee(task.assignee, config.employees)?.userId ?? (await adminId(context));
  if (performerId === undefined) {
    throw new VendorError(
      `No CRM user for the task: link a senior manager, or check adminEmail (${config.adminEmail})`,
    );
  }
  const marker = task.id ? `[crossline:${task.id}]` : undefined;
  if (marker) {
    const filter = { performers: [performerId], text: task.title };
    for await (const existing of client.iterateTasks(filter, { signal })) {
      if (existing.commentary?.includes(marker)) return { id: existing.id, duplicate: true };
    }
  }
  const customer = await customerOf(task, context);
  const commentary = [task.description, marker].filter(Boolean).join('\n');
  const { id } = await client.createTask(
    {
      text: task.title,
      performerId,
      ...(commentary ? { commentary } : {}),
      ...(task.dueAt ? { datetime: formatTaskDateTime(task.dueAt, config.timeZone) } : {}),
      ...(customer ? { customer } : {}),
      ...(task.contactPhone ? { phone: toRetailcrmPhone(task.contactPhone) } : {}),
    },
    { signal },
  );
  return { id, duplicate: false };
}
