import { z } from 'zod';
import { dateSchema, dateTimeSchema, phoneSchema, utmSchema } from './common.js';

/** One line of an order. */
export const orderLineSchema = z.object({
  /** Stock keeping unit. */
  sku: z.string().min(1),
  /** Product name. */
  title: z.string().min(1),
  /** Quantity. */
  qty: z.number().positive(),
  /** Unit price. */
  price: z.number().nonnegative(),
});

/** An order: from a marketplace, a website, or created for a call. */
export const orderSchema = z.object({
  /** The host's id of the order. */
  id: z.string().min(1).optional(),
  /** The order number shown to people. */
  number: z.string().optional(),
  /** What was ordered. */
  lines: z.array(orderLineSchema).default([]),
  /** ISO 4217 code. */
  currency: z.string().length(3).optional(),
  /** The customer's phone, canonical. */
  customerPhone: phoneSchema.optional(),
  /** UTM tags of the visit that led to the order. */
  utm: utmSchema.optional(),
  /** When it was placed. */
  createdAt: dateTimeSchema.optional(),
});

/** A loyalty card held by a client (Teyca pass). */
export const loyaltyCardSchema = z.object({
  /** The card's id at the loyalty platform. */
  id: z.string().min(1),
  /** The holder's phone, canonical: cards are merged with CRM clients by it. */
  phone: phoneSchema.optional(),
  /** Given name. */
  firstName: z.string().optional(),
  /** Family name. */
  lastName: z.string().optional(),
  /** E-mail address. */
  email: z.email().optional(),
  /** Date of birth, `YYYY-MM-DD` (birthday triggers). */
  birthday: dateSchema.optional(),
  /** The card layout (template) it was issued with. */
  template: z.string().optional(),
  /** Bonuses available now. */
  bonusBalance: z.number().default(0),
  /** Whether PUSH notifications to the card are allowed. */
  pushAllowed: z.boolean().default(false),
  /** Whether the holder consented to mailings at registration. */
  mailingConsent: z.boolean().default(false),
  /** When the card was installed (wallet, Telegram). */
  installedAt: dateTimeSchema.optional(),
});

/** Bonuses granted to or spent from a card. */
export const bonusTransactionSchema = z.object({
  /** The platform's id of the transaction. */
  id: z.string().min(1).optional(),
  /** The card it applies to. */
  cardId: z.string().min(1),
  /** Positive to grant, negative to spend. */
  amount: z.number().refine((amount) => amount !== 0, 'amount must not be zero'),
  /** When the bonuses become usable; the general activation rule applies when omitted. */
  activatesAt: dateTimeSchema.optional(),
  /** When they expire; the general expiry rule applies when omitted. */
  expiresAt: dateTimeSchema.optional(),
  /** Why (a trigger, a purchase, a manual grant). */
  reason: z.string().optional(),
});

/** An order line as parsed. */
export type OrderLine = z.output<typeof orderLineSchema>;
/** An order as parsed. */
export type Order = z.output<typeof orderSchema>;
/** An order as the host may give it. */
export type OrderInput = z.input<typeof orderSchema>;
/** A loyalty card as parsed. */
export type LoyaltyCard = z.output<typeof loyaltyCardSchema>;
/** A loyalty card as the host may give it. */
export type LoyaltyCardInput = z.input<typeof loyaltyCardSchema>;
/** A bonus transaction as parsed. */
export type BonusTransaction = z.output<typeof bonusTransactionSchema>;
/** A bonus transaction as the host may give it. */
export type BonusTransactionInput = z.input<typeof bonusTransactionSchema>;
