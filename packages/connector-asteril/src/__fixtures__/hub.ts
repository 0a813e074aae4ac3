import { type ConnectorWarning, createHub, type Hub, MemoryReplayStore } from '@crossline/core';
import { type AsterilSimulator, startAsterilSimulator } from '@crossline/testing';
import { afterEach } from 'vitest';
import { asteril, asterilCallTracking } from '../connector.js';
import type { AsterilOptions } from '../options.js';

export { call } from './call.js';

/**
 * An Asteril simulator, a connector on it and a Hub with the call-tracking pipeline; closed
 * after each test of the file that calls this.
 */
export function useAsterilHub() {
  let crm: AsterilSimulator | undefined;
  let hub: Hub | undefined;
  afterEach(async () => {
    await hub?.stop();
    hub = undefined;
    await crm?.close();
    crm = undefined;
  });
  return async function setup(overrides: Partial<AsterilOptions> = {}) {
    crm = await startAsterilSimulator({ rateLimit: 50 });
    const connector = asteril({
      id: 'crm',
      url: crm.url,
      allowLoopback: true,
      apiKey: crm.apiKey,
      rateLimit: 50,
      fieldMap: { 'customFields.landing': 'landing_page' },
      ...overrides,
    });
    hub = createHub({ store: new MemoryReplayStore(), timeZone: 'Europe/Kyiv' });
    const warnings: ConnectorWarning[] = [];
    hub.on('warning', (warning) => warnings.push(warning));
    hub.register(connector).pipeline(asterilCallTracking(connector));
    await hub.start();
    await connector.activate();
    return { crm, hub, connector, warnings };
  };
}
