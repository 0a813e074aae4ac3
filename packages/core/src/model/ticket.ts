import { z } from 'zod';
import { dateTimeSchema, httpUrlSchema, phoneSchema } from './common.js';

/** The largest attachment total a conversation may carry by default (EmpikPlace: 10 MB). */
export const defaultAttachmentLimitBytes = 10 * 1024 * 1024;

/** A file attached to a message. */
export const attachmentSchema = z.object({
  /** File name. */
  name: z.string().min(1),
  /** MIME type. */
  contentType: z.string().optional(),
  /** Size in bytes: checked against the vendor's limits before anything is sent. */
  sizeBytes: z.number().int().nonnegative(),
  /** Where to fetch it. */
  url: httpUrlSchema.optional(),
});

/** A message in a conversation: marketplace chat, helpdesk ticket. */
export const messageSchema = z.object({
  /** The message's id at its origin. */
  id: z.string().min(1),
  /** The conversation (thread) it belongs to. */
  conversationId: z.string().min(1),
  /** Who wrote it: the customer, the shop, a marketplace operator, a helpdesk agent. */
  authorRole: z.literal(['customer', 'shop', 'operator', 'agent']),
  /** The author's name, for display. */
  authorName: z.string().optional(),
  /** Plain text. */
  text: z.string(),
  /** When it was sent. */
  sentAt: dateTimeSchema,
  /** Attached files. */
  attachments: z.array(attachmentSchema).default([]),
  /** An internal comment: stays in the helpdesk, never sent to the customer. */
  internal: z.boolean().default(false),
});

/** A helpdesk ticket. */
export const ticketSchema = z.object({
  /** The helpdesk's id, once created. */
  id: z.string().min(1).optional(),
  /** The ticket's subject line. */
  subject: z.string().min(1),
  /** Where it came from, e.g. `empikplace`; tickets can be filtered by it. */
  source: z.string().min(1),
  /** The helpdesk queue it goes to. */
  queue: z.string().optional(),
  /** The helpdesk category. */
  category: z.string().optional(),
  /** Where it stands. */
  status: z.literal(['open', 'pending', 'closed']).default('open'),
  /** Who it is from. */
  customer: z
    .object({
      /** The customer's id at the origin (e.g. the marketplace customer id). */
      externalId: z.string().optional(),
      /** Display name. */
      name: z.string().optional(),
      /** E-mail address. */
      email: z.email().optional(),
      /** Phone, canonical. */
      phone: phoneSchema.optional(),
    })
    .optional(),
  /** The order the conversation is about. */
  orderNumber: z.string().optional(),
  /** Links shown on the ticket (the order, the conversation at the origin). */
  links: z
    .array(
      z.object({
        /** The link's text. */
        title: z.string(),
        /** Where it points. */
        url: httpUrlSchema,
      }),
    )
    .default([]),
});

/** An attachment as parsed. */
export type Attachment = z.output<typeof attachmentSchema>;
/** A message as parsed. */
export type Message = z.output<typeof messageSchema>;
/** A message as the host may give it. */
export type MessageInput = z.input<typeof messageSchema>;
/** A ticket as parsed. */
export type Ticket = z.output<typeof ticketSchema>;
/** A ticket as the host may give it. */
export type TicketInput = z.input<typeof ticketSchema>;
