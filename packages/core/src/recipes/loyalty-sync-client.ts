import { z } from 'zod';
import type { ActionsFor, CrmActions } from '../capabilities/crm.js';
import type { CrmContactRecord, CrmSyncActions } from '../capabilities/crm-sync.js';
import type { LoyaltyCardRecord, LoyaltyCardRef } from '../capabilities/loyalty.js';
import { ValidationError } from '../errors/validation-error.js';
import { VendorError } from '../errors/vendor-error.js';
import { dateSchema } from '../model/common.js';
import type { ContactInput } from '../model/contact.js';
import { normalizePhone } from '../phone/normalize-phone.js';
import type { StepContext } from '../pipeline/types.js';
import type { KeyedLock } from './keyed-lock.js';
import type { LoyaltyCardEvent } from './loyalty-card-event.js';

/** A step's context, typed by the CRM capabilities the sync needs: no casts. */
export type SyncStepContext = StepContext<ActionsFor<CrmActions & CrmSyncActions>>;

/**
 * Ends a delivery whose record has no usable phone: a `warning` with `details`, and a `rejected`
 * event whose `ValidationError` has the one `issue`; nothing is stored.
 */
export function refuseWithoutPhone(
  context: Pick<StepContext, 'warn' | 'reject'>,
  message: string,
  details: Readonly<Record<string, unknown>>,
  issue: { readonly path: string; readonly message: string },
): void {
  context.warn(message, details);
  context.reject(new ValidationError(message, { issues: [issue] }));
}

/** Reads a card at the loyalty platform (`cards.get`), typed by the loyalty capability. */
export type ReadCard = (ref: LoyaltyCardRef) => Promise<LoyaltyCardRecord | null>;

/** Where the card data goes on the CRM client: custom field names, `false` for "not sent". */
export interface ResolvedFieldMap {
  readonly cardIds: string;
  readonly bonusBalance: string | false;
  readonly mailingConsent: string | false;
  readonly pushAllowed: string | false;
}

/** What the client sync is configured with. */
export interface ClientSyncSettings {
  readonly mergeByPhone: boolean;
  readonly fields: ResolvedFieldMap;
  readonly externalIdPrefix: string;
  readonly lock: KeyedLock;
}

type Fields = Record<string, string | number | boolean | null>;

/**
 * One card event → its CRM client. The card is read afresh; a card with no valid phone is a
 * `warning` with nothing stored; merged by phone, the number's one client carries every card;
 * otherwise each card has its own client, found by the external id `<prefix><card id>`.
 * Look-ups come before every create and the work runs under the number's (or the card's) lock,
 * so a repeat, a retry or a second card never creates a second client.
 */
export async function syncCard(
  event: LoyaltyCardEvent,
  context: SyncStepContext,
  readCard: ReadCard,
  settings: ClientSyncSettings,
): Promise<void> {
  // A deleted card leaves its client; its id drops out of the list at the client's next sync.
  if (event.type === 'DELETE') return;
  const card = await readCard({ id: event.cardId });
  if (card === null) return; // deleted since: nothing to sync
  const phone = validPhone(card.phone);
  if (phone === undefined) {
    const message = `Card ${card.id} has no valid phone number: no CRM client was stored for it`;
    const issue = { path: 'phone', message: 'not a phone number' };
    refuseWithoutPhone(context, message, { cardId: card.id }, issue);
    return;
  }
  if (settings.mergeByPhone) {
    await settings.lock.run(`phone:${phone}`, () =>
      syncMerged(card, phone, context, readCard, settings),
    );
  } else {
    await settings.lock.run(`card:${card.id}`, () => syncSingle(card, phone, context, settings));
  }
}

async function syncSingle(
  card: LoyaltyCardRecord,
  phone: string,
  context: SyncStepContext,
  settings: ClientSyncSettings,
): Promise<void> {
  const externalId = `${settings.externalIdPrefix}${card.id}`;
  const wanted = fieldsOf([card], settings.fields);
  const found = await context.perform('contacts.get', { externalId });
  if (found === null) {
    await context.perform('contacts.create', contactOf(card, phone, wanted, externalId));
    return;
  }
  if (changed(found, wanted))
    await context.perform('contacts.update', { id: found.id, customFields: wanted });
}

async function syncMerged(
  card: LoyaltyCardRecord,
  phone: string,
  context: SyncStepContext,
  readCard: ReadCard,
  settings: ClientSyncSettings,
): Promise<void> {
  const lookup = await context.perform('contacts.findByPhone', { phone });
  if (lookup.status === 'ambiguous') {
    context.warn(`Several CRM clients have +${phone}: card ${card.id} was recorded on none`, {
      cardId: card.id,
      ids: lookup.ids,
    });
    return;
  }
  if (lookup.status === 'none') {
    await context.perform(
      'contacts.create',
      contactOf(card, phone, fieldsOf([card], settings.fields)),
    );
    return;
  }
  const client = await context.perform('contacts.get', { id: lookup.contact.id });
  if (client === null) {
    throw new VendorError(`CRM client ${lookup.contact.id} vanished while syncing: try again`, {
      retryable: true,
    });
  }
  const recorded = cardIdsOf(client.customFields[settings.fields.cardIds]);
  const others = await Promise.all(
    recorded.filter((id) => id !== card.id).map((id) => readCard({ id })),
  );
  // Cards deleted since drop out of the list.
  const cards = [card, ...others.filter((other) => other !== null)];
  const wanted = fieldsOf(cards, settings.fields);
  if (changed(client, wanted))
    await context.perform('contacts.update', { id: client.id, customFields: wanted });
}

/** The card's number, canonical, or `undefined` when it has none that reads as a phone. */
export function validPhone(phone: string | undefined): string | undefined {
  if (phone === undefined || phone.trim() === '') return undefined;
  try {
    return normalizePhone(phone);
  } catch {
    return undefined;
  }
}

/** The client's sync fields from its cards: ids, the bonus sum, consent of all, PUSH of any. */
export function fieldsOf(cards: readonly LoyaltyCardRecord[], map: ResolvedFieldMap): Fields {
  const ids = [...new Set(cards.map((card) => card.id))].sort(byNumber);
  const fields: Fields = { [map.cardIds]: ids.join(',') };
  if (map.bonusBalance)
    fields[map.bonusBalance] = cards.reduce((sum, card) => sum + card.bonusBalance, 0);
  if (map.mailingConsent) fields[map.mailingConsent] = cards.every((card) => card.mailingConsent);
  if (map.pushAllowed) fields[map.pushAllowed] = cards.some((card) => card.pushAllowed);
  return fields;
}

/** The card ids recorded in a client's field (comma-separated). */
export function cardIdsOf(value: unknown): string[] {
  if (typeof value !== 'string' && typeof value !== 'number') return [];
  return String(value)
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
}

const emailSchema = z.email();
const byNumber = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

function changed(client: CrmContactRecord, wanted: Fields): boolean {
  return Object.entries(wanted).some(
    ([field, value]) => String(client.customFields[field] ?? '') !== String(value ?? ''),
  );
}

/** A new client from a card: names, the number, a valid e-mail and birthday, the fields. */
function contactOf(
  card: LoyaltyCardRecord,
  phone: string,
  customFields: Fields,
  externalId?: string,
): ContactInput {
  const email = card.email !== undefined && emailSchema.safeParse(card.email).success;
  const birthday = card.birthday !== undefined && dateSchema.safeParse(card.birthday).success;
  return {
    ...(externalId === undefined ? {} : { id: externalId }),
    ...(card.firstName ? { firstName: card.firstName } : {}),
    ...(card.lastName ? { lastName: card.lastName } : {}),
    ...(card.middleName ? { middleName: card.middleName } : {}),
    phones: [phone],
    emails: email && card.email ? [card.email] : [],
    ...(birthday ? { birthday: card.birthday } : {}),
    customFields,
    consents: { sms: card.mailingConsent, email: card.mailingConsent, push: card.pushAllowed },
  };
}
