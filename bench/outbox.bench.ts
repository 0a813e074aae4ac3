/**
 * The outbox and the Hub:
 * 1. durable appends per second to SqliteReplayStore (default `synchronous: full`), many
 *    concurrent publishes grouped into one commit, against raw node:sqlite inserts of the same
 *    rows, 1,000 per transaction (the ceiling);
 * 2. memory while a Hub replays 100,000 stored envelopes (streamed in batches): peak RSS with
 *    default V8 settings (information: V8's young-generation sizing moves it by ~70 MB), with a
 *    bounded heap (judged), and the live heap — the heap right after a forced GC — (judged);
 * 3. time per delivery of a pipeline (SQLite outbox, 4 in flight) to a loopback server in
 *    another process, against a bare ky loop sending the same requests, 4 in flight.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { fileURLToPath } from 'node:url';
import { type CallInput, callSchema, createHub, SqliteReplayStore } from '@crossline/core';
import { createHttpClient, defineConnector, type NewEnvelope } from '@crossline/core/sdk';
import ky from 'ky';
import PQueue from 'p-queue';
import { z } from 'zod';
import { formatNumber, report } from './measure.js';

const directory = mkdtempSync(join(tmpdir(), 'crossline-bench-'));

function call(index: number): CallInput {
  return {
    id: `call-${index}`,
    direction: 'incoming',
    result: index % 4 === 0 ? 'missed' : 'answered',
    from: `38067${String(1_000_000 + (index % 5000)).slice(-7)}`,
    to: '380441112233',
    startedAt: new Date().toISOString(),
    utm: { source: 'google', medium: 'cpc', campaign: 'winter-sale' },
    extra: { landing: 'https://shop.example/catalog/winter?ref=ads' },
  };
}

function envelope(index: number): NewEnvelope {
  return {
    id: `calls:call-${index}`,
    pipelineId: 'calls',
    connectorId: 'crm',
    eventId: `call-${index}`,
    key: String(index % 5000),
    occurredAt: Date.now(),
    payload: call(index),
  };
}

async function appends(): Promise<void> {
  const total = 100_000;
  const store = new SqliteReplayStore({ path: join(directory, 'appends.db') });
  const started = performance.now();
  for (let wave = 0; wave < total; wave += 1000) {
    await Promise.all(
      Array.from({ length: 1000 }, (_, index) => store.append([envelope(wave + index)])),
    );
  }
  const ours = total / ((performance.now() - started) / 1000);
  await store.close();

  const db = new DatabaseSync(join(directory, 'raw.db'));
  db.exec(
    'PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; CREATE TABLE t (id TEXT UNIQUE, payload TEXT)',
  );
  const insert = db.prepare('INSERT OR IGNORE INTO t (id, payload) VALUES (?, ?)');
  const rawStarted = performance.now();
  for (let wave = 0; wave < total; wave += 1000) {
    db.exec('BEGIN');
    for (let index = wave; index < wave + 1000; index += 1)
      insert.run(`calls:call-${index}`, JSON.stringify(call(index)));
    db.exec('COMMIT');
  }
  const raw = total / ((performance.now() - rawStarted) / 1000);
  db.close();
  report(
    'durable appends/s, 100k concurrent publishes',
    `${formatNumber(ours)} vs raw ${formatNumber(raw)}`,
    ours / raw,
    '>= 20k/s',
    ours >= 20_000,
  );
}

const noop = defineConnector({
  vendor: 'noop',
  configSchema: z.object({ label: z.string().optional() }),
  createClient: () => null,
  verify: async (_context) => ({
    reachable: true,
    credentialsValid: true,
    missingPermissions: [],
    problems: [],
  }),
  actions: { 'calls.log': { input: callSchema, run: async () => undefined } },
});

const replayTotal = 100_000;

/**
 * Fills the outbox in one fresh process and replays it in another, so neither the earlier
 * benchmarks' heap nor the filling counts in the replay's RSS.
 */
async function replayMemoryInChild(flags: readonly string[] = []): Promise<void> {
  const path = join(
    directory,
    `replay-${flags.join('').replace(/[^a-z\d]+/gi, '-') || 'default'}.db`,
  );
  for (const step of ['--fill-outbox', '--replay-memory']) {
    const child = fork(fileURLToPath(import.meta.url), [step, path, ...flags], {
      execArgv: ['--import', 'tsx', ...(step === '--replay-memory' ? flags : [])],
    });
    await new Promise((resolve) => child.on('exit', resolve));
  }
}

/** V8 limits a memory-tight host can set: a small young generation and old space. */
const boundedHeapFlags = ['--max-semi-space-size=2', '--max-old-space-size=64'];

/** A run that forces a GC every 200 ms: what the replay keeps alive, whatever V8's sizing. */
const liveHeapFlags = ['--expose-gc'];

async function fillOutbox(path: string): Promise<void> {
  const filler = new SqliteReplayStore({ path, synchronous: 'normal' });
  for (let wave = 0; wave < replayTotal; wave += 5000) {
    await filler.append(Array.from({ length: 5000 }, (_, index) => envelope(wave + index)));
  }
  await filler.close();
}

async function replayMemory(path: string): Promise<void> {
  const total = replayTotal;
  const before = process.memoryUsage().rss;
  let peak = before;
  let peakHeap = 0;
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  let liveHeap = 0;
  let samples = 0;
  const collect = () => {
    gc?.();
    liveHeap = Math.max(liveHeap, process.memoryUsage().heapUsed);
  };
  const sampler = setInterval(() => {
    samples += 1;
    if (gc && samples % 10 === 0) collect();
    const usage = process.memoryUsage();
    peak = Math.max(peak, usage.rss);
    peakHeap = Math.max(peakHeap, usage.heapUsed);
  }, 20);
  const store = new SqliteReplayStore({ path });
  const connector = noop({ id: 'crm' });
  const hub = createHub({ store, concurrency: 8 });
  let delivered = 0;
  hub.on('delivered', () => {
    delivered += 1;
  });
  hub.register(connector).pipeline({
    id: 'calls',
    input: callSchema,
    eventId: (item) => item.id,
    to: { connector: 'crm', action: 'calls.log' },
  });
  const started = performance.now();
  await hub.start();
  await connector.activate({ replay: true });
  await hub.idle();
  clearInterval(sampler);
  if (gc) collect();
  peak = Math.max(peak, process.memoryUsage().rss);
  const seconds = (performance.now() - started) / 1000;
  await hub.stop();
  await store.close();
  const mb = (bytes: number) => bytes / 1024 / 1024;
  const rate = formatNumber(delivered / seconds);
  if (gc) {
    // What the replay keeps alive: the heap right after each forced GC, at its largest.
    report(
      `live heap replaying 100k (${rate}/s, GC each 200 ms)`,
      `max ${mb(liveHeap).toFixed(0)} MB (at start ${mb(heapBefore).toFixed(0)})`,
      liveHeap / heapBefore,
      '< 50 MB',
      delivered === total && mb(liveHeap) < 50,
    );
    return;
  }
  const bounded = process.execArgv.some((flag) => flag.startsWith('--max-old-space-size'));
  // Default V8: the peak is V8's young-generation sizing as much as the replay (a few KB more
  // code moved it from ~163 to ~236 MB with the same live heap): reported, not judged.
  report(
    `RSS replaying 100k (${rate}/s)${bounded ? ', bounded V8 heap' : ', default V8'}`,
    `peak ${mb(peak).toFixed(0)} MB (+${mb(peak - before).toFixed(0)}, heap ${mb(peakHeap).toFixed(0)})`,
    peak / before,
    bounded ? '< 150 MB' : '—',
    bounded ? delivered === total && mb(peak) < 150 : delivered === total ? 'info' : false,
  );
}

const loopbackCrm = defineConnector({
  vendor: 'loopback',
  configSchema: z.object({ baseUrl: z.url() }),
  createClient: (config) => createHttpClient({ baseUrl: config.baseUrl }),
  verify: async (_context) => ({
    reachable: true,
    credentialsValid: true,
    missingPermissions: [],
    problems: [],
  }),
  actions: {
    'calls.log': {
      input: callSchema,
      run: async (item, { client, envelopeId }) =>
        (
          await client.request({
            method: 'POST',
            path: '/calls/',
            json: { externalId: envelopeId, ...item },
            idempotent: true,
          })
        ).data,
    },
  },
});

const deliveries = 3000;

/** ms per request of a bare ky loop, 4 in flight. */
async function bareRound(url: string, round: number): Promise<number> {
  const queue = new PQueue({ concurrency: 4 });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: deliveries }, (_, index) =>
      queue.add(() =>
        ky
          .post(`${url}/calls/`, {
            json: { externalId: `bare-${round}-${index}`, ...call(index) },
            retry: 0,
          })
          .json(),
      ),
    ),
  );
  return (performance.now() - started) / deliveries;
}

/** ms per delivery of a pipeline: publish every call, then wait until the outbox is empty. */
async function pipelineRound(url: string, round: number): Promise<number> {
  const crm = loopbackCrm({ id: 'crm', baseUrl: url });
  const store = new SqliteReplayStore({ path: join(directory, `overhead-${round}.db`) });
  const hub = createHub({ store, concurrency: 4 });
  hub.register(crm).pipeline({
    id: 'calls',
    input: callSchema,
    eventId: (item) => item.id,
    key: (item) => item.from,
    to: { connector: 'crm', action: 'calls.log' },
  });
  await hub.start();
  await crm.activate();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: deliveries }, (_, index) => hub.publish('calls', call(index))),
  );
  while (Object.keys(await hub.pending()).length > 0) await hub.idle();
  const perDelivery = (performance.now() - started) / deliveries;
  await hub.stop();
  await store.close();
  return perDelivery;
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

async function overhead(): Promise<void> {
  const child = fork(fileURLToPath(new URL('./support/arrival-server.mjs', import.meta.url)));
  const port = await new Promise<number>((resolve) =>
    child.once('message', (message) => resolve((message as { port: number }).port)),
  );
  const url = `http://127.0.0.1:${port}`;
  try {
    await bareRound(url, -1); // warm-up of both paths, not counted
    await pipelineRound(url, -1);
    const bare: number[] = [];
    const ours: number[] = [];
    for (let round = 0; round < 5; round += 1) {
      bare.push(await bareRound(url, round));
      ours.push(await pipelineRound(url, round));
    }
    const ratio = median(ours) / median(bare);
    report(
      'time per delivery: pipeline vs bare ky, 4 in flight',
      `${median(ours).toFixed(3)} vs ${median(bare).toFixed(3)} ms`,
      ratio,
      '<= 1.25',
      ratio <= 1.25,
    );
  } finally {
    child.disconnect();
  }
}

export async function runOutboxBenchmark(): Promise<void> {
  console.log('\nOutbox and Hub');
  try {
    await appends();
    await replayMemoryInChild();
    await replayMemoryInChild(boundedHeapFlags);
    await replayMemoryInChild(liveHeapFlags);
    await overhead();
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

const step = process.argv.find(
  (argument) => argument === '--fill-outbox' || argument === '--replay-memory',
);
const stepPath = process.argv.find((argument) => argument.endsWith('.db')) ?? '';
if (step) {
  try {
    await (step === '--fill-outbox' ? fillOutbox(stepPath) : replayMemory(stepPath));
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
