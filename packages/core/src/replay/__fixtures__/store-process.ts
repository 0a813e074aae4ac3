// A second process on an outbox file, for the storage tests (run with `--import tsx`):
//   hold <path>  opens a SqliteReplayStore, prints `ready <pid>`, and keeps it open until its
//                stdin closes (or it is killed);
//   open <path>  opens a store, appends one envelope, and prints what happened as one JSON
//                line: `{ "opened": …, "appended": …, "error": { name, code, reason, message } }`.

import { SqliteReplayStore } from '../sqlite-replay-store.js';

const [mode = '', path = ''] = process.argv.slice(2);

function describe(error: unknown): Record<string, unknown> {
  const { name, message, code, reason } = error as Record<string, unknown>;
  return { name, message, code, reason };
}

if (mode === 'hold') {
  const store = new SqliteReplayStore({ path });
  process.stdout.write(`ready ${process.pid}\n`);
  process.stdin.resume();
  process.stdin.on('end', () => void store.close().then(() => process.exit(0)));
} else {
  const outcome: Record<string, unknown> = { opened: false, appended: false };
  try {
    const store = new SqliteReplayStore({ path });
    outcome.opened = true;
    await store.append([
      {
        id: 'calls:child',
        pipelineId: 'calls',
        connectorId: 'crm',
        eventId: 'child',
        key: 'k',
        occurredAt: 1_000,
        payload: {},
      },
    ]);
    outcome.appended = true;
    await store.close();
  } catch (error) {
    outcome.error = describe(error);
  }
  process.stdout.write(`${JSON.stringify(outcome)}\n`);
}
