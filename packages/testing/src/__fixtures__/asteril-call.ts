import { afterEach, beforeEach } from 'vitest';
import {
  type AsterilSimulator,
  type AsterilSimulatorOptions,
  startAsterilSimulator,
} from '../asteril/start-asteril-simulator.js';
import type { CallResult } from './retailcrm-call.js';

/**
 * Starts a fresh simulator before each test of the file and closes it after, so state and
 * rate-limit windows never leak between tests; `use` receives each one.
 */
export function eachTestWithAsteril(
  use: (crm: AsterilSimulator) => void,
  options?: AsterilSimulatorOptions,
): void {
  let started: AsterilSimulator | undefined;
  beforeEach(async () => {
    started = await startAsterilSimulator(options);
    use(started);
  });
  afterEach(async () => {
    await started?.close();
  });
}

/** How a test request to the Asteril simulator is made. */
export interface AsterilCallOptions {
  /** The key sent as `Authorization: Bearer …`; `null` sends none. Default: the current key. */
  key?: string | null;
  /** Query parameters. */
  query?: Record<string, string | number>;
  /** A body sent as JSON. */
  json?: unknown;
  /** A raw body with its content type, for bodies the vendor refuses. */
  raw?: { readonly body: string; readonly type: string };
}

/** Calls the simulator's `/api/v3{path}` with plain `fetch`, as a connector would. */
export async function callAsteril(
  crm: AsterilSimulator,
  method: 'GET' | 'POST',
  path: string,
  options: AsterilCallOptions = {},
): Promise<CallResult> {
  const url = new URL(`/api/v3${path}`, crm.url);
  for (const [name, value] of Object.entries(options.query ?? {})) {
    url.searchParams.set(name, String(value));
  }
  const key = options.key === undefined ? crm.apiKey : options.key;
  const raw =
    options.json === undefined
      ? options.raw
      : { body: JSON.stringify(options.json), type: 'application/json' };
  const response = await fetch(url, {
    method,
    headers: {
      accept: 'application/json',
      ...(key === null ? {} : { authorization: `Bearer ${key}` }),
      ...(raw === undefined ? {} : { 'content-type': raw.type }),
    },
    ...(raw === undefined ? {} : { body: raw.body }),
  });
  return { status: response.status, body: await response.json(), headers: response.headers };
}
