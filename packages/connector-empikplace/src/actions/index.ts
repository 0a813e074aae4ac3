import type {
  ActionDefinition,
  InputFor,
  MarketplaceActions,
  MarketplaceOrder,
  MarketplaceReplyResult,
  marketplaceReplySchema,
} from '@crossline/core/sdk';
import type { z } from 'zod';
import { getOrder } from './get-order.js';
import { reply } from './reply.js';

/**
 * The EmpikPlace connector's actions — the marketplace-messaging capability's
 * (`MarketplaceActions` of `@crossline/core/sdk`) — by name, with what each takes and resolves
 * with.
 */
export type EmpikplaceActions = {
  /**
   * Answers the customer in a conversation as plain text (M12), with files; refused with a
   * `ValidationError`, before anything is sent, when the text is not 3–50 000 characters or the
   * files would take the conversation over its attachment limit.
   */
  readonly 'messages.reply': ActionDefinition<
    unknown,
    unknown,
    z.output<typeof marketplaceReplySchema>,
    MarketplaceReplyResult
  > &
    InputFor<MarketplaceActions['messages.reply']['input']>;
  /** The order (OR11) with its product lines and seller-panel link, or `null`. */
  readonly 'orders.get': ActionDefinition<
    unknown,
    unknown,
    {
      /** The marketplace's id of the order. */
      readonly orderId: string;
    },
    MarketplaceOrder | null
  > &
    InputFor<MarketplaceActions['orders.get']['input']>;
};

/** The connector's actions, one file each. */
export const empikplaceActions: EmpikplaceActions = {
  'messages.reply': reply,
  'orders.get': getOrder,
};
