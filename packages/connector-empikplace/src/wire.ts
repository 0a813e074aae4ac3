import { lenient, lenientEnum } from '@crossline/core/sdk';
import { z } from 'zod';

// The Mirakl seller API as the EmpikPlace fact sheet describes it (M10–M12, OR11). Answers are
// read tolerantly: `null` is absent, unknown enum values are kept as strings, new fields ignored.

const participantType = lenientEnum(['OPERATOR', 'SHOP', 'CUSTOMER']);
const senderType = lenientEnum(['CUSTOMER_USER', 'SHOP_USER', 'OPERATOR_USER']);

const participant = z.object({
  id: z.union([z.string(), z.number()]).optional(),
  display_name: z.string().optional(),
  type: participantType,
});

const attachment = z.object({
  id: z.string(),
  name: z.string().default('attachment'),
  size: z.number().nonnegative().default(0),
});

const message = z.object({
  id: z.string().min(1),
  body: z.string().default(''),
  date_created: z.string(),
  from: z.object({
    type: senderType,
    display_name: z.string().optional(),
    organization_details: z
      .object({
        id: z.union([z.string(), z.number()]).optional(),
        display_name: z.string().optional(),
      })
      .optional(),
  }),
  attachments: z.array(attachment).default([]),
});

const thread = z.object({
  id: z.string().min(1),
  topic: z.object({ type: z.string().optional(), value: z.string().optional() }).optional(),
  entities: z
    .array(z.object({ id: z.string(), type: z.string().optional(), label: z.string().optional() }))
    .default([]),
  authorized_participants: z.array(participant).default([]),
  current_participants: z.array(participant).default([]),
  date_created: z.string().optional(),
  date_updated: z.string(),
  metadata: z.object({ total_count: z.number().optional() }).optional(),
  messages: z.array(message).default([]),
});

/** M10 `GET /api/inbox/threads/{thread_id}`: one thread with all its messages. */
export const threadAnswer = lenient(thread);

/** M11 `GET /api/inbox/threads`: a page of threads, seek-paginated. */
export const threadsPage = lenient(
  z.object({
    data: z.array(thread).default([]),
    next_page_token: z.string().optional(),
  }),
);

/** M12 `POST /api/inbox/threads/{thread_id}/message`: 201 with the new message's id. */
export const replyAnswer = lenient(
  z.object({
    message_id: z.union([z.string(), z.number()]).transform(String),
    thread_id: z.string().optional(),
  }),
);

const orderLine = z.object({
  order_line_id: z.string().optional(),
  offer_sku: z.string().optional(),
  product_sku: z.string().optional(),
  product_shop_sku: z.string().optional(),
  product_title: z.string().optional(),
  quantity: z.number().default(1),
  price_unit: z.number().optional(),
  price: z.number().optional(),
});

const order = z.object({
  order_id: z.string().min(1),
  commercial_id: z.string().optional(),
  order_state: z.string().optional(),
  created_date: z.string().optional(),
  currency_iso_code: z.string().optional(),
  total_price: z.number().optional(),
  customer: z.object({ customer_id: z.union([z.string(), z.number()]).optional() }).optional(),
  order_lines: z.array(orderLine).default([]),
});

/** OR11 `GET /api/orders`: orders with their lines, offset-paginated. */
export const ordersPage = lenient(
  z.object({ orders: z.array(order).default([]), total_count: z.number().optional() }),
);

/** The body of M12's `message_input` part: plain text to the customer. */
export interface MiraklMessageInput {
  /** The reply, 3 to 50 000 characters. */
  readonly body: string;
  /** Recipients: `[{ type: 'CUSTOMER' }]` answers the customer. */
  readonly to: readonly { readonly type: 'CUSTOMER' | 'SHOP' | 'OPERATOR' }[];
}

/** A thread as read (M10 or an item of M11). */
export type MiraklThread = z.output<typeof thread>;
/** A message of a thread. */
export type MiraklMessage = z.output<typeof message>;
/** A participant of a thread. */
export type MiraklParticipant = z.output<typeof participant>;
/** An order as read from OR11. */
export type MiraklOrder = z.output<typeof order>;
/** A line of an order. */
export type MiraklOrderLine = z.output<typeof orderLine>;
