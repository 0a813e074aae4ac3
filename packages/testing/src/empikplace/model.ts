/** Who a participant of a thread is (Mirakl's participant and organisation types). */
export type EmpikplaceParticipantType = 'OPERATOR' | 'SHOP' | 'CUSTOMER';

/** Who sent a message (Mirakl's sender types). */
export type EmpikplaceSenderType = 'CUSTOMER_USER' | 'SHOP_USER' | 'OPERATOR_USER';

/** A participant of a thread; an operator has no id. */
export interface EmpikplaceParticipant {
  /** The participant's id (the shop id, the customer id). */
  readonly id?: string | undefined;
  /** The name shown. */
  readonly display_name: string;
  /** What it is. */
  readonly type: EmpikplaceParticipantType;
}

/** A file attached to a message. */
export interface EmpikplaceAttachment {
  /** The attachment's id (what M13 downloads). */
  readonly id: string;
  /** The file name. */
  readonly name: string;
  /** Its size in bytes. */
  readonly size: number;
}

/** A message of a thread, as M10/M11 answer it. */
export interface EmpikplaceMessage {
  /** The message id (a UUID). */
  readonly id: string;
  /** Plain text. */
  readonly body: string;
  /** When it was posted, ISO 8601 UTC. */
  readonly date_created: string;
  /** Who sent it. */
  readonly from: {
    /** The sender type. */
    readonly type: EmpikplaceSenderType;
    /** The sender's name. */
    readonly display_name: string;
  };
  /** Recipients. */
  readonly to: readonly EmpikplaceParticipant[];
  /** Attached files. */
  readonly attachments: readonly EmpikplaceAttachment[];
}

/** A thread (conversation), as M10 answers it. */
export interface EmpikplaceThread {
  /** The thread id (a UUID). */
  readonly id: string;
  /** The topic. */
  readonly topic: {
    /** `FREE_TEXT` or `REASON_CODE`. */
    readonly type: string;
    /** The subject. */
    readonly value: string;
  };
  /** What the thread is about (an `MMP_ORDER` with the order id). */
  readonly entities: readonly {
    /** The entity's id. */
    readonly id: string;
    /** The entity's label. */
    readonly label: string;
    /** The entity type. */
    readonly type: string;
  }[];
  /** Who may take part. */
  readonly authorized_participants: readonly EmpikplaceParticipant[];
  /** When it was created. */
  date_created: string;
  /** When it last changed (a message posted). */
  date_updated: string;
  /** Every message, oldest first. */
  readonly messages: EmpikplaceMessage[];
}

/** An order line, as OR11 answers it. */
export interface EmpikplaceOrderLine {
  /** The line id. */
  readonly order_line_id: string;
  /** The seller's SKU. */
  readonly offer_sku: string;
  /** The product title. */
  readonly product_title: string;
  /** Quantity. */
  readonly quantity: number;
  /** Unit price. */
  readonly price_unit: number;
  /** Line price. */
  readonly price: number;
}

/** An order, as OR11 answers it (trimmed to what the connector reads). */
export interface EmpikplaceOrder {
  /** The order id. */
  readonly order_id: string;
  /** The commercial id. */
  readonly commercial_id: string;
  /** The state, e.g. `SHIPPING`. */
  readonly order_state: string;
  /** When it was created. */
  readonly created_date: string;
  /** ISO 4217. */
  readonly currency_iso_code: string;
  /** Total. */
  readonly total_price: number;
  /** The customer. */
  readonly customer: {
    /** The customer id (the thread's CUSTOMER participant id). */
    readonly customer_id: string;
    /** Given name. */
    readonly firstname: string;
    /** Family name. */
    readonly lastname: string;
  };
  /** The product lines. */
  readonly order_lines: readonly EmpikplaceOrderLine[];
}
