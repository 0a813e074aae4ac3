import type { ActionsFor } from '../capabilities/crm.js';
import type { CrmContactRecord, CrmSyncActions } from '../capabilities/crm-sync.js';
import type { LoyaltyActions } from '../capabilities/loyalty.js';
import type { StepContext } from '../pipeline/types.js';
import {
  type ClientSyncSettings,
  cardIdsOf,
  refuseWithoutPhone,
  validPhone,
} from './loyalty-sync-client.js';
import type { Performer } from './perform-on.js';

/**
 * A client new in the CRM → a loyalty card (the CRM → loyalty direction). A client that has a
 * card id recorded (one the loyalty → CRM sync created, say) is skipped; otherwise, under the
 * number's lock and after reading the client again, the cards with its number are recorded on
 * it, or one card is created and recorded — so a repeat never issues a second card.
 */
export async function cardForClient(
  client: CrmContactRecord,
  context: StepContext<ActionsFor<LoyaltyActions>>,
  onCrm: Performer<CrmSyncActions>,
  settings: ClientSyncSettings,
): Promise<void> {
  const field = settings.fields.cardIds;
  if (cardIdsOf(client.customFields[field]).length > 0) return;
  const phone = client.phones.map(validPhone).find((found) => found !== undefined);
  if (phone === undefined) {
    const message = `CRM client ${client.id} has no valid phone number: no card was issued`;
    const issue = { path: 'phones', message: 'no phone number' };
    refuseWithoutPhone(context, message, { clientId: client.id }, issue);
    return;
  }
  await settings.lock.run(`phone:${phone}`, async () => {
    const current = await onCrm('contacts.get', { id: client.id });
    if (current === null || cardIdsOf(current.customFields[field]).length > 0) return;
    const cards = await context.perform('cards.findByPhone', { phone });
    const ids =
      cards.length > 0
        ? cards.map((card) => card.id)
        : [(await context.perform('cards.create', { phone })).id];
    await onCrm('contacts.update', { id: client.id, customFields: { [field]: ids.join(',') } });
  });
}
