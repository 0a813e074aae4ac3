import type { EmpikplaceSimulator } from '@crossline/testing';
import { empikplace } from '../connector.js';
import type { EmpikplaceOptions } from '../options.js';

/** The host the tests' nock mocks answer for (the default base URL). */
export const host = 'https://marketplace.empik.com';

/** A fake key, long enough to be redacted everywhere. */
export const apiKey = 'empik-canary-key-0123456789abcdef';

/** A connector on the default host for shop 4321, without retries. */
export function connector(overrides: Partial<Parameters<typeof empikplace>[0]> = {}) {
  return empikplace({ id: 'empik', apiKey, shopId: 4321, retries: 0, ...overrides });
}

/** A connector on a running simulator (loopback allowed). */
export function simulated(empik: EmpikplaceSimulator, overrides: Partial<EmpikplaceOptions> = {}) {
  return empikplace({
    id: 'empik-sim',
    apiKey: empik.apiKey,
    baseUrl: empik.url,
    allowLoopback: true,
    retries: 0,
    rateLimit: 10,
    ...overrides,
  });
}

/** A thread as M10 answers it (the fact sheet's composed example, trimmed). */
export function threadJson(overrides: Record<string, unknown> = {}) {
  return {
    id: 'thread-1',
    topic: { type: 'REASON_CODE', value: 'Delivery delay' },
    entities: [{ type: 'MMP_ORDER', id: 'EMP-123456-A', label: 'EMP-123456-A' }],
    authorized_participants: [
      { type: 'SHOP', id: '4321', display_name: 'My Shop' },
      { type: 'CUSTOMER', id: 'cust-998877', display_name: 'Anna K.' },
      { type: 'OPERATOR', display_name: 'Empik' },
    ],
    date_created: '2026-03-01T09:00:00Z',
    date_updated: '2026-03-01T09:05:12.345Z',
    metadata: { total_count: 1, shop_reply_needed_since: null },
    messages: [
      {
        id: 'msg-1',
        body: 'Where is my parcel?',
        date_created: '2026-03-01T09:05:12.345Z',
        from: { type: 'CUSTOMER_USER', display_name: 'Anna K.' },
        to: [{ type: 'SHOP', id: '4321', display_name: 'My Shop' }],
        attachments: [{ id: 'f-1', name: 'photo.jpg', size: 204800 }],
      },
    ],
    ...overrides,
  };
}
