/**
 * `npm run demo` — call tracking into retailCRM, against the retailCRM simulator from
 * @crossline/testing: a stream of calls (answered, missed, new and returning callers, numbers
 * typed every which way, UTM tags) goes through the call-tracking pipeline with a SQLite outbox.
 * Midway the API key is changed in the CRM: the connector turns broken and calls are buffered.
 * The new key is entered and the connector re-activated with replay: the last three days are
 * sent once, older calls are dropped and reported. The summary is read back from the CRM.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { retailcrm } from '@crossline/connector-retailcrm';
import {
  callTrackingPipeline,
  createHub,
  normalizePhone,
  SqliteReplayStore,
} from '@crossline/core';
import { startRetailcrmSimulator } from '@crossline/testing';
import pino from 'pino';
import { makeCalls, returningCallers } from './demo/calls.js';
import { progress } from './demo/progress.js';

const hour = 3_600_000;
const day = 24 * hour;
const started = performance.now();
const crm = await startRetailcrmSimulator();
for (const caller of returningCallers) {
  crm.state.addCustomer({ firstName: caller.firstName, phones: [{ number: caller.phone }] });
}
const directory = mkdtempSync(join(tmpdir(), 'crossline-demo-'));
const logLines: string[] = [];
const logger = pino(
  { level: 'debug' },
  new Writable({ write: (chunk, _encoding, done) => done(void logLines.push(String(chunk))) }),
);
const store = new SqliteReplayStore({ path: join(directory, 'outbox.db') });
const hub = createHub({
  store,
  logger,
  timeZone: 'Europe/Kyiv', // "today and the 2 previous days" as the shop counts them
  retry: { baseDelayMs: 200, maxDelayMs: 2_000 },
});
const connector = retailcrm({
  id: 'shop-crm',
  url: crm.url,
  allowLoopback: true, // the simulator listens on http://127.0.0.1
  apiKey: crm.apiKey,
  site: 'main-shop',
  adminEmail: 'admin@shop.example',
  employees: [
    { employeeId: 'op-olena', userId: 7, code: '101', senior: true },
    { employeeId: 'op-taras', userId: 8, code: '102' },
  ],
  customFields: { 'customFields.landing': 'customFields.landing_page' },
  replayOnReactivate: true,
  logger,
});
const counts = { delivered: 0, replayed: 0, buffered: 0, dropped: 0, failed: 0 };
hub.on('delivered', ({ replayed }) => {
  counts.delivered += 1;
  if (replayed) counts.replayed += 1;
});
hub.on('buffered', () => (counts.buffered += 1));
hub.on('dropped', () => (counts.dropped += 1));
hub.on('failed', () => (counts.failed += 1));
hub.register(connector).pipeline(callTrackingPipeline({ connector: connector.id }));
await hub.start();

let phase = 'live';
let published = 0;
const line = progress(
  () =>
    `${phase.padEnd(9)} published ${published} · delivered ${counts.delivered} (replayed ${counts.replayed}) · buffered ${counts.buffered} · dropped ${counts.dropped} · retried ${counts.failed} · connector ${connector.status} · CRM calls ${crm.state.calls.length}, 503s ${crm.state.throttled}`,
);

const verify = await connector.verify();
await connector.activate();

// 1. Live: 24 calls of the last minutes.
const live = makeCalls(0, 24, (index) => (24 - index) * 60_000);
for (const call of live) {
  await hub.publish('calls', call);
  published += 1;
}
await hub.idle();

// 2. The password is changed in the CRM: the old key stops working. Calls keep coming, and
// the host also hands over calls it held for days (four of them older than the window).
phase = 'broken';
const oldKey = crm.apiKey;
const newKey = crm.rotateKey();
const meanwhile = makeCalls(24, 20, (index) => (index - 23) * 2 * hour); // up to 40 hours ago
const tooOld = makeCalls(44, 4, (index) => 4 * day + index * hour);
for (const call of [...meanwhile, ...tooOld]) {
  await hub.publish('calls', call);
  published += 1;
  await hub.idle();
}

// 3. The new key is entered and the integration re-activated ("send data after re-activation").
phase = 'replaying';
connector.configure({ apiKey: newKey });
await connector.activate();
await hub.idle();
phase = 'done';
line.stop();
await hub.stop();
await store.close();

// The summary, read back from the CRM.
const seeded = returningCallers.length;
const expected = [...live, ...meanwhile].map((call) => `calls:${call.id}`);
const logged = crm.state.calls.map((call) => call.externalId);
const phonesOf = crm.state.customers.map((customer) =>
  customer.phones.map((phone) => normalizePhone(phone.number)),
);
const distinctPhones = new Set(phonesOf.flat());
const duplicates =
  logged.length -
  new Set(logged).size +
  (phonesOf.flat().length - distinctPhones.size) +
  (crm.state.tasks.length - new Set(crm.state.tasks.map((task) => task.commentary)).size);
const lost = expected.filter((id) => !logged.includes(id)).length;
const missedIncoming = [...live, ...meanwhile].filter(
  (call) => call.direction === 'incoming' && call.result !== 'answered',
).length;
const keyInLogs = logLines.filter((entry) => entry.includes(oldKey) || entry.includes(newKey));
const seconds = (performance.now() - started) / 1000;
console.log(`
crossline demo — call tracking → retailCRM simulator (${seconds.toFixed(1)} s)
  check connection:   ${verify.ok ? 'ok' : `FAILED ${JSON.stringify(verify)}`}
  calls published:    ${published} (${live.length} live, ${meanwhile.length} while the key was broken, ${tooOld.length} older than 3 days)
  customers:          ${crm.state.customers.length - seeded} created, ${seeded} were already in the CRM
  calls logged:       ${crm.state.calls.length} (with recordings: ${crm.state.calls.filter((call) => call.recordUrl).length})
  tasks created:      ${crm.state.tasks.length} for ${missedIncoming} missed incoming calls
  calls replayed:     ${counts.replayed} after re-activation
  calls dropped:      ${counts.dropped} (older than today and the 2 previous days, each reported)
  rate-limit answers: ${crm.state.throttled}
  duplicates:         ${duplicates}
  lost:               ${lost}
  API key in ${logLines.length} log lines: ${keyInLogs.length === 0 ? 'never' : 'LEAKED'}`);
await crm.close();
rmSync(directory, { recursive: true, force: true });
const failed =
  !verify.ok ||
  duplicates > 0 ||
  lost > 0 ||
  keyInLogs.length > 0 ||
  counts.dropped !== tooOld.length ||
  crm.state.tasks.length !== missedIncoming;
process.exitCode = failed ? 1 : 0;
