// A host process for the loyalty-sync crash test: runs `startSyncHost` on a SQLite outbox and
// prints `listening <webhook url>`; on a `finish` line on stdin it reads the `passes` source,
// delivers everything pending, prints `drained` and exits. The test kills one with SIGKILL
// mid-stream and starts another on the same file.
import { createInterface } from 'node:readline';
import { SqliteReplayStore } from '@crossline/core';
import { startSyncHost } from './loyalty-sync-host.js';

const [path = '', settingsJson = '{}'] = process.argv.slice(2);
const settings = JSON.parse(settingsJson);
const store = new SqliteReplayStore({ path, synchronous: 'normal' });
const host = await startSyncHost({ ...settings, store, poll: true });
process.stdout.write(`listening ${host.url}\n`);
for await (const line of createInterface({ input: process.stdin })) {
  if (line.trim() !== 'finish') continue;
  await host.drain();
  process.stdout.write('drained\n');
  await host.close();
  await store.close();
  process.exit(0);
}
