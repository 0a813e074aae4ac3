import { thulium } from '../connector.js';
import type { ThuliumOptions } from '../options.js';

/** The account the tests' nock mocks answer for. */
export const account = 'https://acme.thulium.example';

/** A fake key, long enough to be redacted everywhere. */
export const apiKey = 'thulium-fixture-key-0123456789';

/** A connector on {@link account}, without retries. */
export function connector(overrides: Partial<ThuliumOptions> = {}) {
  return thulium({ id: 'test', url: account, apiKey, retries: 0, ...overrides });
}
