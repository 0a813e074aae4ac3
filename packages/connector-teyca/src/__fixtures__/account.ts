import { teyca } from '../connector.js';

/** The API origin the tests' nock mocks answer for. */
export const api = 'https://api.teyca.example';

/** A fake main key, 32 characters like Teyca's, long enough to be redacted everywhere. */
export const apiKey = 'kEy0123456789abcdef0123456789ABCD';

/** A fake installation token, 32 characters. */
export const token = 'tOk0123456789abcdef0123456789WXYZ';

/** The path prefix every token call has. */
export const prefix = `/v1/${token}`;

/** A connector on {@link api}, without retries. */
export function connector(overrides: Partial<Parameters<typeof teyca>[0]> = {}) {
  return teyca({ id: 'test', url: api, apiKey, token, retries: 0, ...overrides });
}

/** What `perform` needs besides the input. */
export const performContext = { envelopeId: 'p:e-1', occurredAt: 0 };

/** A pass as Teyca sends it (§12 of the fact sheet): numbers as text, nulls, a tag hole. */
export const passFixture = {
  user_id: 1000001,
  template: 'Base layout',
  first_name: 'Ivan',
  last_name: 'Sidorov',
  pat_name: null,
  phone: '79001234567',
  email: null,
  birthday: '01.02.1985',
  gender: 'М',
  barcode: '0000042',
  discount: '3%',
  bonus: 120,
  inactive_bonus: '0',
  summ: '4200.0',
  visits: '3',
  date_last: '10.01.2026 18:05',
  key1: 'confirmed',
  key2: null,
  o_s: 'IOS',
  tags: [1551, null],
  created_at: '2025-11-02T09:00:00.000Z',
};
