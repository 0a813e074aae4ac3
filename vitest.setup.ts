// Shared test setup for every package: no test may reach the internet, and every nock mock a
// test declares must be used. nock blocks outbound connections except loopback, so loopback
// vendor simulators keep working while a forgotten mock fails loudly instead of calling a
// real vendor.
import nock from 'nock';
import { afterAll, afterEach, beforeAll } from 'vitest';

const loopbackHost = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?$/;

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect((host) => loopbackHost.test(host));
});

afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  if (pending.length > 0) {
    throw new Error(`nock mocks declared but never called:\n  ${pending.join('\n  ')}`);
  }
});

afterAll(() => {
  nock.enableNetConnect();
});
