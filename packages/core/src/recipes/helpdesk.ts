import { z } from 'zod';
import type { ActionsFor } from '../capabilities/crm.js';
import {
  type AgentReply,
  agentReplySchema,
  type HelpdeskActions,
  type HelpdeskConnector,
} from '../capabilities/helpdesk.js';
import {
  type MarketplaceActions,
  type MarketplaceConnector,
  type MarketplaceMessage,
  marketplaceMessageSchema,
} from '../capabilities/marketplace.js';
import { ConfigError } from '../errors/config-error.js';
import type { PipelineDefinition, PipelineStep } from '../pipeline/types.js';
import type { Envelope } from '../replay/replay-store.js';
import { forwardMessage } from './helpdesk-inbound.js';
import { HelpdeskLinks } from './helpdesk-links.js';
import { sendReply } from './helpdesk-outbound.js';
import { KeyedLock } from './keyed-lock.js';
import { performerOf } from './perform-on.js';

/** Options of {@link helpdeskPipeline}; every switch is one of the integration's settings. */
export interface HelpdeskPipelineOptions {
  /** The pipelines' id prefix, part of every envelope id and state key. @defaultValue 'helpdesk' */
  id?: string | undefined;
  /** The marketplace connector: any that implements `MarketplaceActions` and a `threads` source. */
  marketplace: MarketplaceConnector;
  /** The helpdesk connector: any that implements `HelpdeskActions` and an `agentReplies` source. */
  helpdesk: HelpdeskConnector;
  /** The helpdesk queue new tickets go to. */
  queue: string;
  /** The helpdesk category of new tickets. */
  category: string;
  /**
   * What the helpdesk's external-id field holds for the conversation's customer.
   * @defaultValue the marketplace's customer id (`message.customer.id`)
   */
  customerField?: ((message: MarketplaceMessage) => string | undefined) | undefined;
  /**
   * An automatic reply sent once per new ticket: text, or made from the message it answers (the
   * ticket's first, unless that one's delivery failed for good first); called once per ticket.
   */
  autoReply?: string | ((message: MarketplaceMessage) => string) | undefined;
  /** The ticket's source (tickets can be filtered by it). @defaultValue the marketplace's vendor */
  source?: string | undefined;
  /** How often each source is read, in ms. @defaultValue 60000 */
  intervalMs?: number | undefined;
}

/** The two pipelines of {@link helpdeskPipeline}: register both. */
export interface HelpdeskPipelines {
  /** Marketplace messages (`threads`) → helpdesk tickets. */
  readonly messages: PipelineDefinition<typeof marketplaceMessageSchema>;
  /** Helpdesk agent replies (`agentReplies`) → the marketplace conversations. */
  readonly replies: PipelineDefinition<typeof agentReplySchema>;
}

const connectorSchema = (what: string, source: string) =>
  z.custom<{ id: string }>(
    (value) =>
      typeof (value as HelpdeskConnector)?.id === 'string' &&
      typeof (value as HelpdeskConnector)?.perform === 'function' &&
      (value as HelpdeskConnector).sourceNames?.includes(source) === true,
    `expected the ${what} connector (not its id), with a ${source} source`,
  );
const optionsSchema = z.object({
  id: z.string().min(1).optional(),
  marketplace: connectorSchema('marketplace', 'threads'),
  helpdesk: connectorSchema('helpdesk', 'agentReplies'),
  queue: z.string().min(1),
  category: z.string().min(1),
  customerField: z.function().optional(),
  autoReply: z.union([z.string().min(1), z.function()]).optional(),
  source: z.string().min(1).optional(),
  intervalMs: z.number().int().positive().optional(),
});

/**
 * Marketplace conversations ↔ helpdesk tickets, for any marketplace connector and any helpdesk
 * connector. Register both pipelines it returns:
 *
 * - `messages` reads the marketplace's `threads` source. A new conversation's first message
 *   finds the helpdesk customer by the marketplace customer id (`customers.findByExternalId`)
 *   or creates it, then creates one ticket (source, queue, category, the order number and link
 *   from `orders.get`, the product list as an internal note, the conversation link). Every later
 *   message goes into the same ticket, marked by author (customer, shop, operator). The ticket
 *   keeps the customer it was created with. With `autoReply`, one automatic reply is sent per
 *   new ticket and recorded, so it is never forwarded back.
 * - `replies` reads the helpdesk's `agentReplies` source (never internal comments) and posts
 *   each reply to the ticket's conversation as plain text; the posted message is recorded so the
 *   marketplace's echo of it is not forwarded back into the ticket.
 *
 * Durable: the conversation ↔ ticket link, the messages forwarded and the messages posted are
 * kept in the outbox's store (`StepContext.state`), so a restart or a crash never creates a
 * second ticket for a conversation that has its ticket recorded, and never forwards a message
 * recorded as forwarded; the work of one conversation runs under one in-process lock (one Hub
 * per outbox). Broken credentials on either side buffer and replay like every pipeline.
 *
 * @throws {@link index!ConfigError} naming the invalid option
 * @example
 * ```ts
 * const { messages, replies } = helpdeskPipeline({
 *   marketplace: shop, helpdesk, queue: 'EmpikPlace', category: 'Marketplace',
 *   autoReply: 'Thank you, we will answer shortly.',
 * });
 * hub.register(shop).register(helpdesk);
 * hub.pipeline(messages);
 * hub.pipeline(replies);
 * ```
 */
export function helpdeskPipeline(options: HelpdeskPipelineOptions): HelpdeskPipelines {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) throw ConfigError.fromIssues('helpdeskPipeline', parsed.error.issues);
  const { marketplace, helpdesk } = options;
  const id = options.id ?? 'helpdesk';
  const lock = new KeyedLock();
  const autoReply = options.autoReply;
  const intervalMs = options.intervalMs ?? 60_000;
  const inbound = (async (value, context) => {
    const message: MarketplaceMessage = marketplaceMessageSchema.parse(value);
    await forwardMessage(message, context, {
      links: new HelpdeskLinks(context.state, id),
      lock,
      marketplace: performerOf<MarketplaceActions>(marketplace, performContext(context.envelope)),
      source: options.source ?? marketplace.vendor,
      queue: options.queue,
      category: options.category,
      customerId: options.customerField ?? ((event) => event.customer.id),
      autoReply: typeof autoReply === 'string' ? () => autoReply : autoReply,
    });
    return undefined; // written by the step itself, under the conversation's lock
  }) satisfies PipelineStep<ActionsFor<HelpdeskActions>>;
  const outbound = (async (value, context) => {
    const reply: AgentReply = agentReplySchema.parse(value);
    await sendReply(reply, context, {
      links: new HelpdeskLinks(context.state, id),
      lock,
      helpdesk: performerOf<HelpdeskActions>(helpdesk, performContext(context.envelope)),
    });
    return undefined;
  }) satisfies PipelineStep<ActionsFor<MarketplaceActions>>;
  return {
    messages: {
      id: `${id}-messages`,
      input: marketplaceMessageSchema,
      from: { connector: marketplace.id, source: 'threads', intervalMs },
      key: (message) => `conversation:${message.conversationId}`,
      occurredAt: (message) => Date.parse(message.sentAt),
      steps: [inbound],
      to: { connector: helpdesk.id, action: 'tickets.addCustomerMessage' },
    },
    replies: {
      id: `${id}-replies`,
      input: agentReplySchema,
      from: { connector: helpdesk.id, source: 'agentReplies', intervalMs },
      key: (reply) => `ticket:${reply.ticketId}`,
      occurredAt: (reply) => Date.parse(reply.sentAt),
      steps: [outbound],
      to: { connector: marketplace.id, action: 'messages.reply' },
    },
  };
}

function performContext(envelope: Envelope) {
  return { envelopeId: envelope.id, occurredAt: envelope.occurredAt };
}
