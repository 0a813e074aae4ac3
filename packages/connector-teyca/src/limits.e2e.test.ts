import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { connectorFor, simulator } from './__fixtures__/simulator.js';

/** Teyca's default windows, as the simulator counts them (arrivals, sliding). */
const windows = [
  { name: 'second', limit: 5, windowMs: 1000 },
  { name: 'minute', limit: 50, windowMs: 60_000 },
  { name: 'hour', limit: 500, windowMs: 3_600_000 },
  { name: 'day', limit: 5000, windowMs: 86_400_000 },
] as const;

/** The simulated run whose fill is measured. */
const runMs = 600_000;

/**
 * How long the callers keep pushing after it: over ten minutes the minute window alone allows
 * the hour's 500, so only the eleventh minute shows whether the hour window holds.
 */
const overtimeMs = 120_000;

/** Callers hammering the connector at once. */
const callers = 8;

/**
 * Each way's simulated travel, ms. The spread of the outbound leg (10 ms) stays within what the
 * limiter's safety margin covers on the 1-second window (1.5 %, 15 ms): an arrival's lateness
 * that no round trip shows. Wider spreads (5–40 ms) put a 6th request into one second.
 */
const travelMs = [10, 20] as const;

/** The most arrivals found in any half-open window of `windowMs`. */
function maxInWindow(arrivals: readonly number[], windowMs: number): number {
  const sorted = [...arrivals].sort((a, b) => a - b);
  let most = 0;
  let first = 0;
  for (let last = 0; last < sorted.length; last += 1) {
    while ((sorted[last] as number) - (sorted[first] as number) >= windowMs) first += 1;
    most = Math.max(most, last - first + 1);
  }
  return most;
}

/** A seeded pseudo-random source (mulberry32): the same run every time. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * Wraps `fetch` so each request travels a simulated while each way (`travelMs`, drawn from a
 * seeded source): it arrives somewhere between its start and its answer, as over a real network.
 * The loopback exchange itself is counted in flight, so the simulated clock waits for it.
 */
function travellingFetch(travelMs: readonly [number, number]): { readonly inFlight: () => number } {
  const real = globalThis.fetch;
  const random = seeded(12);
  const travel = () =>
    new Promise((resolve) =>
      setTimeout(resolve, travelMs[0] + Math.floor(random() * (travelMs[1] - travelMs[0]))),
    );
  let inFlight = 0;
  vi.stubGlobal('fetch', async (...args: Parameters<typeof fetch>) => {
    await travel();
    inFlight += 1;
    let answer: Response;
    try {
      const sent = await real(...args);
      answer = new Response(await sent.arrayBuffer(), sent);
    } finally {
      inFlight -= 1;
    }
    await travel();
    return answer;
  });
  return { inFlight: () => inFlight };
}

/** A real turn of the event loop (setImmediate is not faked). */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Moves the simulated clock timer by timer up to `until`, waiting out real I/O in between. */
async function runClockUntil(until: number, inFlight: () => number): Promise<void> {
  while (Date.now() < until) {
    await turn();
    if (inFlight() > 0) continue;
    await turn();
    if (inFlight() > 0) continue;
    await vi.advanceTimersToNextTimerAsync();
  }
}

describe('Teyca limits, end to end against the simulator', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0, toFake: ['setTimeout', 'clearTimeout', 'Date', 'performance'] });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('a 10-minute run at full speed fills the binding window to >= 0.95, and no window is ever exceeded nor a request refused', async () => {
    const sim = await simulator({ now: () => Date.now() });
    const pass = sim.installCard({ phone: '79001234567', first_name: 'Anna' });
    const { inFlight } = travellingFetch(travelMs);
    const teyca = connectorFor(sim);
    const stop = new AbortController();
    const failures: unknown[] = [];
    const caller = async () => {
      while (!stop.signal.aborted) {
        const context = { envelopeId: 'p:e-1', occurredAt: Date.now(), signal: stop.signal };
        await teyca.perform('cards.get', { id: String(pass.user_id) }, context).catch((error) => {
          if (!stop.signal.aborted) failures.push(error);
        });
      }
    };
    const running = Promise.all(Array.from({ length: callers }, caller));

    await runClockUntil(runMs, inFlight);
    const inRun = sim.requests.map((request) => request.at);
    await runClockUntil(runMs + overtimeMs, inFlight);
    stop.abort();
    await vi.advanceTimersByTimeAsync(1000);
    await running;

    const arrivals = sim.requests.map((request) => request.at);
    const most = Object.fromEntries(
      windows.map(({ name, windowMs }) => [name, maxInWindow(arrivals, windowMs)]),
    );
    for (const { name, limit } of windows) {
      expect(most[name], `arrivals in any ${name}`).toBeLessThanOrEqual(limit);
    }
    expect(sim.throttled()).toBe(0);
    expect(failures).toEqual([]);
    // 50/min over ten minutes meets 500/h: both bind, the hour at the end of the run.
    const minute = maxInWindow(inRun, 60_000) / 50;
    const hour = maxInWindow(inRun, 3_600_000) / 500;
    expect(hour, `${inRun.length} requests in the run`).toBeGreaterThanOrEqual(0.95);
    expect(minute, 'the fullest minute of the run').toBeGreaterThanOrEqual(0.95);
  }, 30_000);
});
