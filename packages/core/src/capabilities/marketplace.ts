import { z } from 'zod';
import { orderSchema } from '../model/commerce.js';
import { httpUrlSchema } from '../model/common.js';
import { attachmentSchema, messageSchema } from '../model/ticket.js';
import type { CapabilityAction, ConnectorWith } from './crm.js';

/**
 * One message of a marketplace conversation, as a marketplace connector's `threads` source
 * yields it: the canonical `Message` (`@crossline/core/model`: id, `conversationId`, author
 * role — customer, shop or operator — text, time, attachments) with what the conversation is
 * about. The source item's id is the message id, so the outbox stores each message once however
 * often it is read.
 */
export const marketplaceMessageSchema = messageSchema.extend({
  /** The conversation's subject (its topic), for a ticket's subject line. */
  subject: z.string().optional(),
  /** A link to the conversation in the marketplace's seller panel. */
  conversationUrl: httpUrlSchema.optional(),
  /** The customer the conversation is with. */
  customer: z
    .object({
      /** The marketplace's id of the customer (bind helpdesk customers by it). */
      id: z.string().min(1).optional(),
      /** The customer's display name. */
      name: z.string().optional(),
    })
    .default({}),
  /** The order the conversation is about, when it is about one. */
  order: z
    .object({
      /** The marketplace's id of the order (what `orders.get` takes). */
      id: z.string().min(1),
      /** A link to the order in the seller panel. */
      url: httpUrlSchema.optional(),
    })
    .optional(),
});

/** A file sent with a reply: the canonical attachment, with its bytes or where to fetch them. */
export const replyAttachmentSchema = attachmentSchema.extend({
  /**
   * The file's bytes in base64 (an outbox payload is JSON). Absent: the connector fetches `url`
   * (without credentials). `sizeBytes` is what the limits are checked with before anything is
   * fetched or sent; the bytes must not be larger.
   */
  contentBase64: z.base64().optional(),
});

/** What a marketplace connector's `messages.reply` takes: one reply to the customer. */
export const marketplaceReplySchema = z.object({
  /** The conversation (thread) to answer in. */
  conversationId: z.string().min(1),
  /** The reply; converted to plain text when it is HTML or Markdown. */
  text: z.string(),
  /** What `text` is written in. @defaultValue 'text' */
  format: z.literal(['text', 'html', 'markdown']).default('text'),
  /** Files to send with it; the marketplace's limits are checked before anything is sent. */
  attachments: z.array(replyAttachmentSchema).default([]),
});

/** What `messages.reply` resolves with. */
export const marketplaceReplyResultSchema = z.object({
  /** The marketplace's id of the message posted (or found already posted). */
  messageId: z.string(),
  /** The conversation. */
  conversationId: z.string(),
  /** The same reply was in the conversation already (a redelivery): nothing was sent. */
  duplicate: z.boolean(),
});

/** An order as a marketplace connector reads it: the canonical order with the seller's link. */
export const marketplaceOrderSchema = orderSchema.extend({
  /** A link to the order in the marketplace's seller panel. */
  url: httpUrlSchema.optional(),
  /** The order's state at the marketplace (its own words, e.g. `SHIPPING`). */
  state: z.string().optional(),
  /** The marketplace's id of the customer who placed it. */
  customerId: z.string().optional(),
});

/** A marketplace message, as parsed. */
export type MarketplaceMessage = z.output<typeof marketplaceMessageSchema>;
/** A file sent with a reply, as parsed. */
export type ReplyAttachment = z.output<typeof replyAttachmentSchema>;
/** A reply as the host may give it. */
export type MarketplaceReplyInput = z.input<typeof marketplaceReplySchema>;
/** What `messages.reply` resolves with. */
export type MarketplaceReplyResult = z.output<typeof marketplaceReplyResultSchema>;
/** A marketplace order, as parsed. */
export type MarketplaceOrder = z.output<typeof marketplaceOrderSchema>;

/**
 * The marketplace-messaging capability: the actions every marketplace connector (EmpikPlace …)
 * implements, by name. Its `threads` source yields {@link MarketplaceMessage} events; a
 * marketplace ↔ helpdesk pipeline accepts a {@link MarketplaceConnector} and never names a
 * vendor.
 */
export interface MarketplaceActions {
  /**
   * Answers the customer in a conversation, in plain text (HTML and Markdown converted), with
   * files; refused with a `ValidationError` before anything is sent when the text or the files
   * break the marketplace's limits (e.g. the conversation's attachment total).
   */
  'messages.reply': CapabilityAction<MarketplaceReplyInput, MarketplaceReplyResult>;
  /** The order with its product lines and the seller-panel link, or `null` when there is none. */
  'orders.get': CapabilityAction<
    {
      /** The marketplace's id of the order. */
      readonly orderId: string;
    },
    MarketplaceOrder | null
  >;
}

/** A connector that implements the marketplace-messaging capability ({@link MarketplaceActions}). */
export type MarketplaceConnector = ConnectorWith<MarketplaceActions>;
