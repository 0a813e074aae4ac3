import { type Task, taskSchema } from '@crossline/core/model';
import type { ActionDefinition } from '@crossline/core/sdk';
import type { AsterilApi } from '../api.js';
import { type AsterilContext, boundClientId } from '../lib/clients.js';
import { type CreatedOnce, createdOnceSchema, createOnce } from '../lib/create-once.js';
import { taskMapper } from '../mapping.js';
import type { AsterilConfig } from '../options.js';

/** How long the key's user id is remembered (emptied sooner by `configure()`). */
const responsibleMs = 60 * 60_000;

/** The id of the key's user — the manager who set the integration up — asked once an hour. */
function responsibleId(context: AsterilContext): Promise<number> {
  return context.memory.remember(
    'asteril:responsible',
    responsibleMs,
    async () => (await context.client.me({ signal: context.signal })).id,
  );
}

/**
 * `tasks.create`: a "missed call" Task for the manager whose key set the integration up (the
 * task's `assignee` is not used: that is the vendor's rule), bound to the Client — the one the
 * pipeline found, or the one with `contactPhone`; several Clients with the number bind none,
 * with a `warning`. Created once under the task's id (or the envelope id).
 */
export const createTask = {
  input: taskSchema,
  output: createdOnceSchema,
  permissions: ['GET /me', 'GET /clients', 'GET /tasks', 'POST /tasks'],
  run: async (task, context) => {
    const { client, config, signal } = context;
    const externalId = task.id ?? context.envelopeId;
    const responsible = await responsibleId(context);
    const found = { contactId: task.contactId, phone: task.contactPhone };
    const clientId = await boundClientId(context, found, 'task');
    const mapping = {
      externalId,
      clientId,
      responsibleId: responsible,
      type: config.api.missedCallTaskType,
    };
    return createOnce(
      () => client.findTask(externalId, { signal }),
      () => client.createTask(taskMapper.toVendor(task, mapping), { signal }),
    );
  },
} satisfies ActionDefinition<AsterilConfig, AsterilApi, Task, CreatedOnce>;
