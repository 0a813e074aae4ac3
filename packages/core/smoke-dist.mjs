// Runs the built package the way a user's code does: every runtime import must resolve
// (a bundler once rewrote `node:sqlite` to `sqlite`, which does not exist).
import { createHub, normalizePhone, SqliteReplayStore } from './dist/index.js';

const store = new SqliteReplayStore({ path: ':memory:' });
const hub = createHub({ store });
if (normalizePhone('+38 (067) 123-45-67') !== '380671234567') throw new Error('normalizePhone');
await store.append([
  {
    id: 'p:e',
    pipelineId: 'p',
    connectorId: 'c',
    eventId: 'e',
    key: 'k',
    occurredAt: 0,
    payload: {},
  },
]);
if ((await hub.pending()).c !== 1) throw new Error('SqliteReplayStore');
await store.close();
console.log('dist smoke test: ok');
