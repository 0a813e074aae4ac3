import { createHub, MemoryReplayStore } from '@crossline/core';
import { defineConnector } from '@crossline/core/sdk';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type TeycaPassEvent, teycaPassEventSchema } from './events.js';
import { createTeycaWebhookHandler } from './webhook.js';

/** What the platform holds now: each delivery "re-fetches" it. */
const pass = { version: 1 };

/** A consumer that re-reads the pass at delivery, as the loyalty sync does. */
const consumer = defineConnector({
  vendor: 'pass-reader',
  configSchema: z.object({ label: z.string().optional() }),
  createClient: () => pass,
  verify: async () => ({
    reachable: true,
    credentialsValid: true,
    missingPermissions: [],
    problems: [],
  }),
  actions: {
    read: {
      input: teycaPassEventSchema,
      run: async (_event: TeycaPassEvent, { client }: { client: typeof pass }) => {
        reads.push(client.version);
        return {};
      },
    },
  },
});

const reads: number[] = [];
let stop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stop?.();
  reads.length = 0;
});

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  return condition();
}

describe('a burst of UPDATEs through the inlet and the Hub', () => {
  it('reads the change of an UPDATE that came after the bucket’s first two were delivered', {
    timeout: 30_000,
  }, async () => {
    const connector = consumer({ id: 'reader' });
    const hub = createHub({ store: new MemoryReplayStore() });
    stop = () => hub.stop({ graceMs: 50 });
    const passes = hub.register(connector).pipeline({
      id: 'passes',
      input: teycaPassEventSchema,
      eventId: (event) => event.id,
      key: (event) => event.userId,
      notBefore: (event) => event.notBefore,
      to: { connector: 'reader', action: 'read' },
    });
    await hub.start();
    await connector.activate();
    const received = Date.now(); // every UPDATE lands in one 300 ms bucket
    const inlet = createTeycaWebhookHandler({
      publish: (event) => passes.publish(event),
      coalesceMs: 300,
      now: () => received,
    });
    const update = JSON.stringify({ type: 'UPDATE', pass: { user_id: 7 } });
    pass.version = 1;
    await inlet(update, {});
    expect(await until(() => reads.length === 1)).toBe(true);
    await inlet(update, {}); // a repeat: the follow-up, held until the bucket is over
    await hub.idle();
    pass.version = 2; // a change, then its UPDATE, after both envelopes exist
    await inlet(update, {});
    expect(await until(() => reads.length === 2)).toBe(true);
    expect(reads).toEqual([1, 2]); // the follow-up read the last change
    await hub.idle();
    expect(await hub.pending()).toEqual({});
  });
});
