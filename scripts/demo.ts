/**
 * `npm run demo` — call tracking into two CRMs at once, against the retailCRM and Asteril
 * simulators from @crossline/testing: a stream of calls (answered, missed, new and returning
 * callers, numbers typed every which way, UTM tags) goes through the call-tracking pipeline of
 * each CRM with one SQLite outbox. Midway both API keys are changed in the CRMs: the connectors
 * turn broken and calls are buffered. The new keys are entered and the connectors re-activated
 * with replay: the last three days are sent once, older calls are dropped and reported. The
 * summary is read back from each CRM.
 *
 * `npm run demo -- helpdesk` runs the helpdesk act instead (scripts/demo-helpdesk.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { type CallInput, createHub, SqliteReplayStore } from '@crossline/core';
import pino from 'pino';
import { makeCalls, returningCallers } from './demo/calls.js';
import { asterilDemoRate, type DemoCrm, startAsteril, startRetailcrm } from './demo/crms.js';
import { progress } from './demo/progress.js';
import { runHelpdeskDemo } from './demo-helpdesk.js';

const act = process.argv[2];
if (act === 'helpdesk') process.exit((await runHelpdeskDemo()) ? 0 : 1);
if (act !== undefined) {
  console.error(`Unknown demo act "${act}": run \`npm run demo\` or \`npm run demo -- helpdesk\`.`);
  process.exit(2);
}

const hour = 3_600_000;
const day = 24 * hour;
const started = performance.now();
const directory = mkdtempSync(join(tmpdir(), 'crossline-demo-'));
const logLines: string[] = [];
const logger = pino(
  { level: 'debug' },
  new Writable({ write: (chunk, _encoding, done) => done(void logLines.push(String(chunk))) }),
);
const crms = [await startRetailcrm(logger), await startAsteril(logger)];
const store = new SqliteReplayStore({ path: join(directory, 'outbox.db') });
const hub = createHub({
  store,
  logger,
  timeZone: 'Europe/Kyiv', // "today and the 2 previous days" as the shop counts them
  retry: { baseDelayMs: 200, maxDelayMs: 2_000 },
});
const counts = new Map(
  crms.map((crm) => [crm.connector.id, { delivered: 0, replayed: 0, dropped: 0 }]),
);
const countOf = (connectorId: string) =>
  counts.get(connectorId) ?? { delivered: 0, replayed: 0, dropped: 0 };
let warnings = 0;
hub.on('delivered', ({ envelope, replayed }) => {
  countOf(envelope.connectorId).delivered += 1;
  if (replayed) countOf(envelope.connectorId).replayed += 1;
});
hub.on('dropped', ({ envelope }) => (countOf(envelope.connectorId).dropped += 1));
hub.on('warning', () => (warnings += 1));
for (const crm of crms) hub.register(crm.connector).pipeline(crm.pipeline);
await hub.start();

let phase = 'live';
let published = 0;
const line = progress(() => {
  const parts = crms.map((crm) => {
    const count = countOf(crm.connector.id);
    return `${crm.name} ${crm.connector.status} ✓${count.delivered} ↻${count.replayed} ✗${count.dropped}`;
  });
  return `${phase.padEnd(9)} published ${published} · ${parts.join(' · ')}`;
});
const publish = async (call: CallInput) => {
  for (const crm of crms) await hub.publish(crm.pipeline.id, call);
  published += 1;
};

const verified = await Promise.all(crms.map((crm) => crm.connector.verify()));
for (const crm of crms) await crm.connector.activate();

// 1. Live: 24 calls of the last minutes.
const live = makeCalls(0, 24, (index) => (24 - index) * 60_000);
for (const call of live) await publish(call);
await hub.idle();

// 2. The password is changed in each CRM: the old keys stop working. Calls keep coming, and the
// host also hands over calls it held for days (four of them older than the window).
phase = 'broken';
const newKeys = crms.map((crm) => crm.rotateKey());
const meanwhile = makeCalls(24, 20, (index) => (index - 23) * 2 * hour); // up to 40 hours ago
const tooOld = makeCalls(44, 4, (index) => 4 * day + index * hour);
for (const call of [...meanwhile, ...tooOld]) {
  await publish(call);
  await hub.idle();
}

// 3. The new keys are entered and the integrations re-activated ("send data after re-activation").
phase = 'replaying';
for (const [index, crm] of crms.entries()) {
  crm.connector.configure({ apiKey: newKeys[index] });
  await crm.connector.activate();
}
await hub.idle();
phase = 'done';
line.stop();
await hub.stop();
await store.close();

/** One CRM's lines of the summary, and whether it kept every promise. */
function summarise(crm: DemoCrm): { lines: string; ok: boolean } {
  const held = crm.holdings();
  const count = countOf(crm.connector.id);
  const expected = [...live, ...meanwhile].map((call) => `${crm.pipeline.id}:${call.id}`);
  const duplicates =
    held.calls.length -
    new Set(held.calls).size +
    (held.contactPhones.length - new Set(held.contactPhones).size) +
    (held.tasks.length - new Set(held.tasks.map((task) => task.key)).size);
  const lost = expected.filter((id) => !held.calls.includes(id)).length;
  const missed = [...live, ...meanwhile].filter(
    (call) => call.direction === 'incoming' && call.result !== 'answered',
  ).length;
  const ok =
    held.throttled === 0 &&
    duplicates === 0 &&
    lost === 0 &&
    count.dropped === tooOld.length &&
    held.tasks.length === missed;
  const lines = `
  ${crm.name}
    contacts:           ${held.contacts - returningCallers.length} created, ${returningCallers.length} were already in the CRM (numbers typed in assorted forms)
    calls logged:       ${held.calls.length} (with recordings: ${held.recordings})
    tasks created:      ${held.tasks.length} for ${missed} missed incoming calls, ${held.tasks.filter((task) => task.bound).length} bound to the caller
    calls replayed:     ${count.replayed} after re-activation
    calls dropped:      ${count.dropped} (older than today and the 2 previous days, each reported)
    rate-limit answers: ${held.throttled}
    duplicates:         ${duplicates}
    lost:               ${lost}`;
  return { lines, ok };
}

const summaries = crms.map(summarise);
const throttled = crms.reduce((sum, crm) => sum + crm.holdings().throttled, 0);
const keys = crms.flatMap((crm) => crm.keys());
const leaked = logLines.filter((entry) => keys.some((key) => entry.includes(key)));
const seconds = (performance.now() - started) / 1000;
console.log(`
crossline demo — call tracking → retailCRM and Asteril simulators (${seconds.toFixed(1)} s)
  check connection:   ${verified.map((report, index) => `${crms[index]?.name} ${report.ok ? 'ok' : `FAILED ${JSON.stringify(report.problems)}`}`).join(', ')}
  calls published:    ${published} to each CRM (${live.length} live, ${meanwhile.length} while the keys were broken, ${tooOld.length} older than 3 days)
  (Asteril publishes no rate limit; its simulator and connector run at ${asterilDemoRate} rps here)${summaries.map((summary) => summary.lines).join('')}
  rate-limit answers: ${throttled} in all (each CRM's simulator counts the 429/503 it sent)
  warnings:           ${warnings}
  API keys in ${logLines.length} log lines: ${leaked.length === 0 ? 'never' : 'LEAKED'}`);
for (const crm of crms) await crm.close();
rmSync(directory, { recursive: true, force: true });
const failed =
  verified.some((report) => !report.ok) ||
  summaries.some((summary) => !summary.ok) ||
  leaked.length > 0;
process.exitCode = failed ? 1 : 0;
