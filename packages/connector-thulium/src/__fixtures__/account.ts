import { thulium } from '../connector.js';

/** The account the tests' nock mocks answer for. */
export const account = 'https://acme.thulium.example';

/** The API user. */
export const user = 'api_empik';

/** A fake password, long enough to be redacted everywhere. */
export const password = 'thulium-fixture-password-0123456789';

/** `Authorization` for {@link user} and {@link password}. */
export const basic = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

/** The options every test starts from. */
export const baseOptions = {
  id: 'test',
  url: account,
  user,
  password,
  customerField: 'Empik ID',
  queue: 7,
  category: 3,
  mailbox: 'empik@shop.example',
  agentLogin: 'empik_bot',
  retries: 0,
};

/** A connector on {@link account}, without retries. */
export function connector(overrides: Partial<Parameters<typeof thulium>[0]> = {}) {
  return thulium({ ...baseOptions, ...overrides });
}
