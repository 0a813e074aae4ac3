// Issue 13: random interleavings of publish, lifecycle calls, credential changes, vendor faults
// and restarts, against both stores. After each run every accepted envelope was delivered
// exactly once (and accepted by the vendor once) or dropped exactly once with an event — never
// both, never neither — per-key order held, and pending() agrees with the store.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GatedVendor, gatedConnector, gatedPipeline } from '../__fixtures__/gated-vendor.js';
import { seededRandom } from '../__fixtures__/seeded-random.js';
import { MemoryReplayStore } from '../replay/memory-replay-store.js';
import type { ReplayStore } from '../replay/replay-store.js';
import { SqliteReplayStore } from '../replay/sqlite-replay-store.js';
import { createHub } from './hub.js';

const day = 86_400_000;
const runs = Number(process.env.CROSSLINE_RACE_RUNS ?? 25);
const opsPerRun = 60;
const directory = mkdtempSync(join(tmpdir(), 'crossline-races-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

interface Ledger {
  accepted: Map<string, { key: string; index: number }>;
  delivered: Map<string, number>;
  dropped: Map<string, number>;
}

const tick = (random: () => number) =>
  new Promise((resolve) => setTimeout(resolve, Math.floor(random() * 3)));

async function race(seed: number, openStore: () => ReplayStore): Promise<void> {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const vendor = new GatedVendor('key-0');
  const ledger: Ledger = { accepted: new Map(), delivered: new Map(), dropped: new Map() };
  let generation = 0;
  let store = openStore();
  const background: Promise<unknown>[] = [];

  const boot = () => {
    const connector = gatedConnector({ id: 'crm', apiKey: `key-${generation}`, vendor });
    const hub = createHub({
      store,
      timeZone: 'Europe/Kyiv',
      retry: { baseDelayMs: 1, maxDelayMs: 4, maxAttempts: 10_000 },
    });
    hub.register(connector).pipeline(gatedPipeline());
    const count = (map: Map<string, number>, id: string) => map.set(id, (map.get(id) ?? 0) + 1);
    hub.on('delivered', ({ envelope }) => count(ledger.delivered, envelope.id));
    hub.on('dropped', ({ envelope }) => count(ledger.dropped, envelope.id));
    return { hub, connector };
  };
  let { hub, connector } = boot();
  await hub.start();
  const lifecycle = (work: Promise<unknown>) => {
    const settled = work.catch(() => {});
    if (random() < 0.5) return settled;
    background.push(settled);
    return Promise.resolve();
  };

  for (let op = 0; op < opsPerRun; op += 1) {
    const roll = random();
    if (roll < 0.45) {
      const index = ledger.accepted.size;
      const key = pick(['a', 'b', 'c', 'd']);
      const at = Date.now() - (random() < 0.25 ? 5 * day : Math.floor(random() * day));
      const id = `e${op}`;
      const fault = random();
      if (fault < 0.1) vendor.answers.set(`events:${id}`, 'server-error');
      else if (fault < 0.14) vendor.answers.set(`events:${id}`, 'unauthorized');
      else if (fault < 0.3) {
        vendor.hold(`events:${id}`);
        setTimeout(() => vendor.release(`events:${id}`), Math.floor(random() * 8));
      }
      const result = await hub.publish('events', { id, key, at });
      if (!result.duplicate) ledger.accepted.set(result.envelopeId, { key, index });
    } else if (roll < 0.62) {
      await lifecycle(connector.activate(random() < 0.3 ? {} : { replay: random() < 0.6 }));
    } else if (roll < 0.72) {
      await lifecycle(connector.deactivate());
    } else if (roll < 0.82) {
      generation += 1;
      if (random() < 0.5) vendor.key = `key-${generation}`; // the vendor first, or the host first
      connector.configure({ apiKey: `key-${generation}` });
      vendor.key = `key-${generation}`;
    } else if (roll < 0.87) {
      await Promise.all(background.splice(0));
      await hub.stop();
      if (random() < 0.5) {
        await store.close();
        store = openStore();
      }
      ({ hub, connector } = boot());
      await hub.start();
    } else {
      await tick(random);
    }
  }

  // Settle: release everything, the right key everywhere, activate and drain.
  await Promise.all(background.splice(0));
  vendor.key = `key-${generation}`;
  for (let drained = 0; drained < 50; drained += 1) {
    if (connector.status !== 'active') await connector.activate({ replay: true });
    await hub.idle();
    const pending = await hub.pending();
    if (!pending.crm) break;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }

  const problems: string[] = [];
  for (const id of ledger.accepted.keys()) {
    const delivered = ledger.delivered.get(id) ?? 0;
    const dropped = ledger.dropped.get(id) ?? 0;
    const atVendor = vendor.accepted.get(id) ?? 0;
    if (delivered + dropped !== 1)
      problems.push(`${id}: delivered ${delivered}, dropped ${dropped}`);
    if (atVendor !== delivered)
      problems.push(`${id}: vendor has it ${atVendor}×, delivered ${delivered}×`);
  }
  for (const key of ['a', 'b', 'c', 'd']) {
    const sent = vendor.order
      .filter((id) => ledger.accepted.get(id)?.key === key)
      .map((id) => ledger.accepted.get(id)?.index ?? -1);
    if (sent.some((index, at) => at > 0 && index < (sent[at - 1] ?? -1)))
      problems.push(`key ${key} out of order: ${sent.join(',')}`);
  }
  const pending = await hub.pending();
  const stored = (await store.scan('crm', 0, 10_000)).length;
  if ((pending.crm ?? 0) !== stored || stored !== 0)
    problems.push(`pending() ${pending.crm ?? 0}, store ${stored}`);
  await hub.stop();
  await store.close();
  expect(problems, `seed ${seed}`).toEqual([]);
}

describe.each([
  ['memory', (_seed: number) => reuse(new MemoryReplayStore())],
  [
    'sqlite',
    (seed: number) => () => new SqliteReplayStore({ path: join(directory, `race-${seed}.db`) }),
  ],
] as const)('random lifecycle races (%s store)', (_name, opener) => {
  it(`${runs} seeded runs of ${opsPerRun} operations each: every envelope delivered once or dropped once`, async () => {
    for (let seed = 1; seed <= runs; seed += 1) await race(seed, opener(seed));
  }, 120_000);
});

/** A memory store that survives a "restart", as a file would: close() keeps it. */
function reuse(store: MemoryReplayStore): () => MemoryReplayStore {
  store.close = async () => {};
  return () => store;
}
