import { z } from 'zod';
import { dateTimeSchema } from '../model/common.js';
import { attachmentSchema, type MessageInput, type TicketInput } from '../model/ticket.js';
import type { CapabilityAction, ConnectorWith } from './crm.js';

/** A helpdesk customer, keyed by the origin's id of the customer (e.g. the marketplace's). */
export interface HelpdeskCustomer {
  /** The helpdesk's id of the customer. */
  readonly id: string;
  /** The origin's id of the customer, as stored in the helpdesk's external-id field. */
  readonly externalId: string;
}

/**
 * What `customers.findByExternalId` resolves with: exactly one customer has the id in the
 * external-id field, none does, or several do — then the connector has reported a `warning`,
 * and the caller binds none (never guesses).
 */
export type HelpdeskCustomerLookup =
  | {
      /** Exactly one customer has the id. */
      readonly status: 'found';
      /** That customer. */
      readonly customer: HelpdeskCustomer;
    }
  | {
      /** Nobody has it. */
      readonly status: 'none';
    }
  | {
      /** Several customers have it: bind to none. */
      readonly status: 'ambiguous';
      /** Their ids at the helpdesk. */
      readonly ids: readonly string[];
    };

/** {@link HelpdeskCustomer} as a schema: the `output` of a helpdesk's `customers.create`. */
export const helpdeskCustomerSchema: z.ZodType<HelpdeskCustomer> = z.object({
  id: z.string().min(1),
  externalId: z.string(),
});

/** {@link HelpdeskCustomerLookup} as a schema: the `output` of `customers.findByExternalId`. */
export const helpdeskCustomerLookupSchema: z.ZodType<HelpdeskCustomerLookup> = z.discriminatedUnion(
  'status',
  [
    z.object({ status: z.literal('found'), customer: helpdeskCustomerSchema }),
    z.object({ status: z.literal('none') }),
    z.object({ status: z.literal('ambiguous'), ids: z.array(z.string()).readonly() }),
  ],
);

/** A customer to create, with the origin's id filled into the external-id field. */
export interface HelpdeskCustomerInput {
  /** The origin's id of the customer (e.g. the EmpikPlace customer id). */
  readonly externalId: string;
  /** Given name. */
  readonly firstName?: string | undefined;
  /** Family name, or the display name when there is no other. */
  readonly lastName?: string | undefined;
  /** E-mail address (never a marketplace's anonymised relay address). */
  readonly email?: string | undefined;
  /** Phone, in any typed form. */
  readonly phone?: string | undefined;
}

/** A new ticket: the canonical ticket, its first message, its customer bound or carried. */
export interface HelpdeskTicketInput {
  /**
   * The canonical ticket (`@crossline/core/model`): subject, source, queue and category (the
   * connector's configured ones when absent), the customer (its `externalId` is carried on the
   * ticket when no `customerId` binds it), the order number and the links.
   */
  readonly ticket: TicketInput;
  /** The helpdesk's id of the customer to bind; absent: the ticket carries the external id. */
  readonly customerId?: string | undefined;
  /** The first message (from the customer): its text, time and attachments. */
  readonly message: MessageInput;
  /** Files uploaded with `files.upload` to attach to the first message (their tokens). */
  readonly files?: readonly string[] | undefined;
  /** An internal note added with the ticket (e.g. the order's product list). */
  readonly comment?: string | undefined;
}

/** A ticket the helpdesk created. */
export interface HelpdeskTicketRef {
  /** The helpdesk's id of the ticket. */
  readonly id: string;
}

/** What `tickets.findByConversation` takes. */
export interface HelpdeskTicketSearch {
  /** The origin's conversation id, as `tickets.create` put it on the ticket. */
  readonly conversationId: string;
  /** The ticket was created at or after this moment, ISO 8601 with offset. */
  readonly since: string;
}

/** A later message of a ticket's conversation. */
export interface HelpdeskMessageInput {
  /** The helpdesk's id of the ticket. */
  readonly ticketId: string;
  /** The message (`@crossline/core/model`), its `authorRole` saying who wrote it. */
  readonly message: MessageInput;
  /** Files uploaded with `files.upload` to attach (their tokens), where the helpdesk can. */
  readonly files?: readonly string[] | undefined;
  /**
   * An earlier attempt to add this message may have reached the helpdesk (the host stopped, or
   * the answer was lost, before the pipeline recorded it): the connector looks in the ticket
   * first, and adds nothing when the message is there already — how it knows (the same side and
   * text, the same time) is the connector's to document. Absent or `false`: added without a look.
   */
  readonly mayExist?: boolean | undefined;
}

/** An internal comment: stays in the helpdesk, never reaches the customer. */
export interface HelpdeskCommentInput {
  /** The helpdesk's id of the ticket. */
  readonly ticketId: string;
  /** The comment's text. */
  readonly text: string;
}

/** Fields to set on a ticket; the ones absent stay as they are. */
export interface HelpdeskTicketFieldsInput {
  /** The helpdesk's id of the ticket. */
  readonly ticketId: string;
  /** The order the conversation is about. */
  readonly orderNumber?: string | undefined;
  /** A link to the order at the origin (e.g. the seller panel). */
  readonly orderUrl?: string | undefined;
  /** A link to the conversation at the origin. */
  readonly conversationUrl?: string | undefined;
  /** The conversation's id at the origin (the link back from the ticket). */
  readonly conversationId?: string | undefined;
}

/** A file to upload, to attach to a ticket's message afterwards. */
export interface HelpdeskFileInput {
  /** The file name. */
  readonly name: string;
  /** The bytes. */
  readonly content: Uint8Array;
  /** The MIME type. @defaultValue `application/octet-stream` */
  readonly contentType?: string | undefined;
}

/** An uploaded file: the token a message's attachments name it by, until it expires. */
export interface HelpdeskUploadedFile {
  /** The token to pass in `files` of a ticket or message action. */
  readonly token: string;
  /** The file name the helpdesk stored. */
  readonly name: string;
  /** The size the helpdesk stored, in bytes. */
  readonly sizeBytes: number;
}

/**
 * One agent reply a helpdesk connector's `agentReplies` source yields: a reply to the customer,
 * never an internal comment and never a message the connector itself wrote. The source item's
 * id is the reply's id, so the outbox stores each reply once however often it is read.
 */
export const agentReplySchema = z.object({
  /** The helpdesk's id of the reply. */
  id: z.string().min(1),
  /** The helpdesk's id of its ticket. */
  ticketId: z.string().min(1),
  /** The origin's conversation id, when the ticket carries it (a ticket field). */
  conversationId: z.string().min(1).optional(),
  /** The agent's login or name, for display. */
  authorName: z.string().optional(),
  /** The reply's text, as the helpdesk has it. */
  text: z.string(),
  /** Whether `text` is HTML (convert it for a plain-text channel) or plain text. */
  format: z.literal(['text', 'html']),
  /** When it was written, ISO 8601 with offset. */
  sentAt: dateTimeSchema,
  /** Attached files. */
  attachments: z.array(attachmentSchema).default([]),
});

/** An agent reply, as parsed. */
export type AgentReply = z.output<typeof agentReplySchema>;

/**
 * The helpdesk capability: the actions every helpdesk connector (Thulium …) implements, by
 * name. A marketplace ↔ helpdesk pipeline accepts a {@link HelpdeskConnector} and never names a
 * vendor; the connector's `agentReplies` source yields {@link AgentReply} events.
 */
export interface HelpdeskActions {
  /** The customer whose external-id field holds exactly this id (several: warn, bind none). */
  'customers.findByExternalId': CapabilityAction<
    {
      /** The origin's id of the customer. */
      readonly externalId: string;
    },
    HelpdeskCustomerLookup
  >;
  /** Creates a customer with the external-id field filled. */
  'customers.create': CapabilityAction<HelpdeskCustomerInput, HelpdeskCustomer>;
  /** Creates a ticket in the queue and category, from the origin, with its first message. */
  'tickets.create': CapabilityAction<HelpdeskTicketInput, HelpdeskTicketRef>;
  /**
   * The ticket created for an origin's conversation since a moment, found by the conversation
   * id the ticket carries, or `null`: how a pipeline recovers a ticket whose creation it could
   * not record (the host crashed after the helpdesk answered).
   */
  'tickets.findByConversation': CapabilityAction<HelpdeskTicketSearch, HelpdeskTicketRef | null>;
  /** Adds the customer's next message to a ticket. */
  'tickets.addCustomerMessage': CapabilityAction<HelpdeskMessageInput, unknown>;
  /**
   * Adds a message written on the host's side (the shop, a marketplace operator, an automatic
   * reply as `agent`) to a ticket, marked by its author; never yielded by `agentReplies`.
   */
  'tickets.addAuthoredMessage': CapabilityAction<HelpdeskMessageInput, unknown>;
  /** Adds an internal comment to a ticket. */
  'tickets.addComment': CapabilityAction<HelpdeskCommentInput, unknown>;
  /** Sets the ticket's fields: the order number, the order and conversation links. */
  'tickets.setFields': CapabilityAction<HelpdeskTicketFieldsInput, unknown>;
  /** Uploads a temporary file to attach to a ticket or message. */
  'files.upload': CapabilityAction<HelpdeskFileInput, HelpdeskUploadedFile>;
}

/** A connector that implements the helpdesk capability ({@link HelpdeskActions}). */
export type HelpdeskConnector = ConnectorWith<HelpdeskActions>;
