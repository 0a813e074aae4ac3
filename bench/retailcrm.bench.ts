/**
 * The retailCRM connector against the simulator (its own per-key limits: 10 rps, 40 rps for
 * telephony), with the connector configured at the same ceilings:
 * 1. calls/s delivered through a pipeline to `calls.log` (`/telephony/calls/upload`) against
 *    the 40 rps ceiling;
 * 2. customer searches/s (`contacts.findByPhone` of unknown numbers: three `GET /customers`
 *    each) against the 10 rps ceiling.
 * Rates are taken from the arrival stamps the simulator records; "503s" are the simulator's
 * rate-limit answers, which must stay at 0.
 */
import { retailcrm } from '@crossline/connector-retailcrm';
import { callSchema, createHub, MemoryReplayStore } from '@crossline/core';
import { type RetailcrmSimulator, startRetailcrmSimulator } from '@crossline/testing';
import { report } from './measure.js';

function connectorFor(crm: RetailcrmSimulator, id: string) {
  return retailcrm({
    id,
    url: crm.url,
    allowLoopback: true,
    apiKey: crm.apiKey,
    site: 'main-shop',
    adminEmail: 'admin@shop.example',
  });
}

/** Requests per second at the simulator for paths starting with `prefix`, first to last. */
function arrivalRate(crm: RetailcrmSimulator, prefix: string): number {
  const stamps = crm.requests
    .filter((request) => request.path.startsWith(prefix))
    .map((request) => request.at);
  const seconds = ((stamps.at(-1) ?? 0) - (stamps[0] ?? 0)) / 1000;
  return (stamps.length - 1) / seconds;
}

async function callsLog(): Promise<void> {
  const crm = await startRetailcrmSimulator();
  const connector = connectorFor(crm, 'calls');
  const hub = createHub({ store: new MemoryReplayStore(), concurrency: 16 });
  hub.register(connector).pipeline({
    id: 'calls',
    input: callSchema,
    eventId: (call) => call.id,
    key: (call) => call.id,
    to: { connector: 'calls', action: 'calls.log' },
  });
  await hub.start();
  await connector.activate();
  const total = 400;
  await Promise.all(
    Array.from({ length: total }, (_, index) =>
      hub.publish('calls', {
        id: `call-${index}`,
        direction: 'incoming',
        result: 'answered',
        from: `+38067${1_000_000 + index}`,
        to: '0441112233',
        startedAt: new Date().toISOString(),
      }),
    ),
  );
  while (crm.state.calls.length < total) await hub.idle();
  const rate = arrivalRate(crm, '/api/v5/telephony/calls/upload');
  report(
    `calls.log, ${total} calls, ceiling 40 rps`,
    `${rate.toFixed(2)} calls/s, ${crm.state.throttled} 503s`,
    rate / 40,
    '>= 0.98',
    rate / 40 >= 0.98 && crm.state.throttled === 0,
  );
  await hub.stop();
  await crm.close();
}

async function customerSearches(): Promise<void> {
  const crm = await startRetailcrmSimulator();
  const connector = connectorFor(crm, 'search');
  await connector.activate();
  const context = { envelopeId: 'bench', occurredAt: 0, signal: undefined };
  await Promise.all(
    Array.from({ length: 35 }, (_, index) =>
      connector.perform('contacts.findByPhone', { phone: `38050${2_000_000 + index}` }, context),
    ),
  );
  const rate = arrivalRate(crm, '/api/v5/customers');
  report(
    'contacts.findByPhone, 105 searches, ceiling 10 rps',
    `${rate.toFixed(2)} req/s, ${crm.state.throttled} 503s`,
    rate / 10,
    '>= 0.98',
    rate / 10 >= 0.98 && crm.state.throttled === 0,
  );
  await crm.close();
}

/** Runs the retailCRM connector benchmarks. */
export async function runRetailcrmBenchmark(): Promise<void> {
  console.log('\nretailCRM connector against the simulator (achieved rate / ceiling)');
  await callsLog();
  await customerSearches();
}
