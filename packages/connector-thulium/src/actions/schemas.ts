import { messageSchema } from '@crossline/core/model';
import { z } from 'zod';

/** A ticket's id. */
export const ticketIdSchema = z.string().min(1);

/** Temporary-file tokens from `files.upload`. */
export const filesSchema = z.array(z.string().min(1)).default([]);

/** The input of the two message actions: the ticket, the canonical message, file tokens. */
export const messageInputSchema = z.object({
  /** The ticket. */
  ticketId: ticketIdSchema,
  /** The message. */
  message: messageSchema,
  /** Temporary-file tokens to attach, where Thulium takes them. */
  files: filesSchema,
  /** An earlier attempt may have added it: look in the ticket first. */
  mayExist: z.boolean().default(false),
});

/** What the message, comment and field actions resolve with: the ticket they changed. */
export const changedTicketSchema = z.object({
  /** The ticket's id. */
  ticketId: z.string(),
});

/** What the message, comment and field actions resolve with. */
export type ChangedTicket = z.output<typeof changedTicketSchema>;
