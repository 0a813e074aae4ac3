import type { ActionsFor } from '../capabilities/crm.js';
import type { HelpdeskActions, HelpdeskTicketInput } from '../capabilities/helpdesk.js';
import type {
  MarketplaceActions,
  MarketplaceMessage,
  MarketplaceOrder,
} from '../capabilities/marketplace.js';
import { TransportError } from '../errors/transport-error.js';
import type { MessageInput } from '../model/ticket.js';
import type { StepContext } from '../pipeline/types.js';
import type { HelpdeskLinks } from './helpdesk-links.js';
import { optional } from './helpdesk-optional.js';
import type { KeyedLock } from './keyed-lock.js';
import type { Performer } from './perform-on.js';

/** A step's context on the helpdesk side, typed by the helpdesk capability: no casts. */
export type HelpdeskStepContext = StepContext<ActionsFor<HelpdeskActions>>;

/** What forwarding a marketplace message needs besides the message. */
export interface InboundSettings {
  readonly links: HelpdeskLinks;
  readonly lock: KeyedLock;
  readonly marketplace: Performer<MarketplaceActions>;
  readonly source: string;
  readonly queue: string;
  readonly category: string;
  readonly customerId: (message: MarketplaceMessage) => string | undefined;
  readonly autoReply: ((message: MarketplaceMessage) => string) | undefined;
}

/**
 * Puts one marketplace message into its conversation's ticket, under the conversation's lock:
 * the ticket is created for the first message (the customer found or created first), every
 * later one is added, marked by author; a message the pipeline posted itself is skipped, and
 * a shop message read while a reply is being posted waits for it (a retryable failure).
 */
export async function forwardMessage(
  message: MarketplaceMessage,
  context: HelpdeskStepContext,
  settings: InboundSettings,
): Promise<void> {
  const { links, lock } = settings;
  const conversationId = message.conversationId;
  await lock.run(conversationId, async () => {
    if (!(await links.forwarded(conversationId, message.id))) {
      if (message.authorRole !== 'customer' && (await links.ours(message.id))) {
        await links.markForwarded(message.id);
      } else {
        if (message.authorRole !== 'customer' && (await links.posting(conversationId))) {
          throw new TransportError(
            `A reply to conversation ${conversationId} is being posted: message ${message.id} waits until it is recorded`,
            { mayHaveReachedVendor: false },
          );
        }
        await forwardOnce(message, context, settings);
        await links.markForwarded(message.id);
      }
    }
    if (settings.autoReply) await sendAutoReply(message, context, settings);
  });
}

async function forwardOnce(
  message: MarketplaceMessage,
  context: HelpdeskStepContext,
  settings: InboundSettings,
): Promise<void> {
  const { links } = settings;
  let ticketId = await links.ticketOf(message.conversationId);
  if (ticketId === undefined) {
    if (settings.autoReply) await links.markAutoReplyPending(message.conversationId);
    ticketId =
      (await recoverTicket(message, context, settings)) ??
      (await openTicket(message, context, settings));
    await links.link(message.conversationId, ticketId, message.id);
    return; // the ticket's first message
  }
  const action =
    message.authorRole === 'customer' ? 'tickets.addCustomerMessage' : 'tickets.addAuthoredMessage';
  await links.adding(message.id, (mayExist) =>
    context.perform(action, {
      ticketId,
      message: canonical(message),
      ...(mayExist && { mayExist }),
    }),
  );
}

/**
 * The ticket an earlier delivery of this message created but did not record (the host crashed
 * after the helpdesk answered): asked for by the conversation id it carries.
 */
async function recoverTicket(
  message: MarketplaceMessage,
  context: HelpdeskStepContext,
  settings: InboundSettings,
): Promise<string | undefined> {
  const since = await settings.links.creating(message.conversationId);
  if (since === undefined) return undefined;
  const conversationId = message.conversationId;
  const found = await context.perform('tickets.findByConversation', { conversationId, since });
  return found?.id;
}

/** Creates the conversation's ticket: its customer bound (or carried), the order, the links. */
async function openTicket(
  message: MarketplaceMessage,
  context: HelpdeskStepContext,
  settings: InboundSettings,
): Promise<string> {
  const externalId = settings.customerId(message);
  const customerId =
    externalId === undefined ? undefined : await bindCustomer(externalId, message, context);
  const order = message.order
    ? await optional(context, `the order ${message.order.id} could not be read`, () =>
        settings.marketplace('orders.get', { orderId: message.order?.id ?? '' }),
      )
    : undefined;
  const orderUrl = order?.url ?? message.order?.url;
  const links = [
    ...(orderUrl ? [{ title: 'Order', url: orderUrl }] : []),
    ...(message.conversationUrl ? [{ title: 'Conversation', url: message.conversationUrl }] : []),
  ];
  const orderNumber = order?.number ?? message.order?.id;
  const input: HelpdeskTicketInput = {
    ticket: {
      subject: message.subject || `Conversation ${message.conversationId}`,
      source: settings.source,
      queue: settings.queue,
      category: settings.category,
      customer: {
        ...(externalId === undefined ? {} : { externalId }),
        ...(message.customer.name ? { name: message.customer.name } : {}),
      },
      ...(orderNumber === undefined ? {} : { orderNumber }),
      links,
    },
    ...(customerId === undefined ? {} : { customerId }),
    message: message.authorRole === 'customer' ? canonical(message) : opening(message),
    ...(order?.lines.length ? { comment: productList(order) } : {}),
  };
  await settings.links.markCreating(message.conversationId, new Date().toISOString());
  const ticket = await context.perform('tickets.create', input);
  return ticket.id;
}

/** The helpdesk customer with the marketplace's id, found or created; several: none bound. */
async function bindCustomer(
  externalId: string,
  message: MarketplaceMessage,
  context: HelpdeskStepContext,
): Promise<string | undefined> {
  const lookup = await context.perform('customers.findByExternalId', { externalId });
  if (lookup.status === 'found') return lookup.customer.id;
  if (lookup.status === 'ambiguous') return undefined;
  const name = message.customer.name?.trim();
  const created = await context.perform('customers.create', {
    externalId,
    ...(name ? { lastName: name } : {}),
  });
  return created.id;
}

/**
 * Sends the automatic reply once for the conversation's new ticket (its text made from the
 * message that finds it owed), recorded as the pipeline's, then puts what was posted in the
 * ticket once: a failed record is redelivered until it is in, or the helpdesk refuses it.
 */
async function sendAutoReply(
  message: MarketplaceMessage,
  context: HelpdeskStepContext,
  settings: InboundSettings,
): Promise<void> {
  const { links, marketplace, autoReply } = settings;
  const conversationId = message.conversationId;
  let state = await links.autoReplyOf(conversationId);
  if (!autoReply || state === undefined || state === 'recorded') return;
  const ticketId = await links.ticketOf(conversationId);
  if (ticketId === undefined) return;
  if (state === 'pending') {
    const text = autoReply(message);
    const sent = await links.posted(
      conversationId,
      () => marketplace('messages.reply', { conversationId, text }),
      (result) => links.markOurs(result.messageId, 'auto'),
    );
    state = { messageId: sent.messageId, sentAt: new Date().toISOString(), text };
    await links.markAutoReply(conversationId, state);
  }
  const { messageId, sentAt, text } = state;
  const record = { id: messageId, conversationId, authorRole: 'agent', text, sentAt } as const;
  await optional(context, 'the automatic reply could not be recorded in the ticket', () =>
    // Its own key: the reply's echo, skipped as the pipeline's, must not count as its record.
    links.adding(`auto-reply/${messageId}`, (mayExist) =>
      context.perform('tickets.addAuthoredMessage', {
        ticketId,
        message: record,
        ...(mayExist && { mayExist }),
      }),
    ),
  );
  await links.markAutoReplyRecorded(conversationId);
}

/** The marketplace message as the canonical message a helpdesk action takes. */
function canonical(message: MarketplaceMessage): MessageInput {
  const { id, conversationId, authorRole, authorName, text, sentAt, attachments } = message;
  return {
    id,
    conversationId,
    authorRole,
    ...(authorName === undefined ? {} : { authorName }),
    text,
    sentAt,
    attachments,
  };
}

/**
 * A ticket opened by a shop or operator message: its first message stands on the customer's
 * side (a helpdesk ticket starts with the customer), saying who wrote it.
 */
function opening(message: MarketplaceMessage): MessageInput {
  const who = message.authorRole === 'shop' ? 'the shop' : 'a marketplace operator';
  const name = message.authorName ? ` (${message.authorName})` : '';
  return {
    id: message.id,
    conversationId: message.conversationId,
    authorRole: 'customer',
    ...(message.customer.name ? { authorName: message.customer.name } : {}),
    text: `The conversation was opened by ${who}${name}:\n\n${message.text}`,
    sentAt: message.sentAt,
    attachments: message.attachments,
  };
}

/** The order's product list, for an internal note on the ticket. */
export function productList(order: MarketplaceOrder): string {
  const lines = order.lines.map((line) => {
    const price = `${line.price}${order.currency ? ` ${order.currency}` : ''}`;
    return `- ${line.sku} × ${line.qty}: ${line.title} (${price})`;
  });
  return [`Order ${order.number ?? order.id ?? ''} products:`, ...lines].join('\n');
}
