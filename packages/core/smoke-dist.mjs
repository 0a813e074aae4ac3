// Runs the built package the way a user's code does: every runtime import must resolve
// (a bundler once rewrote `node:sqlite` to `sqlite`, which does not exist).
import { createRequire } from 'node:module';
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
// The subpath entries resolve, and `require()` works (Node >= 22.12 loads ESM synchronously;
// the exports map has a `default` condition for it).
const require = createRequire(import.meta.url);
for (const entry of [
  '@crossline/core',
  '@crossline/core/sdk',
  '@crossline/core/model',
  '@crossline/core/phone',
]) {
  const loaded = require(entry);
  if (Object.keys(loaded).length === 0) throw new Error(`require('${entry}') exported nothing`);
}
const sdk = await import('@crossline/core/sdk');
if (typeof sdk.defineConnector !== 'function') throw new Error('@crossline/core/sdk');
if (require('@crossline/core').ConfigError !== core.ConfigError)
  throw new Error('require() and import gave two copies of the errors');
console.log('dist smoke test: ok');
