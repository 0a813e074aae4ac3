// Runs the built package the way a user's code does: every runtime import must resolve
// (a bundler once rewrote `node:sqlite` to `sqlite`, which does not exist).
import * as core from './dist/index.js';

const { createHub, normalizePhone, SqliteReplayStore } = core;

const store = new SqliteReplayStore({ path: ':memory:' });
const hub = createHub({ store });
if (normalizePhone('+38 (067) 123-45-67') !== '380671234567') throw new Error('normalizePhone');
await store.append([
  {
    id: 'p:e',
    pipelineId: 'p',
    connectorId: 'c',
    eventId: 'e',
    key: 'k',
    occurredAt: 0,
    payload: {},
  },
]);
if ((await hub.pending()).c !== 1) throw new Error('SqliteReplayStore');
await store.close();
// Error names are literals: a bundler once renamed ConfigError to `_ConfigError`.
for (const [name, make] of [
  ['AuthError', () => new core.AuthError('x')],
  ['ConfigError', () => core.ConfigError.fromIssues('x', [{ path: ['a'], message: 'bad' }])],
  ['CrosslineError', () => new core.CrosslineError('VENDOR_ERROR', 'x')],
  ['InvalidPhoneError', () => new core.InvalidPhoneError('abc', 'not-a-phone')],
  ['NotFoundError', () => new core.NotFoundError('x')],
  ['PermissionError', () => new core.PermissionError('x')],
  ['RateLimitError', () => new core.RateLimitError('x')],
  ['TransportError', () => new core.TransportError('x')],
  ['ValidationError', () => new core.ValidationError('x')],
  ['VendorError', () => new core.VendorError('x')],
]) {
  if (make().name !== name) throw new Error(`${name}.name is ${make().name}`);
}
console.log('dist smoke test: ok');
