import { z } from 'zod';
import { dateTimeSchema, phoneSchema } from './common.js';

/** The largest attachment total a conversation may carry by default (EmpikPlace: 10 MB). */
export const defaultAttachmentLimitBytes = 10 * 1024 * 1024;

/** A file attached to a message. */
export const attachmentSchema = z.object({
  name: z.string().min(1),
  contentType: z.string().optional(),
  sizeBytes: z.number().int().nonnegative(),
  url: z.url().optional(),
});

/** A message in a conversation: marketplace chat, helpdesk ticket. */
export const messageSchema = z.object({
  id: z.string().min(1),
  conversationId: z.string().min(1),
  authorRole: z.enum(['customer', 'shop', 'operator', 'agent']),
  authorName: z.string().optional(),
  text: z.string(),
  sentAt: dateTimeSchema,
  attachments: z.array(attachmentSchema).default([]),
  /** An internal comment: stays in the helpdesk, never sent to the customer. */
  internal: z.boolean().default(false),
});

/** A helpdesk ticket. */
export const ticketSchema = z.object({
  id: z.string().min(1).optional(),
  subject: z.string().min(1),
  /** Where it came from, e.g. `empikplace`; tickets can be filtered by it. */
  source: z.string().min(1),
  queue: z.string().optional(),
  category: z.string().optional(),
  status: z.enum(['open', 'pending', 'closed']).default('open'),
  customer: z
    .object({
      externalId: z.string().optional(),
      name: z.string().optional(),
      email: z.email().optional(),
      phone: phoneSchema.optional(),
    })
    .optional(),
  orderNumber: z.string().optional(),
  links: z.array(z.object({ title: z.string(), url: z.url() })).default([]),
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
