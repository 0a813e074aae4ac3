import { count, dateTime, idOf, link, oneOf, text } from '../body-reader.js';
import type {
  AsterilCall,
  AsterilCallDirection,
  AsterilCallStatus,
  AsterilRecord,
} from '../model.js';
import { externalRecordRoutes } from './external-records.js';

const directions: readonly AsterilCallDirection[] = ['in', 'out'];
const statuses: readonly AsterilCallStatus[] = ['answered', 'missed', 'busy', 'failed'];

/** `GET /calls?external_id=`, `POST /calls`. */
export const callRoutes = externalRecordRoutes<Omit<AsterilCall, keyof AsterilRecord>>({
  path: '/calls',
  kind: 'call',
  records: (state) => state.calls,
  read: (read, state) => ({
    client_id: read.optional('client_id', idOf(state.clients)),
    phone: read.required('phone', text) ?? '',
    direction: read.required('direction', oneOf(directions)) ?? 'in',
    status: read.required('status', oneOf(statuses)) ?? 'answered',
    started_at: read.required('started_at', dateTime) ?? '',
    duration_sec: read.required('duration_sec', count) ?? 0,
    record_url: read.optional('record_url', link),
  }),
});
