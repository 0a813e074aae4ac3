import { VendorError } from '@crossline/core';
import type { Order } from '@crossline/core/model';
import { lookupCustomer, type RetailcrmActionContext } from './action-context.js';
import { toRetailcrmPhone, toSource } from './mappers.js';

/**
 * `orders.create`: an order for the customer with the order's phone, under an external id (the
 * order's id, or the envelope id). A resend finds the order the first attempt created instead
 * of failing on "already exists".
 */
export async function createOrder(order: Order, context: RetailcrmActionContext) {
  const { client, config, envelopeId, signal } = context;
  const externalId = order.id ?? envelopeId;
  const match = order.customerPhone
    ? await lookupCustomer(context, order.customerPhone)
    : undefined;
  const source = toSource(order.utm);
  try {
    const answer = await client.createOrder(
      {
        externalId,
        ...(order.number ? { number: order.number } : {}),
        ...(order.customerPhone ? { phone: toRetailcrmPhone(order.customerPhone) } : {}),
        ...(match?.status === 'found' ? { customer: { id: match.record.id } } : {}),
        ...(config.orderMethod ? { orderMethod: config.orderMethod } : {}),
        ...(source ? { source } : {}),
        items: order.lines.map((line) => ({
          productName: line.title,
          initialPrice: line.price,
          quantity: line.qty,
          offer: { externalId: line.sku },
        })),
      },
      { signal },
    );
    return { id: answer.id, duplicate: false };
  } catch (error) {
    if (!(VendorError.isInstance(error) && /already exists/i.test(error.message))) throw error;
    const { orders } = await client.listOrders(
      { filter: { externalIds: [externalId] }, limit: 20 },
      { signal },
    );
    const existing = orders.find((candidate) => candidate.externalId === externalId);
    if (!existing) throw error;
    return { id: existing.id, duplicate: true };
  }
}
