import { z } from 'zod';
import type { ActionsFor, CrmActions } from '../capabilities/crm.js';
import {
  type CrmSyncActions,
  type CrmSyncConnector,
  crmContactRecordSchema,
  crmContactsSource,
} from '../capabilities/crm-sync.js';
import type { LoyaltyActions, LoyaltyConnector } from '../capabilities/loyalty.js';
import { ConfigError } from '../errors/config-error.js';
import type { PipelineDefinition, PipelineStep } from '../pipeline/types.js';
import { lockOf } from './keyed-lock.js';
import { type LoyaltyCardEvent, loyaltyCardEventSchema } from './loyalty-card-event.js';
import { type ClientSyncSettings, type ResolvedFieldMap, syncCard } from './loyalty-sync-client.js';
import { cardForClient } from './loyalty-sync-reverse.js';
import { performerOf } from './perform-on.js';

/**
 * Where a card's data goes on its CRM client: the contact's custom field names (the CRM
 * connector's own field map then places them, e.g. retailCRM's `customFields` option);
 * `false` sends nothing.
 */
export interface LoyaltySyncFieldMap {
  /** Every card id of the client, comma-separated. @defaultValue 'loyaltyCardIds' */
  cardIds?: string | undefined;
  /** The bonus balance, summed over the client's cards. @defaultValue 'loyaltyBonusBalance' */
  bonusBalance?: string | false | undefined;
  /** Mailing consent: true when every card of the client has it. @defaultValue 'loyaltyMailingConsent' */
  mailingConsent?: string | false | undefined;
  /** PUSH allowed on any of the client's cards. @defaultValue 'loyaltyPushAllowed' */
  pushAllowed?: string | false | undefined;
}

/** Options of {@link loyaltySyncPipeline}; every switch is one of the integration's settings. */
export interface LoyaltySyncOptions {
  /** The pipeline id, part of every envelope id. @defaultValue 'loyalty-sync' */
  id?: string | undefined;
  /** The loyalty connector: any that implements the loyalty capability (`LoyaltyActions`). */
  loyalty: LoyaltyConnector;
  /**
   * The CRM connector: any that implements the CRM capability and {@link sdk!CrmSyncActions}
   * (retailCRM does); the compiler refuses one that lacks them.
   */
  crm: CrmSyncConnector;
  /** Cards with the same number become one CRM client (every card id on it); off, one per card. */
  mergeByPhone: boolean;
  /**
   * `'loyalty-to-crm'`: cards become CRM clients. `'both'`: clients created in the CRM also get
   * a card — only for a CRM connector with a source of new clients (`contacts`); refused with a
   * `ConfigError` otherwise (retailCRM and Asteril have none yet).
   */
  direction: 'loyalty-to-crm' | 'both';
  /** Where the card data goes on the client. */
  fieldMap?: LoyaltySyncFieldMap | undefined;
  /**
   * The external id of a client created for one card (merge off): this prefix and the card id.
   * @defaultValue 'loyalty-card-'
   */
  externalIdPrefix?: string | undefined;
  /**
   * Read the loyalty connector's polling source (e.g. `passes`) instead of `publish()`: for hosts
   * that cannot receive the platform's webhooks, or to catch up on those missed while down.
   */
  source?:
    | {
        /** The source's name on the loyalty connector. */
        name: string;
        /** How often to read, in ms. @defaultValue 30000 */
        intervalMs?: number | undefined;
      }
    | undefined;
}

/** The loyalty → CRM pipeline, and the CRM → loyalty one when `direction` is `'both'`. */
export type LoyaltySyncPipeline = PipelineDefinition<typeof loyaltyCardEventSchema> & {
  /** CRM clients → loyalty cards (`direction: 'both'` only): register it too. */
  readonly reverse?: PipelineDefinition<typeof crmContactRecordSchema> | undefined;
};

const connectorSchema = z.custom<{ id: string }>(
  (value) =>
    typeof (value as LoyaltyConnector)?.id === 'string' &&
    typeof (value as LoyaltyConnector)?.perform === 'function',
  'expected a connector (not its id)',
);
const fieldSchema = z.union([z.string().min(1), z.literal(false)]).optional();
const optionsSchema = z.object({
  id: z.string().min(1).optional(),
  loyalty: connectorSchema,
  crm: connectorSchema,
  mergeByPhone: z.boolean(),
  direction: z.literal(['loyalty-to-crm', 'both']),
  fieldMap: z
    .strictObject({
      cardIds: z.string().min(1).optional(),
      bonusBalance: fieldSchema,
      mailingConsent: fieldSchema,
      pushAllowed: fieldSchema,
    })
    .optional(),
  externalIdPrefix: z.string().optional(),
  source: z
    .strictObject({ name: z.string().min(1), intervalMs: z.number().int().positive().optional() })
    .optional(),
});

/**
 * Loyalty cards ↔ CRM clients, for any loyalty connector and any CRM connector with
 * {@link sdk!CrmSyncActions}. Publish the loyalty platform's card events (its webhook inlet's, or
 * read its polling source with `source`); each is delivered to the CRM:
 *
 * - the card is read afresh (`cards.get`) — an event body is never trusted; a deleted card is
 *   skipped;
 * - a card whose phone is not a phone: a `warning` event, nothing stored at the CRM;
 * - `mergeByPhone`: the client with the card's number (`contacts.findByPhone`, every stored
 *   form) gets the card's id added to its list, or is created with it; several clients with
 *   the number: a `warning`, nothing stored. Off: the client with the external id
 *   `<externalIdPrefix><card id>` (`contacts.get`), or a new one;
 * - the card ids, the bonus balance (summed over the client's cards), mailing consent (all
 *   cards) and PUSH (any card) are written where `fieldMap` says, only when they changed.
 *
 * Never a client twice: events are keyed by card, a look-up precedes every create, and the
 * work for one number (or card) runs under an in-process lock shared by every sync writing to
 * the CRM connector (one Hub per outbox).
 *
 * @throws {@link ConfigError} naming the invalid option; for `direction: 'both'` with a CRM
 *   connector that has no `contacts` source
 * @example
 * ```ts
 * const sync = hub.register(loyalty).register(crm).pipeline(
 *   loyaltySyncPipeline({ loyalty, crm, mergeByPhone: true, direction: 'loyalty-to-crm' }),
 * );
 * const inlet = createTeycaWebhookHandler({ publish: (event) => sync.publish(event) });
 * ```
 */
export function loyaltySyncPipeline(options: LoyaltySyncOptions): LoyaltySyncPipeline {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) throw ConfigError.fromIssues('loyaltySyncPipeline', parsed.error.issues);
  const { loyalty, crm } = options;
  const id = options.id ?? 'loyalty-sync';
  const settings: ClientSyncSettings = {
    mergeByPhone: options.mergeByPhone,
    fields: resolveFieldMap(options.fieldMap),
    externalIdPrefix: options.externalIdPrefix ?? 'loyalty-card-',
    lock: lockOf(crm),
  };
  const step = (async (value, context) => {
    const event: LoyaltyCardEvent = loyaltyCardEventSchema.parse(value);
    const onLoyalty = performerOf<LoyaltyActions>(loyalty, performContext(context.envelope));
    await syncCard(event, context, (ref) => onLoyalty('cards.get', ref), settings);
    return undefined; // written by the step itself, under the lock
  }) satisfies PipelineStep<ActionsFor<CrmActions & CrmSyncActions>>;
  const feed = options.source
    ? { from: { connector: loyalty.id, source: options.source.name, ...interval(options) } }
    : { eventId: (event: LoyaltyCardEvent) => event.id };
  return {
    id,
    input: loyaltyCardEventSchema,
    ...feed,
    key: (event) => `card:${event.cardId}`,
    occurredAt: (event) => event.receivedAt ?? Date.now(),
    notBefore: (event) => event.notBefore,
    steps: [step],
    to: { connector: crm.id, action: 'contacts.update' },
    ...(options.direction === 'both' ? { reverse: reversePipeline(id, options, settings) } : {}),
  };
}

function reversePipeline(
  id: string,
  options: LoyaltySyncOptions,
  settings: ClientSyncSettings,
): PipelineDefinition<typeof crmContactRecordSchema> {
  const { crm, loyalty } = options;
  if (!crm.sourceNames.includes(crmContactsSource)) {
    throw new ConfigError(
      `loyaltySyncPipeline: direction 'both' needs a source of new clients (\`${crmContactsSource}\`) on CRM connector ${crm.id}, which has none; use 'loyalty-to-crm'`,
      {
        issues: [
          { path: 'direction', message: `the CRM connector has no ${crmContactsSource} source` },
        ],
      },
    );
  }
  return {
    id: `${id}-reverse`,
    input: crmContactRecordSchema,
    from: { connector: crm.id, source: crmContactsSource },
    key: (client) => `client:${client.id}`,
    steps: [
      (async (value, context) => {
        const client = crmContactRecordSchema.parse(value);
        const onCrm = performerOf<CrmSyncActions>(crm, performContext(context.envelope));
        await cardForClient(client, context, onCrm, settings);
        return undefined;
      }) satisfies PipelineStep<ActionsFor<LoyaltyActions>>,
    ],
    to: { connector: loyalty.id, action: 'cards.create' },
  };
}

function resolveFieldMap(map: LoyaltySyncFieldMap = {}): ResolvedFieldMap {
  return {
    cardIds: map.cardIds ?? 'loyaltyCardIds',
    bonusBalance: map.bonusBalance ?? 'loyaltyBonusBalance',
    mailingConsent: map.mailingConsent ?? 'loyaltyMailingConsent',
    pushAllowed: map.pushAllowed ?? 'loyaltyPushAllowed',
  };
}

function interval(options: LoyaltySyncOptions): { intervalMs?: number } {
  const intervalMs = options.source?.intervalMs;
  return intervalMs === undefined ? {} : { intervalMs };
}

function performContext(envelope: { id: string; occurredAt: number }) {
  return { envelopeId: envelope.id, occurredAt: envelope.occurredAt };
}
