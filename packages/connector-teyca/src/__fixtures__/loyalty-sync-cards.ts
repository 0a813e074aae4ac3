import type { RetailcrmSimulator, TeycaSimulator } from '@crossline/testing';
import { expect } from 'vitest';

/** The assorted ways a number gets typed into a loyalty card. */
const forms = [
  (n: string) => `380${n}`,
  (n: string) => `+380 ${n.slice(0, 2)} ${n.slice(2, 5)} ${n.slice(5, 7)} ${n.slice(7)}`,
  (n: string) => `0${n}`,
  (n: string) => `+38 (0${n.slice(0, 2)}) ${n.slice(2, 5)}-${n.slice(5, 7)}-${n.slice(7)}`,
  (n: string) => `0${n.slice(0, 2)}-${n.slice(2, 5)}-${n.slice(5, 7)}-${n.slice(7)}`,
  (n: string) => `8 0${n.slice(0, 2)} ${n.slice(2, 5)} ${n.slice(5, 7)} ${n.slice(7)}`,
];

/** A card installed at the simulator, with the canonical number its phone was typed from. */
export interface SeededCard {
  readonly userId: number;
  readonly phone: string;
}

/** The number of card `index` (the last 30 share the number of an earlier card). */
function numberOf(index: number): string {
  const base = index < 170 ? index : (index - 170) * 5;
  return `67${String(1_000_000 + base * 37).slice(-7)}`;
}

/** Card indices in install order: each card sharing a number right after the card it shares with. */
const installOrder = Array.from({ length: 170 }, (_, base) =>
  base % 5 === 0 && base / 5 < 30 ? [base, 170 + base / 5] : [base],
).flat();

/**
 * Installs 200 cards (positions `from` to `to` of the install order) — every 2nd consenting to mailings (`key1`), every 3rd on a device
 * (`o_s`), 30 sharing the number of an earlier card, each typed in one of six forms — plus two
 * cards whose phone is not a phone. Each install makes the simulator POST a CREATE webhook.
 */
export function installCards(teyca: TeycaSimulator, from = 0, to = 200): SeededCard[] {
  const cards: SeededCard[] = [];
  for (const index of installOrder.slice(from, to)) {
    const local = numberOf(index);
    const form = forms[index % forms.length] as (n: string) => string;
    const pass = teyca.installCard({
      first_name: `Client ${index}`,
      phone: form(local),
      ...(index % 2 === 0 ? { key1: 'yes' } : {}),
      ...(index % 3 === 0 ? { o_s: 'IOS' } : {}),
    });
    cards.push({ userId: pass.user_id, phone: `380${local}` });
  }
  return cards;
}

/** Two cards whose phone is not a phone: each must be a `warning`, nothing stored. */
export function installBadCards(teyca: TeycaSimulator): number[] {
  return ['not a phone', '12345'].map(
    (phone, index) => teyca.installCard({ first_name: `Bad ${index}`, phone }).user_id,
  );
}

/** Subscribes the simulator's CREATE, UPDATE and DELETE webhooks to a URL. */
export function subscribe(teyca: TeycaSimulator, url: string): void {
  for (const type of ['CREATE', 'UPDATE', 'DELETE'] as const)
    teyca.state.webhooks.set(type.padEnd(32, '0'), { id: type.padEnd(32, '0'), type, url });
}

/** The cards by canonical number. */
export function byPhone(cards: readonly SeededCard[]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  for (const card of cards)
    groups.set(card.phone, [...(groups.get(card.phone) ?? []), card.userId]);
  return groups;
}

/**
 * Merge on: one customer per distinct number, carrying every card id of it and the summed
 * bonus; none created twice; no card lost.
 */
export function expectMerged(crm: RetailcrmSimulator, teyca: TeycaSimulator, cards: SeededCard[]) {
  const groups = byPhone(cards);
  expect(groups.size).toBe(170);
  const customers = crm.state.customers;
  expect(customers).toHaveLength(groups.size); // every create appends: none made twice
  const seen = new Set<number>();
  for (const customer of customers) {
    const phone = customer.phones[0]?.number?.replace('+', '') ?? '';
    const expected = (groups.get(phone) ?? []).sort((a, b) => a - b);
    const fields = customer.customFields as Record<string, unknown>;
    expect(String(fields.loyalty_card_ids)).toBe(expected.join(','));
    const bonus = expected.reduce((sum, id) => sum + Number(teyca.state.render(id)?.bonus ?? 0), 0);
    expect(Number(fields.loyalty_bonus)).toBe(bonus);
    for (const id of expected) seen.add(id);
  }
  expect(seen.size).toBe(200); // 0 lost
}

/** Merge off: one customer per card, found by its external id; none created twice. */
export function expectOnePerCard(crm: RetailcrmSimulator, cards: SeededCard[]) {
  const customers = crm.state.customers;
  expect(customers).toHaveLength(cards.length);
  const externalIds = new Set(customers.map((customer) => customer.externalId));
  for (const card of cards) expect(externalIds.has(`loyalty-card-${card.userId}`)).toBe(true);
}
