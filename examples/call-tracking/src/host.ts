// The host app of the README: it sends its call-tracking calls into its customer's retailCRM.
// The region between the markers IS the README's snippet (src/readme.test.ts keeps them equal).
// Like a real host it reads the portal and the key from its environment; `main.ts` points the
// environment at a retailCRM simulator before it loads this module.

// #region readme
import { retailcrm } from '@crossline/connector-retailcrm';
import { callTrackingPipeline, createHub, SqliteReplayStore } from '@crossline/core';

const crm = retailcrm({
  id: 'acme-crm',
  url: requireEnv('ACME_RETAILCRM_URL'), // the customer's portal, e.g. https://acme.retailcrm.ru
  apiKey: requireEnv('ACME_RETAILCRM_KEY'), // redacted from every log line and error
  site: 'acme-shop', // a store (site) code of the account
  adminEmail: 'owner@acme.example', // a CRM user: tasks nobody else can take go to them
  employees: [{ employeeId: 'op-7', userId: 12, code: '101', senior: true }], // op-7 is CRM user 12
  // Only for a simulator on this machine (plain http on 127.0.0.1); a real portal is https.
  allowLoopback: process.env.ACME_RETAILCRM_SIMULATOR === '1',
});
const store = new SqliteReplayStore({ path: process.env.CROSSLINE_DB ?? 'crossline.db' });
const hub = createHub({ store, timeZone: 'Europe/Kyiv' }); // the durable outbox and its worker
const calls = hub.register(crm).pipeline(callTrackingPipeline({ connector: crm }));
await hub.start();
await crm.activate(); // registers the telephony module in the CRM

// Type-checked against the call schema; stored before it resolves; delivered in order per
// caller, once, even across crashes and a broken key (re-activation replays today and the two
// previous days).
await calls.publish({
  id: 'call-8841',
  direction: 'incoming',
  result: 'missed',
  from: '+38 (067) 123-45-67', // normalised to 380671234567
  to: '044 111 22 33',
  startedAt: new Date().toISOString(),
  employee: { id: 'op-7' },
  recordingUrl: 'https://records.acme.example/call-8841.mp3',
  utm: { source: 'google', medium: 'cpc', campaign: 'winter' },
});

/** A setting the host cannot run without. */
function requireEnv(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === '') throw new Error(`Set ${name} in the environment`);
  return value;
}

// #endregion readme

export { calls, hub, store };
