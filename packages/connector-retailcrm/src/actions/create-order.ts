import { VendorError } from '@crossline/core';
import { type Order, orderSchema } from '@crossline/core/model';
import type { ActionDefinition } from '@crossline/core/sdk';
import { z } from 'zod';
import type { RetailcrmApi } from '../api.js';
import { crmKit, searchMethods } from '../lib/crm-kit.js';
import { orderMapper } from '../mapping.js';
import type { RetailcrmConfig } from '../options.js';

/** What `orders.create` resolves with. */
const createdOrderSchema = z.object({
  /** The order's id in the CRM. */
  id: z.number(),
  /** The order was there already (a resend): not created twice. */
  duplicate: z.boolean(),
});

/**
 * `orders.create`: an order for the customer with the order's phone, under an external id (the
 * order's id, or the envelope id). A resend finds the order the first attempt created instead
 * of failing on "already exists".
 */
export const createOrder = {
  input: orderSchema,
  output: createdOrderSchema,
  permissions: ['/api/orders', '/api/orders/create', ...searchMethods],
  run: async (order, context) => {
    const { client, config, envelopeId, signal } = context;
    const externalId = order.id ?? envelopeId;
    const customer = order.customerPhone
      ? await crmKit.bind(context, order.customerPhone, 'order')
      : undefined;
    const mapping = { options: config, externalId, customerId: customer?.id };
    try {
      const answer = await client.createOrder(orderMapper.toVendor(order, mapping), { signal });
      return { id: answer.id, duplicate: false };
    } catch (error) {
      if (!(VendorError.isInstance(error) && /already exists/i.test(error.message))) throw error;
      const filter = { externalIds: [externalId] };
      const { orders } = await client.listOrders({ filter, limit: 20 }, { signal });
      const existing = orders.find((candidate) => candidate.externalId === externalId);
      if (!existing) throw error;
      return { id: existing.id, duplicate: true };
    }
  },
} satisfies ActionDefinition<
  RetailcrmConfig,
  RetailcrmApi,
  Order,
  z.output<typeof createdOrderSchema>
>;
