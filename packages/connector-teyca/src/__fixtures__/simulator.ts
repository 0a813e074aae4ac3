import {
  startTeycaSimulator,
  type TeycaSimulator,
  type TeycaSimulatorOptions,
} from '@crossline/testing';
import { afterEach } from 'vitest';
import { teyca } from '../connector.js';

const running: TeycaSimulator[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((simulator) => simulator.close()));
});

/** Starts a Teyca simulator, closed after the test. */
export async function simulator(options: TeycaSimulatorOptions = {}): Promise<TeycaSimulator> {
  const started = await startTeycaSimulator(options);
  running.push(started);
  return started;
}

/** A connector on a simulator, without retries. */
export function connectorFor(
  teycaSimulator: TeycaSimulator,
  overrides: Partial<Parameters<typeof teyca>[0]> = {},
) {
  return teyca({
    id: 'teyca-sim',
    url: teycaSimulator.url,
    allowLoopback: true,
    apiKey: teycaSimulator.apiKey,
    token: teycaSimulator.token,
    retries: 0,
    ...overrides,
  });
}
