// @crossline/core/model — the canonical entities every connector maps to and from: zod
// schemas (phones normalised as they are parsed) and their types.

export { type Call, type CallInput, callSchema } from './model/call.js';
export {
  type BonusTransaction,
  type BonusTransactionInput,
  bonusTransactionSchema,
  type LoyaltyCard,
  type LoyaltyCardInput,
  loyaltyCardSchema,
  type Order,
  type OrderInput,
  type OrderLine,
  orderLineSchema,
  orderSchema,
} from './model/commerce.js';
export {
  customFieldsSchema,
  dateSchema,
  dateTimeSchema,
  type EmployeeRef,
  employeeRefSchema,
  httpUrlSchema,
  type PhoneCountry,
  phoneCountrySchema,
  phoneSchema,
  timeZoneSchema,
  type Utm,
  utmSchema,
} from './model/common.js';
export { type Contact, type ContactInput, contactSchema } from './model/contact.js';
export { parseCanonical } from './model/parse.js';
export { type Task, type TaskInput, taskSchema } from './model/task.js';
export {
  type Attachment,
  attachmentSchema,
  defaultAttachmentLimitBytes,
  type Message,
  type MessageInput,
  messageSchema,
  type Ticket,
  type TicketInput,
  ticketSchema,
} from './model/ticket.js';
