import { dateTime, idOf, oneOf, text } from '../body-reader.js';
import type { AsterilRecord, AsterilTask, AsterilTaskType } from '../model.js';
import { externalRecordRoutes } from './external-records.js';

const taskTypes: readonly AsterilTaskType[] = ['missed_call'];

/** `GET /tasks?external_id=`, `POST /tasks`. */
export const taskRoutes = externalRecordRoutes<Omit<AsterilTask, keyof AsterilRecord>>({
  path: '/tasks',
  kind: 'task',
  records: (state) => state.tasks,
  read: (read, state) => ({
    title: read.required('title', text) ?? '',
    description: read.optional('description', text),
    client_id: read.optional('client_id', idOf(state.clients)),
    responsible_id: read.required('responsible_id', idOf(state.users)) ?? 0,
    due_at: read.optional('due_at', dateTime),
    type: read.required('type', oneOf(taskTypes)) ?? 'missed_call',
  }),
});
