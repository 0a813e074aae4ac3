import type {
  ActionDefinition,
  HelpdeskActions,
  HelpdeskCustomer,
  HelpdeskCustomerLookup,
  HelpdeskTicketRef,
  HelpdeskUploadedFile,
  InputFor,
} from '@crossline/core/sdk';
import { addAuthoredMessage } from './add-authored-message.js';
import { addComment } from './add-comment.js';
import { addCustomerMessage } from './add-customer-message.js';
import { createCustomer } from './create-customer.js';
import { createTicket } from './create-ticket.js';
import { findCustomer } from './find-customer.js';
import type { ChangedTicket } from './schemas.js';
import { setTicketFields } from './set-ticket-fields.js';
import { uploadFile } from './upload-file.js';

/**
 * One action of the helpdesk capability as Thulium implements it: it takes what the contract's
 * input allows and resolves with `Output`.
 * @inline
 */
type Action<Name extends keyof HelpdeskActions, Output> = ActionDefinition<
  unknown,
  unknown,
  // biome-ignore lint/suspicious/noExplicitAny: the parsed input stays internal; the host's input is typed by InputFor.
  any,
  Output
> &
  InputFor<HelpdeskActions[Name]['input']>;

/**
 * The ticket a message, comment or field change went to.
 * @inline
 */
type Changed = ChangedTicket;

/**
 * The Thulium connector's actions — the helpdesk capability's (`HelpdeskActions`) — by name,
 * with what each takes and resolves with.
 */
export type ThuliumActions = {
  /** `GET /customers?custom_fields[<customerField>]=<id>`, exact matches only; several warn. */
  readonly 'customers.findByExternalId': Action<
    'customers.findByExternalId',
    HelpdeskCustomerLookup
  >;
  /** `POST /customers` with the field filled; one per id however many creates race. */
  readonly 'customers.create': Action<'customers.create', HelpdeskCustomer>;
  /** `POST /tickets` in the queue and category, the customer bound or its id carried. */
  readonly 'tickets.create': Action<'tickets.create', HelpdeskTicketRef>;
  /** `POST /tickets/:id/customer_response`, PLAIN, dated. */
  readonly 'tickets.addCustomerMessage': Action<'tickets.addCustomerMessage', Changed>;
  /** `POST /tickets/:id/agent_response` by `agentLogin` (or a comment), marked by author. */
  readonly 'tickets.addAuthoredMessage': Action<'tickets.addAuthoredMessage', Changed>;
  /** `POST /tickets/:id/comment`: internal. */
  readonly 'tickets.addComment': Action<'tickets.addComment', Changed>;
  /** `PUT /tickets/:id` `{ custom_fields }`: order number, links, conversation id. */
  readonly 'tickets.setFields': Action<'tickets.setFields', Changed>;
  /** `POST /temporary_files?filename=…` with the raw bytes: a token for 24 h. */
  readonly 'files.upload': Action<'files.upload', HelpdeskUploadedFile>;
};

/** The connector's actions, one file each. */
export const thuliumActions: ThuliumActions = {
  'customers.findByExternalId': findCustomer,
  'customers.create': createCustomer,
  'tickets.create': createTicket,
  'tickets.addCustomerMessage': addCustomerMessage,
  'tickets.addAuthoredMessage': addAuthoredMessage,
  'tickets.addComment': addComment,
  'tickets.setFields': setTicketFields,
  'files.upload': uploadFile,
};
