import {
  startThuliumSimulator,
  type ThuliumSimulator,
  type ThuliumSimulatorOptions,
} from '@crossline/testing';
import { thulium } from '../connector.js';
import type { ThuliumOptions } from '../options.js';

/** A Thulium simulator and a connector on it (queue and category by name, as a host sets them). */
export async function onSimulator(
  options: ThuliumSimulatorOptions = {},
  overrides: Partial<ThuliumOptions> = {},
) {
  const simulator: ThuliumSimulator = await startThuliumSimulator({ rateLimit: 50, ...options });
  const connect = (more: Partial<ThuliumOptions> = {}) =>
    thulium({
      id: 'thulium-sim',
      url: simulator.url,
      allowLoopback: true,
      user: simulator.user,
      password: simulator.apiKey,
      customerField: 'Empik ID',
      queue: 'EmpikPlace',
      category: 'Marketplace',
      mailbox: 'empik@shop.example',
      agentLogin: 'empik_bot',
      rateLimit: 40,
      retries: 0,
      ...overrides,
      ...more,
    });
  return { simulator, connect };
}
