// Review: a base64 key (`CANARY/x9+Qk==`) the vendor echoed PHP-style (`CANARY\/x9+Qk==`) in a
// truncated JSON error body reached the Hub's `failed` event, its "kept as dead" warn line and
// SQLite's `last_error`. The HTTP client's redactor now knows every encoding of the key.
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { afterEach, expect, it } from 'vitest';
import { sampleCall } from '../__fixtures__/sample-call.js';
import { testCrm } from '../__fixtures__/test-connector.js';
import type { Logger } from '../log.js';
import { callSchema } from '../model/call.js';
import { createHub } from '../pipeline/hub.js';
import { SqliteReplayStore } from '../replay/sqlite-replay-store.js';

const key = 'CANARY/x9+Qk==';
const escaped = key.replaceAll('/', '\\/');

let server: Server | undefined;
afterEach(async () => {
  const current = server;
  server = undefined;
  current?.closeAllConnections();
  await new Promise((resolve) => current?.close(resolve) ?? resolve(undefined));
});

it('a key echoed with \\/ reaches no log line (debug included), event or dead letter', async () => {
  server = createServer((_request, response) => {
    response
      .writeHead(400, { 'content-type': 'application/json' })
      .end(`{"success":false,"errorMsg":"Wrong apiKey ${escaped}"`);
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const lines: string[] = [];
  const capture = (level: string) => (object: unknown, message?: string) =>
    void lines.push(`${level} ${message} ${JSON.stringify(object)}`);
  const logger: Logger = {
    debug: capture('debug'),
    info: capture('info'),
    warn: capture('warn'),
    error: capture('error'),
  };
  const store = new SqliteReplayStore({ path: join(mkdtempSync(join(tmpdir(), 'echo-')), 'o.db') });
  const crm = testCrm({ id: 'crm', baseUrl: url, apiKey: key, logger });
  const hub = createHub({ store, logger, timeZone: 'UTC' });
  const events: string[] = [];
  hub.on('failed', (event) => void events.push(inspect(event, { depth: 8 })));
  hub.register(crm).pipeline({
    id: 'calls',
    input: callSchema,
    eventId: (call) => call.id,
    to: { connector: 'crm', action: 'calls.log' },
  });
  await hub.start();
  await crm.activate();
  await hub.publish('calls', sampleCall(1));
  await hub.idle();
  const dead = await hub.deadLetters('crm');
  await hub.stop();
  await store.close();

  expect(dead[0]?.lastError).toContain('[REDACTED]');
  expect(events.length).toBeGreaterThan(0);
  expect(lines.some((line) => line.startsWith('warn') && line.includes('[REDACTED]'))).toBe(true);
  for (const text of [lines.join('\n'), events.join('\n'), dead[0]?.lastError ?? '']) {
    expect(text).not.toContain('CANARY');
    expect(text).not.toContain('x9+Qk');
  }
});
