import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  type MarketplaceActions,
  type MarketplaceConnector,
  type MarketplaceMessage,
  marketplaceMessageSchema,
  marketplaceOrderSchema,
  marketplaceReplySchema,
} from '../sdk.js';

describe('the marketplace-messaging capability', () => {
  it('reads a marketplace message: the canonical message with customer and order references', () => {
    const message = marketplaceMessageSchema.parse({
      id: 'm-1',
      conversationId: 't-1',
      authorRole: 'customer',
      text: 'Where is my parcel?',
      sentAt: '2025-03-01T09:05:12.345Z',
      customer: { id: 'cust-1', name: 'Anna K.' },
      order: { id: 'EMP-1-A', url: 'https://marketplace.empik.com/mmp/shop/order/EMP-1-A' },
    });
    expect(message).toMatchObject({ attachments: [], internal: false, order: { id: 'EMP-1-A' } });
    expectTypeOf(message).toEqualTypeOf<MarketplaceMessage>();
    expect(marketplaceMessageSchema.safeParse({ ...message, authorRole: 'bot' }).success).toBe(
      false,
    );
  });

  it('defaults a reply to plain text without files; file bytes travel as base64', () => {
    expect(marketplaceReplySchema.parse({ conversationId: 't-1', text: 'Hi there' })).toEqual({
      conversationId: 't-1',
      text: 'Hi there',
      format: 'text',
      attachments: [],
    });
    const file = { name: 'a.txt', sizeBytes: 2, contentBase64: 'not base64!' };
    const reply = { conversationId: 't-1', text: 'Hi', attachments: [file] };
    expect(marketplaceReplySchema.safeParse(reply).success).toBe(false);
  });

  it('reads an order with its seller-panel link and state', () => {
    const order = marketplaceOrderSchema.parse({
      id: 'EMP-1-A',
      number: 'EMP-1-A',
      state: 'SHIPPING',
      lines: [{ sku: 'SKU-1', title: 'Book', qty: 2, price: 64.99 }],
    });
    expect(order.lines).toHaveLength(1);
  });

  it('types a marketplace connector by its two actions', () => {
    expectTypeOf<keyof MarketplaceActions>().toEqualTypeOf<'messages.reply' | 'orders.get'>();
    expectTypeOf<MarketplaceConnector>().toHaveProperty('perform');
  });
});
