import type { MarketplaceMessage, MarketplaceOrder } from '@crossline/core/sdk';
import { type EmpikplaceConfig, panelLink } from './options.js';
import type { MiraklMessage, MiraklOrder, MiraklOrderLine, MiraklThread } from './wire.js';

/** An instant as ISO 8601 in UTC; an unreadable one is kept as sent (the pipeline refuses it). */
export function isoTime(value: string): string {
  const time = Date.parse(value);
  return Number.isNaN(time) ? value : new Date(time).toISOString();
}

/** Who wrote a message, from Mirakl's sender type; an unknown type is read by its words. */
export function authorRole(type: string): MarketplaceMessage['authorRole'] {
  if (type === 'CUSTOMER_USER' || /CUSTOMER/.test(type)) return 'customer';
  if (type === 'SHOP_USER' || /SHOP/.test(type)) return 'shop';
  return 'operator';
}

/** The thread's customer: the participant of type `CUSTOMER` (the sheet: messages carry no id). */
export function threadCustomer(thread: MiraklThread): MarketplaceMessage['customer'] {
  const all = [...thread.current_participants, ...thread.authorized_participants];
  const customer = all.find((item) => item.type === 'CUSTOMER' && item.id !== undefined);
  const named = customer ?? all.find((item) => item.type === 'CUSTOMER');
  return {
    ...(named?.id === undefined ? {} : { id: String(named.id) }),
    ...(named?.display_name === undefined ? {} : { name: named.display_name }),
  };
}

/** The order the thread is about: its `MMP_ORDER` entity (UNCERTAIN: the id is `order_id`). */
export function threadOrderId(thread: MiraklThread): string | undefined {
  return thread.entities.find((entity) => entity.type === 'MMP_ORDER')?.id;
}

/** One message of a thread as the canonical marketplace message the `threads` source yields. */
export function messageFromThread(
  thread: MiraklThread,
  message: MiraklMessage,
  config: EmpikplaceConfig,
): MarketplaceMessage {
  const orderId = threadOrderId(thread);
  const authorName = message.from.display_name ?? message.from.organization_details?.display_name;
  return {
    id: message.id,
    conversationId: thread.id,
    authorRole: authorRole(message.from.type),
    ...(authorName === undefined ? {} : { authorName }),
    text: message.body,
    sentAt: isoTime(message.date_created),
    attachments: message.attachments.map((file) => ({ name: file.name, sizeBytes: file.size })),
    internal: false,
    ...(thread.topic?.value === undefined ? {} : { subject: thread.topic.value }),
    conversationUrl: panelLink(config.links.conversation, config, { threadId: thread.id }),
    customer: threadCustomer(thread),
    ...(orderId === undefined
      ? {}
      : { order: { id: orderId, url: panelLink(config.links.order, config, { orderId }) } }),
  };
}

function orderLine(line: MiraklOrderLine, index: number) {
  const sku = line.offer_sku ?? line.product_shop_sku ?? line.product_sku ?? `line-${index + 1}`;
  const price = line.price_unit ?? (line.price ?? 0) / (line.quantity || 1);
  return { sku, title: line.product_title ?? sku, qty: line.quantity, price };
}

/** An OR11 order as the canonical marketplace order, with its seller-panel link. */
export function orderFromMirakl(order: MiraklOrder, config: EmpikplaceConfig): MarketplaceOrder {
  const customerId = order.customer?.customer_id;
  const currency = order.currency_iso_code;
  return {
    id: order.order_id,
    number: order.order_id,
    lines: order.order_lines.filter((line) => line.quantity > 0).map(orderLine),
    ...(currency?.length === 3 ? { currency } : {}),
    ...(order.created_date === undefined ? {} : { createdAt: isoTime(order.created_date) }),
    url: panelLink(config.links.order, config, { orderId: order.order_id }),
    ...(order.order_state === undefined ? {} : { state: order.order_state }),
    ...(customerId === undefined ? {} : { customerId: String(customerId) }),
  };
}
