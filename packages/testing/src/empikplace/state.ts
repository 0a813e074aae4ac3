import { randomUUID } from 'node:crypto';
import type {
  EmpikplaceAttachment,
  EmpikplaceMessage,
  EmpikplaceOrder,
  EmpikplaceOrderLine,
  EmpikplaceSenderType,
  EmpikplaceThread,
} from './model.js';

/** Options of {@link EmpikplaceState}. */
export interface EmpikplaceStateOptions {
  /** The shop's id. @defaultValue '4321' */
  readonly shopId?: string | undefined;
  /** The shop's name. @defaultValue 'My Shop' */
  readonly shopName?: string | undefined;
  /** The clock (epoch ms): message and thread times come from it. @defaultValue Date.now */
  readonly now?: (() => number) | undefined;
}

/** A new thread. */
export interface NewThread {
  /** The customer it is with. */
  readonly customer: {
    /** The customer id. */
    readonly id: string;
    /** The name shown. */
    readonly name: string;
  };
  /** The order it is about (an `MMP_ORDER` entity). */
  readonly orderId?: string | undefined;
  /** The subject. @defaultValue 'Question about the order' */
  readonly topic?: string | undefined;
  /** When it was created (epoch ms). @defaultValue now */
  readonly at?: number | undefined;
}

/** A message to post. */
export interface NewMessage {
  /** Who sends it. */
  readonly from: EmpikplaceSenderType;
  /** The text. */
  readonly body: string;
  /** Attachments (name and size). */
  readonly attachments?: readonly Omit<EmpikplaceAttachment, 'id'>[] | undefined;
  /** When it was posted (epoch ms). @defaultValue now */
  readonly at?: number | undefined;
}

const iso = (time: number) => new Date(time).toISOString();

/** An EmpikPlace shop: its inbox threads and its orders. */
export class EmpikplaceState {
  /** The shop's id. */
  readonly shopId: string;
  /** The shop's name. */
  readonly shopName: string;
  /** Threads by id. */
  readonly threads = new Map<string, EmpikplaceThread>();
  /** Orders by id. */
  readonly orders = new Map<string, EmpikplaceOrder>();
  /** The bytes of the files shops attached to replies, by attachment id. */
  readonly files = new Map<string, Uint8Array>();
  /** Requests refused by the rate limit. */
  throttled = 0;
  readonly #now: () => number;

  /** @param options - the shop and the clock */
  constructor(options: EmpikplaceStateOptions = {}) {
    this.shopId = options.shopId ?? '4321';
    this.shopName = options.shopName ?? 'My Shop';
    this.#now = options.now ?? Date.now;
  }

  /** Now, by the state's clock (epoch ms). */
  now(): number {
    return this.#now();
  }

  /** Opens a thread with a customer (no message yet). */
  addThread(input: NewThread): EmpikplaceThread {
    const at = iso(input.at ?? this.#now());
    const thread: EmpikplaceThread = {
      id: randomUUID(),
      topic: { type: 'FREE_TEXT', value: input.topic ?? 'Question about the order' },
      entities:
        input.orderId === undefined
          ? []
          : [{ id: input.orderId, label: input.orderId, type: 'MMP_ORDER' }],
      authorized_participants: [
        { id: this.shopId, display_name: this.shopName, type: 'SHOP' },
        { id: input.customer.id, display_name: input.customer.name, type: 'CUSTOMER' },
        { display_name: 'Empik', type: 'OPERATOR' },
      ],
      date_created: at,
      date_updated: at,
      messages: [],
    };
    this.threads.set(thread.id, thread);
    return thread;
  }

  /** Posts a message to a thread; the thread's `date_updated` moves to it. */
  post(threadId: string, input: NewMessage): EmpikplaceMessage {
    const thread = this.thread(threadId);
    const at = iso(input.at ?? this.#now());
    const participant = (type: string) =>
      thread.authorized_participants.find((item) => item.type === type);
    const sender = input.from.replace('_USER', '');
    const message: EmpikplaceMessage = {
      id: randomUUID(),
      body: input.body,
      date_created: at,
      from: { type: input.from, display_name: participant(sender)?.display_name ?? sender },
      to: thread.authorized_participants.filter((item) => item.type !== sender),
      attachments: (input.attachments ?? []).map((file) => ({ ...file, id: randomUUID() })),
    };
    thread.messages.push(message);
    if (at > thread.date_updated) thread.date_updated = at;
    return message;
  }

  /** The thread with this id; throws when there is none. */
  thread(threadId: string): EmpikplaceThread {
    const thread = this.threads.get(threadId);
    if (thread === undefined) throw new Error(`EmpikPlace simulator: no thread ${threadId}`);
    return thread;
  }

  /** The bytes of every attachment in a thread. */
  attachmentBytes(threadId: string): number {
    const files = this.thread(threadId).messages.flatMap((message) => message.attachments);
    return files.reduce((sum, file) => sum + file.size, 0);
  }

  /** Adds an order with its lines. */
  addOrder(input: {
    /** The order id. */
    readonly id: string;
    /** The customer id. */
    readonly customerId: string;
    /** The lines: SKU, title, quantity, unit price. */
    readonly lines: readonly Pick<
      EmpikplaceOrderLine,
      'offer_sku' | 'product_title' | 'quantity' | 'price_unit'
    >[];
    /** The state. @defaultValue 'SHIPPING' */
    readonly state?: string | undefined;
  }): EmpikplaceOrder {
    const lines = input.lines.map((line, index) => ({
      ...line,
      order_line_id: `${input.id}-${index + 1}`,
      price: Math.round(line.price_unit * line.quantity * 100) / 100,
    }));
    const order: EmpikplaceOrder = {
      order_id: input.id,
      commercial_id: input.id.replace(/-[A-Z]$/, ''),
      order_state: input.state ?? 'SHIPPING',
      created_date: iso(this.#now()),
      currency_iso_code: 'PLN',
      total_price: lines.reduce((sum, line) => sum + line.price, 0),
      customer: { customer_id: input.customerId, firstname: 'Anna', lastname: 'K.' },
      order_lines: lines,
    };
    this.orders.set(order.order_id, order);
    return order;
  }
}
