import { describe, expect, it } from 'vitest';
import type { Envelope } from '../replay/replay-store.js';
import { type DeliveryOutcome, Lanes } from './lanes.js';

async function until(condition: () => boolean, timeoutMs = 5_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
  return condition();
}

function envelope(seq: number, key: string, nextAttemptAt = 0): Envelope {
  return {
    id: `p:${seq}`,
    pipelineId: 'p',
    connectorId: 'c',
    eventId: String(seq),
    key,
    occurredAt: 0,
    payload: {},
    seq,
    attempts: 0,
    nextAttemptAt,
    lastError: undefined,
    state: 'pending',
  };
}

describe('Lanes', () => {
  it('retries a key in backoff when its timer fires a little before the clock reaches the due time', async () => {
    let clock = 0; // the pass's clock, moved by hand
    const stored = [envelope(1, 'hung'), envelope(2, 'b')];
    const delivered: number[] = [];
    let release: () => void = () => {};
    const hung = new Promise<DeliveryOutcome>((resolve) => {
      release = () => resolve('next');
    });
    let failedOnce = false;
    const lanes = new Lanes({
      concurrency: 4,
      batchSize: 100,
      now: () => clock,
      mayDeliver: () => true,
      scan: async (after) =>
        stored.filter((item) => item.seq > after && !delivered.includes(item.seq)),
      deliver: async (item) => {
        if (item.key === 'hung') return hung;
        if (!failedOnce) {
          failedOnce = true;
          stored[1] = envelope(2, 'b', 30); // the store's backoff: due at 30
          return { until: 30 };
        }
        delivered.push(item.seq);
        return 'next';
      },
      due: () => {},
    });
    const pass = lanes.run();
    expect(await until(() => failedOnce)).toBe(true);
    clock = 29; // the timer (30 ms) fires while this clock still reads 29…
    await new Promise((resolve) => setTimeout(resolve, 100));
    clock = 30; // …and the clock gets there a moment later
    expect(await until(() => delivered.length > 0)).toBe(true); // not after the hung key
    expect(delivered).toEqual([2]);
    release();
    await pass;
  });
});
