import {
  type CallInput,
  type CrmConnector,
  callTrackingPipeline,
  createHub,
  type Hub,
  MemoryReplayStore,
} from '@crossline/core';
import { afterEach, describe, expect, it } from 'vitest';
import type { SimulatorControls } from '../kit/simulator-controls.js';

/** One CRM connector on its simulator, fresh for each test. */
export interface CrmConformanceSetup {
  /** The connector, created with id `crm` and the simulator's key; not yet activated. */
  readonly connector: CrmConnector;
  /** The simulator's faults, to make the vendor fail. */
  readonly simulator: SimulatorControls;
  /** Changes the key at the vendor (a password change) and returns the new one. */
  rotateKey(): string;
  /** The external ids of the calls the CRM holds, oldest first (the envelope ids). */
  loggedCalls(): readonly string[];
  /** Stops the simulator. */
  close(): Promise<void>;
}

/** A CRM connector under test. */
export interface CrmConformanceTarget {
  /** Shown in the test names, e.g. `retailCRM`. */
  readonly name: string;
  /** Starts its simulator and creates the connector on it. */
  setup(): Promise<CrmConformanceSetup>;
}

const day = 86_400_000;

function call(index: number, startedAgoMs = 0): CallInput {
  return {
    id: `call-${index}`,
    direction: 'incoming',
    result: 'answered',
    from: `+38067${1_000_000 + (index % 3)}`,
    to: '0441112233',
    startedAt: new Date(Date.now() - startedAgoMs).toISOString(),
    durationSec: 30,
    recordingUrl: `https://records.example/${index}.mp3`,
  };
}

/**
 * The behaviour every CRM connector owes the call-tracking pipeline, as one vitest suite to run
 * against each connector's simulator: calls logged once under their envelope ids; a changed key
 * turns the connector broken and calls are buffered; re-activation with replay sends the last
 * three days once, in order, and drops older calls with `dropped` events; without replay all of
 * them are dropped and reported; vendor failures are absorbed without loss or duplicates.
 *
 * Import it from `@crossline/testing/conformance` (it needs `vitest`).
 *
 * @example
 * ```ts
 * describeCrmConformance({
 *   name: 'Acme CRM',
 *   setup: async () => {
 *     const sim = await startAcmeSimulator();
 *     const connector = acme({ id: 'crm', url: sim.url, apiKey: sim.apiKey, allowLoopback: true });
 *     return { connector, simulator: sim, rotateKey: () => sim.rotateKey(),
 *       loggedCalls: () => sim.state.calls.map((c) => c.externalId), close: () => sim.close() };
 *   },
 * });
 * ```
 */
export function describeCrmConformance(target: CrmConformanceTarget): void {
  describe(`${target.name}: the CRM connector conformance suite`, () => {
    let setup: CrmConformanceSetup | undefined;
    let hub: Hub | undefined;
    afterEach(async () => {
      await hub?.stop();
      await setup?.close();
      hub = undefined;
      setup = undefined;
    });

    async function start() {
      setup = await target.setup();
      hub = createHub({
        store: new MemoryReplayStore(),
        timeZone: 'Europe/Kyiv',
        retry: { baseDelayMs: 20, maxDelayMs: 200 },
      });
      hub.register(setup.connector).pipeline(callTrackingPipeline({ connector: setup.connector }));
      await hub.start();
      const dropped: string[] = [];
      hub.on('dropped', ({ envelope, reason }) => dropped.push(`${envelope.eventId}:${reason}`));
      return { setup, hub, dropped };
    }

    async function drain(active: Hub): Promise<void> {
      for (
        let round = 0;
        round < 300 && Object.keys(await active.pending()).length > 0;
        round += 1
      ) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        await active.idle();
      }
    }

    /** Every call logged once, and each caller's calls in the order they were published. */
    function expectLoggedOnce(logged: readonly string[], published: readonly number[]): void {
      expect([...logged].sort()).toEqual(published.map((index) => `calls:call-${index}`).sort());
      for (const caller of [0, 1, 2]) {
        const ofCaller = (ids: readonly string[]) =>
          ids.filter((id) => Number(id.split('-')[1]) % 3 === caller);
        expect(ofCaller(logged)).toEqual(ofCaller(published.map((index) => `calls:call-${index}`)));
      }
    }

    it('logs every call once, under its envelope id', { timeout: 30_000 }, async () => {
      const { setup, hub } = await start();
      await setup.connector.activate();
      for (let index = 0; index < 4; index += 1) await hub.publish('calls', call(index));
      await hub.publish('calls', call(1)); // the host sends one twice
      await drain(hub);
      expectLoggedOnce(setup.loggedCalls(), [0, 1, 2, 3]);
    });

    it('a changed key breaks it; re-activation replays the last 3 days once, in order, and drops older calls', {
      timeout: 30_000,
    }, async () => {
      const { setup, hub, dropped } = await start();
      await setup.connector.activate();
      await hub.publish('calls', call(1));
      await drain(hub);
      const newKey = setup.rotateKey();
      await hub.publish('calls', call(2, 2 * day - 3_600_000));
      await hub.idle();
      expect(setup.connector.status).toBe('broken');
      await hub.publish('calls', call(3, 4 * day));
      await hub.publish('calls', call(4, day));
      await hub.publish('calls', call(5));
      setup.connector.configure({ apiKey: newKey });
      await setup.connector.activate({ replay: true });
      await drain(hub);
      expectLoggedOnce(setup.loggedCalls(), [1, 2, 4, 5]);
      expect(dropped).toEqual(['call-3:outside-retention']);
    });

    it('re-activation without replay drops what was buffered, and says so', {
      timeout: 30_000,
    }, async () => {
      const { setup, hub, dropped } = await start();
      await setup.connector.activate();
      const newKey = setup.rotateKey();
      await hub.publish('calls', call(1));
      await hub.publish('calls', call(2));
      await hub.idle();
      setup.connector.configure({ apiKey: newKey });
      await setup.connector.activate({ replay: false });
      await drain(hub);
      expect(setup.loggedCalls()).toEqual([]);
      expect(dropped).toEqual(['call-1:replay-disabled', 'call-2:replay-disabled']);
    });

    it('absorbs vendor failures without losing or repeating a call', {
      timeout: 60_000,
    }, async () => {
      const { setup, hub } = await start();
      await setup.connector.activate();
      setup.simulator.fail({ status: 500, times: 3 });
      setup.simulator.drop({ times: 1 });
      for (let index = 0; index < 6; index += 1) await hub.publish('calls', call(index));
      await drain(hub);
      expectLoggedOnce(setup.loggedCalls(), [0, 1, 2, 3, 4, 5]);
    });
  });
}
