import { describe, expect, it } from 'vitest';
import { memoryCrm, memoryLoyalty } from '../__fixtures__/memory-loyalty-crm.js';
import type { CrmContactRecord } from '../capabilities/crm-sync.js';
import type { LoyaltyCardRecord } from '../capabilities/loyalty.js';
import type { ConnectorWarning } from '../connector/types.js';
import { ConfigError } from '../errors/config-error.js';
import { createHub } from '../pipeline/hub.js';
import { MemoryReplayStore } from '../replay/memory-replay-store.js';
import { loyaltyCardEventSchema } from './loyalty-card-event.js';
import { loyaltySyncPipeline } from './loyalty-sync.js';
import { cardIdsOf, fieldsOf } from './loyalty-sync-client.js';

const card = (id: string, phone: string | undefined, bonusBalance = 0): LoyaltyCardRecord => ({
  id,
  ...(phone === undefined ? {} : { phone }),
  bonusBalance,
  mailingConsent: true,
  pushAllowed: id === '2',
  customFields: {},
});

async function hubWith(cards: LoyaltyCardRecord[], clients: CrmContactRecord[], merge: boolean) {
  const loyalty = memoryLoyalty(new Map(cards.map((item) => [item.id, item])));
  const crm = memoryCrm(clients, true);
  const hub = createHub({ store: new MemoryReplayStore(), timeZone: 'UTC' });
  const warnings: ConnectorWarning[] = [];
  hub.on('warning', (warning) => warnings.push(warning));
  const rejected: { eventId: string; error: unknown }[] = [];
  hub.on('rejected', (event) => rejected.push(event));
  hub.register(loyalty).register(crm);
  const sync = loyaltySyncPipeline({ loyalty, crm, mergeByPhone: merge, direction: 'both' });
  const cardsIn = hub.pipeline(sync);
  if (sync.reverse)
    hub.pipeline({
      ...sync.reverse,
      from: { connector: crm.id, source: 'contacts', intervalMs: 3_600_000 },
    });
  await hub.start();
  await loyalty.activate();
  await crm.activate();
  return { hub, cardsIn, warnings, rejected };
}

describe('loyaltySyncPipeline', () => {
  it('refuses bad options with a ConfigError naming them', () => {
    const loyalty = memoryLoyalty(new Map());
    const crm = memoryCrm([]);
    const bad = { loyalty, crm, mergeByPhone: 'yes', direction: 'sideways' } as never;
    expect(() => loyaltySyncPipeline(bad)).toThrow(/mergeByPhone[\s\S]*direction/);
    expect(() =>
      loyaltySyncPipeline({
        loyalty: 'teyca' as never,
        crm,
        mergeByPhone: true,
        direction: 'loyalty-to-crm',
      }),
    ).toThrow(ConfigError);
    // direction 'both' needs the CRM's source of new clients
    expect(() =>
      loyaltySyncPipeline({ loyalty, crm, mergeByPhone: true, direction: 'both' }),
    ).toThrow(/needs a source of new clients \(`contacts`\)/);
  });

  it('reads a webhook event with userId or cardId; a type it does not know is an UPDATE', () => {
    expect(
      loyaltyCardEventSchema.parse({ id: 'e', type: 'CREATE', userId: '7', origin: 'webhook' }),
    ).toEqual({
      id: 'e',
      type: 'CREATE',
      cardId: '7',
    });
    expect(loyaltyCardEventSchema.parse({ id: 'e', type: 'NEW', cardId: 8 }).type).toBe('UPDATE');
    expect(loyaltyCardEventSchema.safeParse({ id: 'e', type: 'CREATE' }).success).toBe(false);
  });

  it('sums bonuses, needs every card to consent and any to allow PUSH; card ids sorted as numbers', () => {
    const map = {
      cardIds: 'ids',
      bonusBalance: 'bonus',
      mailingConsent: 'consent',
      pushAllowed: false as const,
    };
    expect(fieldsOf([card('10', undefined, 5), card('9', undefined, 7)], map)).toEqual({
      ids: '9,10',
      bonus: 12,
      consent: true,
    });
    expect(cardIdsOf(' 1, 2 ,,3')).toEqual(['1', '2', '3']);
    expect(cardIdsOf(undefined)).toEqual([]);
  });

  it('merge on: two cards of one number make one client with both ids; a card without a valid phone is a warning, nothing stored', async () => {
    const clients: CrmContactRecord[] = [];
    const cards = [
      card('1', '380671234567', 10),
      card('2', '380671234567', 5),
      card('3', undefined),
    ];
    const { hub, cardsIn, warnings, rejected } = await hubWith(cards, clients, true);
    for (const id of ['1', '2', '3'])
      await cardsIn.publish({ id: `CREATE:${id}`, type: 'CREATE', cardId: id });
    await hub.idle();
    await hub.poll('loyalty-sync-reverse'); // the clients it made have cards: no card issued
    await hub.idle();
    expect(clients).toHaveLength(1);
    expect(clients[0]?.customFields).toMatchObject({
      loyaltyCardIds: '1,2',
      loyaltyBonusBalance: 15,
      loyaltyPushAllowed: true,
    });
    expect(warnings.map((warning) => warning.message)).toEqual([
      'Card 3 has no valid phone number: no CRM client was stored for it',
    ]);
    // …and a rejected event, the event's data being unusable; the delivery ends, nothing sent.
    expect(rejected).toEqual([
      expect.objectContaining({
        pipelineId: 'loyalty-sync',
        eventId: 'CREATE:3',
        error: expect.objectContaining({
          name: 'ValidationError',
          issues: [{ path: 'phone', message: 'not a phone number' }],
        }),
        envelope: expect.objectContaining({ id: 'loyalty-sync:CREATE:3' }),
      }),
    ]);
    expect(await hub.pending()).toEqual({});
    await hub.stop();
  });

  it('direction both: a client new in the CRM gets one card, recorded on it; a repeat issues none', async () => {
    const clients: CrmContactRecord[] = [{ id: 'c1', phones: ['380501112233'], customFields: {} }];
    const cardStore: LoyaltyCardRecord[] = [];
    const { hub } = await hubWith(cardStore, clients, false);
    await hub.poll('loyalty-sync-reverse');
    await hub.idle();
    expect(clients[0]?.customFields.loyaltyCardIds).toBe('1');
    await hub.poll('loyalty-sync-reverse');
    await hub.idle();
    expect(clients[0]?.customFields.loyaltyCardIds).toBe('1');
    await hub.stop();
  });
});
