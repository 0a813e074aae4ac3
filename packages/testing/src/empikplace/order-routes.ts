import { jsonReply, type SimulatorReply } from '../kit/reply.js';
import type { SimulatorRequest } from '../kit/request.js';
import { errorReply } from './replies.js';
import type { EmpikplaceState } from './state.js';

const one = (value: string | readonly string[] | undefined) =>
  Array.isArray(value) ? value[0] : (value as string | undefined);

/** OR11 `GET /api/orders`: by `order_ids` (at most 100), offset pages of `max` (at most 100). */
export function listOrders(request: SimulatorRequest, state: EmpikplaceState): SimulatorReply {
  const ids = one(request.query.order_ids)?.split(',').filter(Boolean);
  if (ids !== undefined && ids.length > 100) return errorReply(400, 'At most 100 order_ids');
  const max = Number(one(request.query.max) ?? 10);
  const offset = Number(one(request.query.offset) ?? 0);
  if (!Number.isInteger(max) || max < 1 || max > 100)
    return errorReply(400, 'max must be between 1 and 100');
  const orders = [...state.orders.values()].filter(
    (order) => ids === undefined || ids.includes(order.order_id),
  );
  return jsonReply(200, { orders: orders.slice(offset, offset + max), total_count: orders.length });
}
