import {
  type ActionDefinition,
  type MarketplaceOrder,
  marketplaceOrderSchema,
} from '@crossline/core/sdk';
import { z } from 'zod';
import type { EmpikplaceApi } from '../api.js';
import { orderFromMirakl } from '../mapping.js';
import type { EmpikplaceConfig } from '../options.js';

/** What `orders.get` takes: the order's id (Mirakl `order_id`, as a thread's entity names it). */
export const orderRefSchema = z.object({
  /** The marketplace's id of the order. */
  orderId: z.string().min(1),
});

/**
 * `orders.get`: the order (OR11 `GET /api/orders?order_ids=`; OR12 is deprecated) as the
 * canonical order — its number, product lines with SKU (the seller's `offer_sku`), title,
 * quantity and unit price, currency — with the link to it in the seller panel, its state and
 * the customer's id; `null` when the shop has no such order.
 */
export const getOrder = {
  input: orderRefSchema,
  output: marketplaceOrderSchema.nullable(),
  permissions: ['OR11 GET /api/orders'],
  run: async ({ orderId }, { client, config, signal }) => {
    const order = await client.order(orderId, signal);
    return order === undefined ? null : orderFromMirakl(order, config);
  },
} satisfies ActionDefinition<
  EmpikplaceConfig,
  EmpikplaceApi,
  z.output<typeof orderRefSchema>,
  MarketplaceOrder | null
>;
