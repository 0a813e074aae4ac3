// `npm test` runs the example as a host would (`npm start`): a child process that exits with 0
// only when the CRM simulator holds the customer, the call with its recording and the task.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

describe('examples/call-tracking', () => {
  it('delivers a missed call into the retailCRM simulator and finds it all there', async () => {
    const tsx = fileURLToPath(import.meta.resolve('tsx/cli'));
    const main = fileURLToPath(new URL('./main.ts', import.meta.url));
    // Rejects, with the child's stderr (what the CRM lacks), when it exits with 1. (Node 22
    // writes an ExperimentalWarning for node:sqlite there too.)
    const { stdout } = await run(process.execPath, [tsx, main], { timeout: 60_000 });
    expect(stdout).toContain('ok: customer, call with its recording and call-back task');
  }, 60_000);
});
