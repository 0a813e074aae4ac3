// npm start -w @crossline/example-call-tracking
//
// Runs the README's host app (./host.ts) against a retailCRM simulator from @crossline/testing,
// then checks that the CRM holds what a missed call should leave there: the customer (created,
// with the visit's UTM tags), the call with its recording link, and the call-back task for the
// operator's manager. Exits with 1, saying what is missing, otherwise.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RetailcrmState, startRetailcrmSimulator } from '@crossline/testing';

// 1. A retailCRM account on 127.0.0.1 (plain http, a random port and key), set up with what the
//    host's options name — a real portal has these already:
//    - the store (site) code `acme-shop` (the simulator's default would be `main-shop`);
//    - the admin `owner@acme.example` (`adminEmail`), and user 12, a manager (`employees`).
const simulator = await startRetailcrmSimulator({
  sites: ['acme-shop'],
  users: [
    {
      id: 1,
      email: 'owner@acme.example',
      firstName: 'Oksana',
      isAdmin: true,
      groups: ['administrators'],
    },
    { id: 12, email: 'olena@acme.example', firstName: 'Olena' }, // in the Managers group
  ],
});
const dataDir = await mkdtemp(join(tmpdir(), 'crossline-example-'));

// 2. The host reads its settings from the environment: point them at the simulator.
process.env.ACME_RETAILCRM_URL = simulator.url;
process.env.ACME_RETAILCRM_KEY = simulator.apiKey;
process.env.ACME_RETAILCRM_SIMULATOR = '1'; // → allowLoopback: the simulator is http on loopback
process.env.CROSSLINE_DB = join(dataDir, 'crossline.db'); // the outbox, in a temporary file

const failures: string[] = [];
try {
  // 3. The README's code: register, activate, publish one missed call.
  const { hub, store } = await import('./host.js');
  hub.on('failed', ({ error }) => failures.push(`a delivery failed: ${String(error)}`));
  hub.on('warning', ({ message }) => failures.push(`warning: ${message}`));
  try {
    // 4. Wait until the outbox has delivered it, then read what the CRM holds.
    await delivered(() => hub.pending().then((pending) => pending['acme-crm'] ?? 0));
    failures.push(...check(simulator.state));
  } finally {
    await hub.stop();
    await store.close();
  }
} finally {
  await simulator.close();
  await rm(dataDir, { recursive: true, force: true });
}

if (failures.length > 0) {
  console.error(
    `The CRM does not hold what the missed call should leave:\n- ${failures.join('\n- ')}`,
  );
  process.exitCode = 1;
} else {
  process.stdout.write('ok: customer, call with its recording and call-back task in retailCRM\n');
}

/** Waits until nothing is pending (at most 20 s: the simulator answers in milliseconds). */
async function delivered(pending: () => Promise<number>): Promise<void> {
  const deadline = Date.now() + 20_000;
  while ((await pending()) > 0) {
    if (Date.now() > deadline) throw new Error('the call was not delivered within 20 s');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** What is missing in the CRM, in words. */
function check(state: RetailcrmState): string[] {
  const problems: string[] = [];
  const customer = state.customers.find((candidate) =>
    candidate.phones.some((phone) => phone.number.replace(/\D/g, '') === '380671234567'),
  );
  if (!customer) return ['no customer with +380671234567'];
  if (customer.site !== 'acme-shop') problems.push(`the customer is in ${customer.site}`);
  if (customer.source?.campaign !== 'winter') problems.push('the customer has no UTM campaign');
  const call = state.calls.find((logged) => logged.externalId?.endsWith('call-8841'));
  if (!call) problems.push('no call call-8841 in the call log');
  else if (call.recordUrl !== 'https://records.acme.example/call-8841.mp3') {
    problems.push(`the call's recording link is ${call.recordUrl ?? 'missing'}`);
  }
  const task = state.tasks.find((candidate) => candidate.customer?.id === customer.id);
  if (!task) problems.push('no call-back task bound to the customer');
  else if (task.performerId !== 12) problems.push(`the task went to user ${task.performerId}`);
  return problems;
}
