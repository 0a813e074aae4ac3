import { empikplace } from '../connector.js';
import type { EmpikplaceOptions } from '../options.js';

/** The account the tests' nock mocks answer for. */
export const account = 'https://acme.empikplace.example';

/** A fake key, long enough to be redacted everywhere. */
export const apiKey = 'empikplace-fixture-key-0123456789';

/** A connector on {@link account}, without retries. */
export function connector(overrides: Partial<EmpikplaceOptions> = {}) {
  return empikplace({ id: 'test', url: account, apiKey, retries: 0, ...overrides });
}
