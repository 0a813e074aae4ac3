import type { FoundContact } from '@crossline/core';
import { findByPhone } from '@crossline/core/phone';
import { type ActionContext, createCrmKit } from '@crossline/core/sdk';
import type { AsterilApi } from '../api.js';
import type { AsterilConfig } from '../options.js';
import type { AsterilClient } from '../wire.js';

/** What an Asteril action is given. */
export type AsterilContext = ActionContext<AsterilConfig, AsterilApi>;

/** A Client as the CRM capability returns it: its id and its number as stored. */
export function foundClient(client: AsterilClient): FoundContact {
  return { id: String(client.id), phones: client.phone ? [client.phone] : [] };
}

/**
 * The Clients with a number, through core's CRM kit: Asteril matches numbers exactly as stored,
 * so every form a person may have typed is searched (`380…`, `+380…`, `0…`, `+38 (0XX) …`), and
 * core's `findByPhone` keeps the real matches. One match binds, several bind none and warn; a
 * single match (or a Client this connector created) is remembered for five minutes in the
 * connector's own memory: a caller's next calls cost no search.
 */
export const clients = createCrmKit<AsterilClient, AsterilConfig, AsterilApi>({
  noun: 'Client',
  search: (context, phone) =>
    findByPhone({
      canonical: phone,
      defaultCountry: context.config.defaultCountry,
      variants: context.config.lookupVariants,
      search: async (form) => {
        const found: AsterilClient[] = [];
        for await (const client of context.client.clientsByPhone(form, { signal: context.signal }))
          found.push(client);
        return found;
      },
      phonesOf: (client) => [client.phone],
      idOf: (client) => String(client.id),
    }),
  toContact: foundClient,
  rememberMs: 5 * 60_000,
});

/**
 * The Client a call or a task is bound to: the one the pipeline found (`contactId`), else the
 * one with the number; none when nobody or several have it (then a `warning` says the `what`
 * is not bound).
 */
export async function boundClientId(
  context: AsterilContext,
  found: { contactId?: string | undefined; phone?: string | undefined },
  what: 'call' | 'task',
): Promise<number | undefined> {
  if (found.contactId) return Number(found.contactId);
  if (!found.phone) return undefined;
  return (await clients.bind(context, found.phone, what))?.id;
}
