import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { retailcrm } from '@crossline/connector-retailcrm';
import {
  createHub,
  type LoyaltyConnector,
  loyaltySyncPipeline,
  MemoryReplayStore,
} from '@crossline/core';
import {
  type RetailcrmSimulator,
  startRetailcrmSimulator,
  startTeycaSimulator,
  type TeycaSimulator,
} from '@crossline/testing';
import { afterAll, afterEach, describe, expect, expectTypeOf, it } from 'vitest';
import {
  expectMerged,
  expectOnePerCard,
  installBadCards,
  installCards,
  subscribe,
} from './__fixtures__/loyalty-sync-cards.js';
import { crmFieldMap, startSyncHost } from './__fixtures__/loyalty-sync-host.js';
import { teyca } from './connector.js';

const running: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const item of running.splice(0).reverse()) await item.close();
});

async function simulators(): Promise<{ teycaSim: TeycaSimulator; crmSim: RetailcrmSimulator }> {
  const teycaSim = await startTeycaSimulator({
    limits: [{ limit: 100_000, windowMs: 1000 }],
    webhookConcurrency: 8,
    blockOnSecondFingerprint: false,
  });
  const crmSim = await startRetailcrmSimulator({
    rateLimits: { general: 100_000, telephony: 100_000 },
  });
  running.push(teycaSim, crmSim);
  return { teycaSim, crmSim };
}

function hostSettings(teycaSim: TeycaSimulator, crmSim: RetailcrmSimulator, mergeByPhone: boolean) {
  return {
    teyca: { url: teycaSim.url, apiKey: teycaSim.apiKey, token: teycaSim.token },
    crm: { url: crmSim.url, apiKey: crmSim.apiKey },
    mergeByPhone,
  };
}

/** Changes and bursts: bonuses on 10 cards (UPDATE each), 50-UPDATE bursts on 20 cards. */
function churn(teycaSim: TeycaSimulator, ids: readonly number[]): void {
  for (const [index, id] of ids.slice(0, 10).entries())
    teycaSim.changePass(id, { bonus: 100 + index });
  for (const id of ids.slice(150, 170)) teycaSim.burst(id, 50);
}

describe('loyaltySyncPipeline: Teyca → retailCRM, end to end on the simulators', () => {
  it('the Teyca connector is a LoyaltyConnector; direction both is accepted for retailCRM (its contacts source)', () => {
    const loyalty = teyca({
      url: 'https://api.teyca.example',
      apiKey: 'k'.repeat(32),
      token: 't'.repeat(32),
    });
    expectTypeOf(loyalty).toExtend<LoyaltyConnector>();
    const crm = retailcrm({
      url: 'https://shop.retailcrm.ru',
      apiKey: 'k'.repeat(32),
      site: 's',
      adminEmail: 'a@b.example',
    });
    const sync = loyaltySyncPipeline({ loyalty, crm, mergeByPhone: true, direction: 'both' });
    expect(sync.reverse?.from).toEqual({ connector: crm.id, source: 'contacts' });
  });

  it('merge on: 200 cards (30 sharing a number, assorted forms), bursts, repeats → one client per number with every card id; phones that are not phones are warnings with nothing stored', {
    timeout: 60_000,
  }, async () => {
    const { teycaSim, crmSim } = await simulators();
    const host = await startSyncHost({
      ...hostSettings(teycaSim, crmSim, true),
      store: new MemoryReplayStore(),
    });
    running.push(host);
    subscribe(teycaSim, host.url);
    const cards = installCards(teycaSim);
    const bad = installBadCards(teycaSim);
    churn(
      teycaSim,
      cards.map((card) => card.userId),
    );
    await teycaSim.webhooksIdle();
    await host.drain();
    expectMerged(crmSim, teycaSim, cards);
    // A phone that is not a phone: a `warning` naming the card, nothing stored at the CRM.
    for (const id of bad) {
      expect(host.warnings.some((warning) => warning.details.cardId === String(id))).toBe(true);
    }
    expect(crmSim.state.customers.some((customer) => /Bad/.test(customer.firstName ?? ''))).toBe(
      false,
    );
    // Repeats of every CREATE and a burst on every card create nothing new.
    await Promise.all(
      cards.map((card) =>
        fetch(host.url, {
          method: 'POST',
          body: JSON.stringify({ type: 'CREATE', pass: { user_id: card.userId } }),
        }),
      ),
    );
    for (const card of cards.slice(0, 40)) teycaSim.burst(card.userId, 3);
    await teycaSim.webhooksIdle();
    await host.drain();
    expectMerged(crmSim, teycaSim, cards);
    const consenting = crmSim.state.customers.filter(
      (customer) => (customer.customFields as Record<string, unknown>).loyalty_consent === true,
    );
    expect(consenting.length).toBeGreaterThan(0);
  });

  it('merge off: one client per card, found again by its external id, even for cards sharing a number', {
    timeout: 60_000,
  }, async () => {
    const { teycaSim, crmSim } = await simulators();
    const host = await startSyncHost({
      ...hostSettings(teycaSim, crmSim, false),
      store: new MemoryReplayStore(),
    });
    running.push(host);
    subscribe(teycaSim, host.url);
    const cards = installCards(teycaSim);
    churn(
      teycaSim,
      cards.map((card) => card.userId),
    );
    await teycaSim.webhooksIdle();
    await host.drain();
    expectOnePerCard(crmSim, cards);
    const bonusOf = (id: number) =>
      crmSim.state.customers.find((customer) => customer.externalId === `loyalty-card-${id}`)
        ?.customFields;
    expect((bonusOf(cards[3]?.userId ?? 0) as Record<string, unknown>).loyalty_bonus).toBe(103);
  });
});

describe('loyaltySyncPipeline: retailCRM → Teyca (direction both), end to end on the simulators', () => {
  it('a customer created in the retailCRM simulator becomes exactly one Teyca card, recorded on it, once, even when polled twice', async () => {
    const { teycaSim, crmSim } = await simulators();
    const settings = hostSettings(teycaSim, crmSim, true);
    const loyalty = teyca({
      id: 'teyca',
      ...settings.teyca,
      allowLoopback: true,
      defaultTemplate: 'Base layout', // cards for new CRM clients are issued on this layout
      limits: { perSecond: 10_000, perMinute: 600_000, perHour: 1e7, perDay: 1e8 },
    });
    const crm = retailcrm({
      id: 'crm',
      ...settings.crm,
      allowLoopback: true,
      site: 'main-shop',
      adminEmail: 'admin@shop.example',
      rateLimits: { general: 10_000, telephony: 10_000 },
      customFields: crmFieldMap,
    });
    crmSim.state.addCustomer({ firstName: 'Before', phones: [{ number: '+380501111111' }] });
    const hub = createHub({ store: new MemoryReplayStore(), timeZone: 'Europe/Kyiv' });
    hub.register(loyalty).register(crm);
    const sync = loyaltySyncPipeline({ loyalty, crm, mergeByPhone: true, direction: 'both' });
    hub.pipeline(sync);
    if (sync.reverse === undefined) throw new Error('direction both has a reverse pipeline');
    const reverse = sync.reverse;
    hub.pipeline({
      ...reverse,
      from: { connector: crm.id, source: 'contacts', intervalMs: 3_600_000 },
    });
    await hub.start();
    running.push({ close: () => hub.stop() });
    await loyalty.activate();
    await crm.activate();
    await hub.poll(reverse.id); // the first read: the source starts from now
    const customer = crmSim.state.addCustomer({
      firstName: 'Olha',
      phones: [{ number: '+38 (067) 123-45-67' }],
    });
    for (const _ of [1, 2]) {
      await hub.poll(reverse.id);
      await hub.idle();
    }
    const passes = [...teycaSim.state.passes.values()];
    expect(passes).toHaveLength(1);
    const stored = crmSim.state.customers.find((client) => client.id === customer.id);
    expect(stored?.customFields).toMatchObject({ loyalty_card_ids: String(passes[0]?.user_id) });
    expect(Object.values(await hub.pending()).every((count) => count === 0)).toBe(true);
  });
});

describe('loyaltySyncPipeline: a host killed with SIGKILL mid-stream', () => {
  const child = fileURLToPath(new URL('./__fixtures__/loyalty-sync-child.ts', import.meta.url));
  const tsx = createRequire(import.meta.url).resolve('tsx');
  const directory = mkdtempSync(join(tmpdir(), 'crossline-loyalty-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  function host(path: string, settings: object) {
    const started: ChildProcess = spawn(
      process.execPath,
      ['--import', tsx, child, path, JSON.stringify(settings)],
      {
        stdio: ['pipe', 'pipe', 'inherit'],
      },
    );
    const lines: string[] = [];
    const waiters: (() => void)[] = [];
    createInterface({ input: started.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      lines.push(line);
      for (const wake of waiters.splice(0)) wake();
    });
    const done = new Promise<number | null>((resolve) =>
      started.on('exit', (code) => resolve(code)),
    );
    const line = async (prefix: string) => {
      for (;;) {
        const found = lines.find((text) => text.startsWith(prefix));
        if (found) return found;
        await new Promise<void>((resolve) => waiters.push(resolve));
      }
    };
    return { process: started, done, line };
  }

  it('merge on, SQLite outbox: a new host on the same file finishes — one client per number, every card id on it, none created twice, 0 lost', {
    timeout: 90_000,
  }, async () => {
    const { teycaSim, crmSim } = await simulators();
    const settings = hostSettings(teycaSim, crmSim, true);
    const path = join(directory, 'outbox.db');
    const first = host(path, settings);
    subscribe(teycaSim, (await first.line('listening ')).slice('listening '.length));
    const cards = installCards(teycaSim, 0, 120);
    const deadline = Date.now() + 30_000;
    while (crmSim.state.customers.length < 40 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 2));
    first.process.kill('SIGKILL');
    expect(await first.done).toBe(null);
    const atKill = crmSim.state.customers.length;
    expect(atKill).toBeLessThan(170);
    // Cards keep coming while no host listens: those webhooks are lost at the door.
    cards.push(...installCards(teycaSim, 120, 200));
    await teycaSim.webhooksIdle();
    expect(teycaSim.state.deliveries.some((delivery) => delivery.error !== undefined)).toBe(true);

    const second = host(path, settings);
    subscribe(teycaSim, (await second.line('listening ')).slice('listening '.length));
    churn(
      teycaSim,
      cards.map((card) => card.userId),
    );
    await teycaSim.webhooksIdle();
    second.process.stdin?.write('finish\n');
    await second.line('drained');
    expect(await second.done).toBe(0);
    expectMerged(crmSim, teycaSim, cards);
  });
});
