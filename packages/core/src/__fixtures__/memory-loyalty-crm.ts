// In-memory loyalty and CRM connectors for the loyalty-sync unit tests: each keeps its records
// in a plain object the test reads, and implements its capability's actions without HTTP.
import { z } from 'zod';
import type { ContactLookup, FoundContact } from '../capabilities/crm.js';
import type { CrmContactPatch, CrmContactRecord, CrmContactRef } from '../capabilities/crm-sync.js';
import type {
  BonusOperation,
  LoyaltyCardFields,
  LoyaltyCardRecord,
  LoyaltyCardRef,
  LoyaltyMessage,
  LoyaltyOperation,
} from '../capabilities/loyalty.js';
import { defineConnector } from '../connector/define-connector.js';
import type { SourceItem } from '../connector/types.js';
import type { CallInput } from '../model/call.js';
import type { ContactInput } from '../model/contact.js';
import type { TaskInput } from '../model/task.js';
import { normalizePhone } from '../phone/normalize-phone.js';

const config = z.object({ id: z.string().optional() });
const verify = async () => ({
  reachable: true,
  credentialsValid: true,
  missingPermissions: [],
  problems: [],
});
const action = <Input, Output>(run: (input: Input) => Output) => ({
  input: z.custom<Input>(),
  run: async (input: Input) => run(input),
});

/** A loyalty platform's cards, by id. */
export function memoryLoyalty(cards: Map<string, LoyaltyCardRecord>) {
  const bonus = (input: BonusOperation): LoyaltyOperation => ({ cardId: String(input.cardId) });
  const message = (input: LoyaltyMessage): LoyaltyOperation => ({ cardId: String(input.cardId) });
  return defineConnector({
    vendor: 'memory-loyalty',
    configSchema: config,
    createClient: () => cards,
    verify,
    actions: {
      'cards.get': action((ref: LoyaltyCardRef) =>
        'id' in ref ? (cards.get(String(ref.id)) ?? null) : null,
      ),
      'cards.findByPhone': action((input: { readonly phone: string }) =>
        [...cards.values()].filter((card) => card.phone === normalizePhone(input.phone)),
      ),
      'cards.create': action((fields: LoyaltyCardFields): LoyaltyCardRecord => {
        const card: LoyaltyCardRecord = {
          id: String(cards.size + 1),
          ...(fields.phone ? { phone: normalizePhone(fields.phone) } : {}),
          bonusBalance: 0,
          pushAllowed: false,
          mailingConsent: false,
          customFields: {},
        };
        cards.set(card.id, card);
        return card;
      }),
      'cards.update': action((input: LoyaltyCardFields & { readonly id: string | number }) => ({
        id: String(input.id),
      })),
      'bonuses.accrue': action(bonus),
      'bonuses.writeOff': action(bonus),
      'messages.send': action(message),
    },
  })({ id: 'loyalty' });
}

/** A CRM's clients, in creation order; with `source`, a `contacts` source of them. */
export function memoryCrm(clients: CrmContactRecord[], source = false) {
  const found = (client: CrmContactRecord): FoundContact => ({
    id: client.id,
    phones: client.phones,
  });
  const contacts = {
    read: async function* (
      cursor: string | undefined,
    ): AsyncIterable<SourceItem<CrmContactRecord>> {
      for (let index = Number(cursor ?? 0); index < clients.length; index += 1) {
        const client = clients[index] as CrmContactRecord;
        yield { id: client.id, occurredAt: Date.now(), event: client, cursor: String(index + 1) };
      }
    },
  };
  const create = (input: ContactInput): FoundContact => {
    const client: CrmContactRecord = {
      id: `c${clients.length + 1}`,
      phones: (input.phones ?? []).map((phone) => normalizePhone(phone)),
      ...(input.id ? { externalId: input.id } : {}),
      customFields: { ...input.customFields },
    };
    clients.push(client);
    return found(client);
  };
  return defineConnector({
    vendor: 'memory-crm',
    configSchema: config,
    createClient: () => clients,
    verify,
    actions: {
      'contacts.findByPhone': action(({ phone }: { phone: string }): ContactLookup => {
        const matches = clients.filter((client) => client.phones.includes(normalizePhone(phone)));
        if (matches.length === 0) return { status: 'none' };
        if (matches.length > 1) return { status: 'ambiguous', ids: matches.map((c) => c.id) };
        return { status: 'found', contact: found(matches[0] as CrmContactRecord) };
      }),
      'contacts.upsert': action(create),
      'calls.log': action((_call: CallInput) => ({})),
      'tasks.create': action((_task: TaskInput) => ({})),
      'contacts.get': action(
        (ref: CrmContactRef) =>
          clients.find((client) =>
            'id' in ref ? client.id === ref.id : client.externalId === ref.externalId,
          ) ?? null,
      ),
      'contacts.create': action(create),
      'contacts.update': action(({ id, customFields }: CrmContactPatch): FoundContact => {
        const index = clients.findIndex((client) => client.id === id);
        const client = clients[index] as CrmContactRecord;
        clients[index] = { ...client, customFields: { ...client.customFields, ...customFields } };
        return found(client);
      }),
    },
    sources: source ? { contacts } : {},
  })({ id: 'crm' });
}
