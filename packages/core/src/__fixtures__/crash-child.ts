// A host process for the crash-safety test: publishes calls 0..count-1 into a SQLite outbox
// (the default `synchronous: full`), printing `acked <i>` as each publish resolves, and
// delivers them to the loopback vendor. The test kills it with SIGKILL at chosen moments and
// starts it again on the same file with count 0: the restarted host publishes nothing and only
// delivers what the outbox holds — so every acknowledged call must be in it.

import { callSchema } from '../model/call.js';
import { createHub } from '../pipeline/hub.js';
import { MemoryReplayStore } from '../replay/memory-replay-store.js';
import { SqliteReplayStore } from '../replay/sqlite-replay-store.js';
import { testCrm } from './test-connector.js';

const [path = '', url = '', apiKey = '', countText = '0'] = process.argv.slice(2);
const count = Number(countText);
const store =
  path === ':memory:'
    ? new MemoryReplayStore()
    : new SqliteReplayStore({ path, synchronous: 'normal' });
// A generous timeout: a POST timed out on a loaded machine would be sent again, and the test
// counts what was sent twice.
const connector = testCrm({ id: 'crm', baseUrl: url, apiKey, timeoutMs: 30_000 });
const hub = createHub({ store, concurrency: 4, retry: { baseDelayMs: 10, maxDelayMs: 100 } });
hub.register(connector).pipeline({
  id: 'calls',
  input: callSchema,
  eventId: (call) => call.id,
  key: (call) => call.from,
  to: { connector: 'crm', action: 'calls.log' },
});
await hub.start();
await connector.activate({ replay: true });
for (let index = 0; index < count; index += 1) {
  await hub.publish('calls', {
    id: `call-${index}`,
    direction: 'incoming',
    result: 'answered',
    from: `38067${String(1_000_000 + (index % 50)).slice(-7)}`,
    to: '380441112233',
    startedAt: new Date().toISOString(),
  });
  process.stdout.write(`acked ${index}\n`);
}
for (;;) {
  await hub.idle();
  const pending = await hub.pending();
  if (Object.keys(pending).length === 0) break;
  await new Promise((resolve) => setTimeout(resolve, 20));
}
process.stdout.write('drained\n');
await hub.stop();
await store.close();
