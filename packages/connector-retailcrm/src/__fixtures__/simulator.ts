import {
  type CallInput,
  type ConnectorWarning,
  callTrackingPipeline,
  createHub,
  type Hub,
  MemoryReplayStore,
} from '@crossline/core';
import { type RetailcrmSimulator, startRetailcrmSimulator } from '@crossline/testing';
import { retailcrm } from '../connector.js';
import type { RetailcrmOptions } from '../options.js';

const running: { crm?: RetailcrmSimulator; hub?: Hub } = {};

/** Options of {@link setupOnSimulator}: the connector's, plus the core setting of replays. */
type SetupOptions = Partial<RetailcrmOptions> & { replayOnReactivate?: boolean };

/**
 * A retailCRM simulator, a connector on it (two linked managers: Olena 101, the senior, and
 * Taras 102) and a started Hub running `callTrackingPipeline`, with the warnings it emits.
 * {@link stopSimulator} tears them down.
 */
export async function setupOnSimulator(
  overrides: SetupOptions = {},
  simulator: Parameters<typeof startRetailcrmSimulator>[0] = {},
) {
  const crm = await startRetailcrmSimulator(simulator);
  running.crm = crm;
  const connector = retailcrm({
    id: 'crm',
    url: crm.url,
    allowLoopback: true,
    apiKey: crm.apiKey,
    site: 'main-shop',
    adminEmail: 'admin@shop.example',
    employees: [
      { employeeId: 'op-olena', userId: 7, code: '101', senior: true },
      { employeeId: 'op-taras', userId: 8, code: '102' },
    ],
    retries: 6,
    ...overrides,
  });
  const hub = createHub({
    store: new MemoryReplayStore(),
    timeZone: 'Europe/Kyiv',
    retry: { baseDelayMs: 20, maxDelayMs: 200 },
  });
  running.hub = hub;
  const warnings: ConnectorWarning[] = [];
  hub.on('warning', (warning) => warnings.push(warning));
  hub.register(connector).pipeline(callTrackingPipeline({ connector }));
  await hub.start();
  return { crm, hub, connector, warnings };
}

/** Stops the Hub and the simulator {@link setupOnSimulator} started, if any. */
export async function stopSimulator(): Promise<void> {
  await running.hub?.stop();
  delete running.hub;
  await running.crm?.close();
  delete running.crm;
}

/** An incoming answered call from +380671234567 to the line 0441112233, with a recording. */
export function call(index: number, overrides: Partial<CallInput> = {}): CallInput {
  return {
    id: `call-${index}`,
    direction: 'incoming',
    result: 'answered',
    from: '+380671234567',
    to: '0441112233',
    startedAt: new Date().toISOString(),
    durationSec: 42,
    recordingUrl: `https://records.example/${index}.mp3`,
    ...overrides,
  };
}
