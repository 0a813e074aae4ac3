import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { startLoopbackVendor } from '../__fixtures__/loopback-vendor.js';

const child = fileURLToPath(new URL('../__fixtures__/crash-child.ts', import.meta.url));
const tsx = createRequire(import.meta.url).resolve('tsx');
const directory = mkdtempSync(join(tmpdir(), 'crossline-crash-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const apiKey = 'crash-test-key-1';
const total = 2000;

function host(path: string, url: string): { process: ChildProcess; done: Promise<number | null> } {
  const started = spawn(
    process.execPath,
    ['--import', tsx, child, path, url, apiKey, String(total)],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const done = new Promise<number | null>((resolve) => started.on('exit', (code) => resolve(code)));
  return { process: started, done };
}

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('crash safety', () => {
  // Kill points: while still publishing, early in delivery, late in delivery.
  it.each([150, 900, 1700])(
    'a host killed with SIGKILL after %i deliveries: a new host on the same file delivers every acknowledged call once',
    { timeout: 120_000 },
    async (killAfter) => {
      const vendor = await startLoopbackVendor(apiKey);
      vendor.setFaults({ latencyMs: [1, 4] });
      const path = join(directory, `outbox-${killAfter}.db`);
      try {
        const first = host(path, vendor.url);
        await until(() => vendor.stored.size >= killAfter, 60_000);
        first.process.kill('SIGKILL');
        expect(await first.done).toBe(null); // killed, not exited
        const storedAtKill = vendor.stored.size;
        expect(storedAtKill).toBeLessThan(total);

        const second = host(path, vendor.url);
        expect(await second.done).toBe(0);
        // every call stored exactly once at the vendor, identified by its envelope id
        expect(vendor.stored.size).toBe(total);
        for (let index = 0; index < total; index += 1)
          expect(vendor.stored.has(`calls:call-${index}`)).toBe(true);
        // at-least-once on the wire: only what was in flight at the kill was sent twice
        expect(vendor.requests() - total).toBeLessThanOrEqual(8);
      } finally {
        await vendor.close();
      }
    },
  );
});
