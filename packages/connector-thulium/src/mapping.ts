import type { Attachment, Message, Ticket } from '@crossline/core/model';
import type { AgentReply, HelpdeskCustomerInput, Mapper } from '@crossline/core/sdk';
import { formatWallClock, parseWallClock } from '@crossline/core/sdk';
import type { ThuliumConfig } from './options.js';
import type {
  CustomerBody,
  ResponseBody,
  ThuliumCustomer,
  ThuliumMessage,
  TicketBody,
} from './wire.js';

/** Canonical customer ↔ Thulium's: the origin's id in the configured text custom field. */
export const customerMapper: Mapper<HelpdeskCustomerInput, CustomerBody, ThuliumConfig> = {
  toVendor(customer, config) {
    const surname = customer.lastName?.trim() || customer.firstName?.trim();
    return {
      ...(customer.firstName && customer.lastName ? { name: customer.firstName } : {}),
      surname: surname || config.surnamePlaceholder,
      ...(customer.email ? { email: customer.email } : {}),
      ...(customer.phone ? { phone_number: customer.phone } : {}),
      custom_fields: { [config.customerField]: customer.externalId },
    };
  },
  fromVendor(body, config) {
    return {
      externalId: body.custom_fields[config.customerField] ?? '',
      ...(body.name === undefined ? {} : { firstName: body.name }),
      lastName: body.surname,
      ...(body.email === undefined ? {} : { email: body.email }),
      ...(body.phone_number === undefined ? {} : { phone: body.phone_number }),
    };
  },
};

/** The customer's value of the configured field, when it is text. */
export function externalIdOf(customer: ThuliumCustomer, field: string): string | undefined {
  const value = customer.custom_fields?.[field];
  return typeof value === 'string' ? value : undefined;
}

/** What a new ticket needs besides the canonical ticket. */
export interface TicketContext {
  /** The options. */
  readonly config: ThuliumConfig;
  /** The queue's id. */
  readonly queueId: number;
  /** The category's id. */
  readonly categoryId: number;
  /** The first message. */
  readonly message: Message;
  /** The CRM customer bound, if any. */
  readonly customerId?: string | undefined;
  /** Temporary-file tokens. */
  readonly files: readonly string[];
  /** An internal comment added with the ticket. */
  readonly comment?: string | undefined;
}

/** Canonical ticket → `POST /tickets`: PLAIN, on the customer's behalf, in queue and category. */
export const ticketMapper: Mapper<Ticket, TicketBody, TicketContext> = {
  toVendor(ticket, context) {
    const { config, message, customerId } = context;
    const names = config.ticketFields;
    const fields: Record<string, string> = {};
    const notes: string[] = context.comment ? [context.comment] : [];
    const put = (name: string | null, label: string, value: string | undefined) => {
      if (value === undefined) return;
      if (name === null) notes.push(`${label}: ${value}`);
      else fields[name] = value;
    };
    put(names.conversationId, 'Conversation', message.conversationId);
    put(names.orderNumber, 'Order', ticket.orderNumber);
    if (customerId === undefined) put(names.customerId, 'Customer', ticket.customer?.externalId);
    for (const link of ticket.links) notes.push(`${link.title}: ${link.url}`);
    return {
      to: config.mailbox,
      subject: ticket.subject,
      body: withAttachmentNote(message.text, context.files.length ? [] : message.attachments),
      body_type: 'PLAIN',
      ...(notes.length ? { comment: notes.join('\n') } : {}),
      ...(context.files.length ? { attachments: [...context.files] } : {}),
      source: config.source,
      direction: 'in_behalf_of',
      ...(customerId === undefined ? {} : { customer_id: numericOr(customerId) }),
      tags: [...config.tags],
      category_id: context.categoryId,
      ticket_queue_id: context.queueId,
      ...(Object.keys(fields).length ? { custom_fields: fields } : {}),
    };
  },
  fromVendor(body) {
    return { subject: body.subject, source: body.source, status: 'open', links: [] };
  },
};

/** The text with a line per attachment the helpdesk did not get as a file. */
export function withAttachmentNote(text: string, attachments: readonly Attachment[]): string {
  const lines = attachments.map(
    (file) => `Attachment: ${file.name}${file.url ? ` (${file.url})` : ''}`,
  );
  return lines.length ? `${text}\n\n${lines.join('\n')}` : text;
}

/** A message marked by its author for the ticket: `[Shop: Anna] text`. */
export function markedText(message: Message, config: ThuliumConfig): string {
  const role =
    message.authorRole === 'customer' ? undefined : config.authorLabels[message.authorRole];
  if (role === undefined) return message.text;
  const who = message.authorName ? `${role}: ${message.authorName}` : role;
  return `[${who}] ${message.text}`;
}

/** `customer_response` / `agent_response` bodies: PLAIN always, the message's time. */
export function responseBody(message: Message, text: string, config: ThuliumConfig): ResponseBody {
  return {
    body: text,
    body_type: 'PLAIN',
    date: formatWallClock(message.sentAt, config.timeZone).slice(0, 16),
  };
}

/** What reading a reply needs besides the message. */
export interface ReplyContext {
  /** The ticket's id. */
  readonly ticketId: string;
  /** The origin's conversation id from the ticket's field. */
  readonly conversationId?: string | undefined;
  /** The account's time zone. */
  readonly timeZone: string;
  /** When the poll ran, ISO: the time of a reply without one. */
  readonly readAt: string;
}

/** Thulium's `REPLY` message ↔ an {@link AgentReply}. */
export const replyMapper: Mapper<AgentReply, ThuliumMessage, ReplyContext> = {
  fromVendor(message, context) {
    const sentAt = message.created_at && parseWallClock(message.created_at, context.timeZone);
    return {
      id: message.message_id,
      ticketId: context.ticketId,
      ...(context.conversationId ? { conversationId: context.conversationId } : {}),
      ...(message.user_login ? { authorName: message.user_login } : {}),
      text: message.body,
      format: /<\/?[a-z][^>]*>/i.test(message.body) ? 'html' : 'text',
      sentAt: sentAt || context.readAt,
      attachments: message.attachments.flatMap(readAttachment),
    };
  },
  toVendor(reply, context) {
    return {
      message_id: reply.id,
      type: 'REPLY',
      body: reply.text,
      created_at: formatWallClock(reply.sentAt, context.timeZone),
      attachments: reply.attachments,
      ...(reply.authorName ? { user_login: reply.authorName } : {}),
    };
  },
};

/** An attachment of a message (the shape is UNCERTAIN: name, size and link read leniently). */
function readAttachment(item: unknown): Attachment[] {
  if (typeof item !== 'object' || item === null) return [];
  const entry = item as Record<string, unknown>;
  const name = [entry.filename, entry.name, entry.file_name].find((v) => typeof v === 'string');
  const size = Number(entry.size ?? entry.filesize ?? 0);
  const url = [entry.url, entry.link, entry.download_url].find(
    (v): v is string => typeof v === 'string' && /^https?:\/\//.test(v),
  );
  return [
    {
      name: typeof name === 'string' && name !== '' ? name : 'attachment',
      sizeBytes: Number.isFinite(size) && size >= 0 ? Math.round(size) : 0,
      ...(url ? { url } : {}),
    },
  ];
}

/** An id as Thulium takes it: a number when it is one. */
export function numericOr(value: string): number | string {
  return /^\d+$/.test(value) ? Number(value) : value;
}
