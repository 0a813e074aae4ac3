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
import { findTicket } from './find-ticket.js';
import type { ChangedTicket } from './schemas.js';
import { setTicketFields } from './set-ticket-fields.js';
import { uploadFile } from './upload-file.js';

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
  readonly 'customers.findByExternalId': ActionDefinition<
    unknown,
    unknown,
    unknown,
    HelpdeskCustomerLookup
  > &
    InputFor<HelpdeskActions['customers.findByExternalId']['input']>;
  /** `POST /customers` with the field filled; one per id however many creates race. */
  readonly 'customers.create': ActionDefinition<unknown, unknown, unknown, HelpdeskCustomer> &
    InputFor<HelpdeskActions['customers.create']['input']>;
  /** `POST /tickets` in the queue and category, the customer bound or its id carried. */
  readonly 'tickets.create': ActionDefinition<unknown, unknown, unknown, HelpdeskTicketRef> &
    InputFor<HelpdeskActions['tickets.create']['input']>;
  /** The queue's tickets since a moment, read for the conversation field: the oldest match. */
  readonly 'tickets.findByConversation': ActionDefinition<
    unknown,
    unknown,
    unknown,
    HelpdeskTicketRef | null
  > &
    InputFor<HelpdeskActions['tickets.findByConversation']['input']>;
  /** `POST /tickets/:id/customer_response`, PLAIN, dated. */
  readonly 'tickets.addCustomerMessage': ActionDefinition<unknown, unknown, unknown, Changed> &
    InputFor<HelpdeskActions['tickets.addCustomerMessage']['input']>;
  /** `POST /tickets/:id/agent_response` by `agentLogin` (or a comment), marked by author. */
  readonly 'tickets.addAuthoredMessage': ActionDefinition<unknown, unknown, unknown, Changed> &
    InputFor<HelpdeskActions['tickets.addAuthoredMessage']['input']>;
  /** `POST /tickets/:id/comment`: internal. */
  readonly 'tickets.addComment': ActionDefinition<unknown, unknown, unknown, Changed> &
    InputFor<HelpdeskActions['tickets.addComment']['input']>;
  /** `PUT /tickets/:id` `{ custom_fields }`: order number, links, conversation id. */
  readonly 'tickets.setFields': ActionDefinition<unknown, unknown, unknown, Changed> &
    InputFor<HelpdeskActions['tickets.setFields']['input']>;
  /** `POST /temporary_files?filename=…` with the raw bytes: a token for 24 h. */
  readonly 'files.upload': ActionDefinition<unknown, unknown, unknown, HelpdeskUploadedFile> &
    InputFor<HelpdeskActions['files.upload']['input']>;
};

/** The connector's actions, one file each. */
export const thuliumActions: ThuliumActions = {
  'customers.findByExternalId': findCustomer,
  'customers.create': createCustomer,
  'tickets.create': createTicket,
  'tickets.findByConversation': findTicket,
  'tickets.addCustomerMessage': addCustomerMessage,
  'tickets.addAuthoredMessage': addAuthoredMessage,
  'tickets.addComment': addComment,
  'tickets.setFields': setTicketFields,
  'files.upload': uploadFile,
};
