import { randomBytes } from 'node:crypto';
import { formatWallClock } from '@crossline/core/sdk';
import type {
  ThuliumAgent,
  ThuliumAttachment,
  ThuliumCustomer,
  ThuliumCustomerInput,
  ThuliumCustomField,
  ThuliumDictionaryEntry,
  ThuliumMessage,
  ThuliumMessageType,
  ThuliumTemporaryFile,
  ThuliumTicket,
} from './model.js';

/** What a {@link ThuliumState} starts with. */
export interface ThuliumStateOptions {
  /** Customer custom fields. */
  readonly customFields: readonly ThuliumCustomField[];
  /** Ticket queues. */
  readonly queues: readonly ThuliumDictionaryEntry[];
  /** Ticket categories. */
  readonly categories: readonly ThuliumDictionaryEntry[];
  /** Agents. */
  readonly agents: readonly ThuliumAgent[];
  /** The account's time zone: dates are written on its wall clock. */
  readonly timeZone: string;
}

/** A message to add to a ticket. */
export interface ThuliumMessageInput {
  /** Its type. */
  readonly type: ThuliumMessageType;
  /** Its content. */
  readonly body: string;
  /** The agent. */
  readonly user_login?: string | null | undefined;
  /** `PLAIN` or `HTML`. @defaultValue 'HTML' */
  readonly body_type?: 'PLAIN' | 'HTML' | undefined;
  /** When, account time. @defaultValue now */
  readonly created_at?: string | undefined;
  /** Attached files. */
  readonly attachments?: readonly ThuliumAttachment[] | undefined;
}

/** A ticket to add (the simulator's own seeding, also used by `POST /tickets`). */
export type ThuliumTicketInput = Partial<
  Omit<ThuliumTicket, 'ticket_id' | 'messages' | 'created_at' | 'updated_at'>
> & {
  /** The queue. */
  readonly ticket_queue_id: number;
};

/**
 * Everything the simulated Thulium account holds: customers with typed custom fields, tickets
 * with their messages, temporary files, queues, categories and agents. Tests seed it and read
 * it to assert what a connector did. `now` is the clock dates are written from.
 */
export class ThuliumState {
  /** Customer custom fields. */
  readonly customFields: ThuliumCustomField[];
  /** Customers, oldest first. */
  readonly customers: ThuliumCustomer[] = [];
  /** Tickets, oldest first. */
  readonly tickets: ThuliumTicket[] = [];
  /** Temporary files by token. */
  readonly files = new Map<string, ThuliumTemporaryFile>();
  /** Ticket queues. */
  readonly queues: ThuliumDictionaryEntry[];
  /** Ticket categories. */
  readonly categories: ThuliumDictionaryEntry[];
  /** Agents. */
  readonly agents: ThuliumAgent[];
  /** API passwords and the login of the API user each belongs to (kept by the simulator). */
  readonly passwords = new Map<string, string>();
  /** The account's time zone. */
  readonly timeZone: string;
  /** The clock (epoch ms): replace it to move time in a test. */
  now: () => number = Date.now;
  /** Requests the rate limit answered with 429. */
  throttled = 0;
  #nextCustomer = 5000;
  #nextTicket = 88_000;
  #nextMessage = 900;

  /** @param options - fields, queues, categories, agents and the time zone */
  constructor(options: ThuliumStateOptions) {
    this.customFields = options.customFields.map((field) => ({ ...field }));
    this.queues = options.queues.map((entry) => ({ ...entry }));
    this.categories = options.categories.map((entry) => ({ ...entry }));
    this.agents = options.agents.map((agent) => ({ ...agent }));
    this.timeZone = options.timeZone;
  }

  /** The current time on the account's wall clock, `YYYY-MM-DD HH:MM:SS`. */
  timestamp(moment: number = this.now()): string {
    return formatWallClock(moment, this.timeZone);
  }

  /** Adds a customer; every custom field of the account is present, `null` when not given. */
  addCustomer(input: ThuliumCustomerInput = {}): ThuliumCustomer {
    const fields = Object.fromEntries(this.customFields.map((field) => [field.name, null]));
    const customer: ThuliumCustomer = {
      customer_id: ++this.#nextCustomer,
      name: input.name ?? null,
      surname: input.surname ?? 'Customer',
      email: input.email ?? null,
      phone_number: input.phone_number ?? null,
      custom_fields: { ...fields, ...input.custom_fields },
      updated_at: this.timestamp(),
    };
    this.customers.push(customer);
    return customer;
  }

  /** Adds a ticket without messages. */
  addTicket(input: ThuliumTicketInput): ThuliumTicket {
    const now = this.timestamp();
    const ticket: ThuliumTicket = {
      to: 'helpdesk@shop.example',
      from: null,
      subject: 'Ticket',
      source: 'email',
      category_id: null,
      customer_id: null,
      user_login: null,
      tags: [],
      status_id: '1',
      custom_fields: {},
      ...input,
      ticket_id: ++this.#nextTicket,
      created_at: now,
      updated_at: now,
      messages: [],
    };
    this.tickets.push(ticket);
    return ticket;
  }

  /** The ticket with an id, if any. */
  ticket(id: number): ThuliumTicket | undefined {
    return this.tickets.find((ticket) => ticket.ticket_id === id);
  }

  /** Adds a message to a ticket and marks the ticket changed now. */
  addMessage(ticketId: number, input: ThuliumMessageInput): ThuliumMessage {
    const ticket = this.ticket(ticketId);
    if (!ticket) throw new Error(`Thulium simulator: no ticket ${ticketId}`);
    const message: ThuliumMessage = {
      message_id: ++this.#nextMessage,
      type: input.type,
      user_login: input.user_login ?? null,
      body: input.body,
      body_type: input.body_type ?? 'HTML',
      system_comment: false,
      created_at: input.created_at ?? this.timestamp(),
      attachments: input.attachments ?? [],
    };
    ticket.messages.push(message);
    ticket.updated_at = this.timestamp();
    return message;
  }

  /** An agent's reply to the customer (a `REPLY`), as if written in the panel. */
  reply(ticketId: number, login: string, body: string): ThuliumMessage {
    return this.addMessage(ticketId, { type: 'REPLY', user_login: login, body });
  }

  /** An agent's internal `COMMENT`. */
  comment(ticketId: number, login: string, body: string): ThuliumMessage {
    return this.addMessage(ticketId, { type: 'COMMENT', user_login: login, body });
  }

  /** Stores a temporary file and returns it with its new token. */
  addFile(filename: string, size: number, contentType: string | undefined): ThuliumTemporaryFile {
    const file = {
      token: randomBytes(12).toString('hex'),
      filename,
      size,
      contentType,
      uploadedAt: this.now(),
    };
    this.files.set(file.token, file);
    return file;
  }

  /** The file with a token, unless unknown or older than 24 hours. */
  liveFile(token: string): ThuliumTemporaryFile | undefined {
    const file = this.files.get(token);
    return file && this.now() - file.uploadedAt < 24 * 3_600_000 ? file : undefined;
  }
}
