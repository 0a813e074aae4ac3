import { z } from 'zod';
import { dateSchema, dateTimeSchema, phoneSchema, utmSchema } from './common.js';

/** One line of an order. */
export const orderLineSchema = z.object({
  sku: z.string().min(1),
  title: z.string().min(1),
  qty: z.number().positive(),
  /** Unit price. */
  price: z.number().nonnegative(),
});

/** An order: from a marketplace, a website, or created for a call. */
export const orderSchema = z.object({
  id: z.string().min(1).optional(),
  number: z.string().optional(),
  lines: z.array(orderLineSchema).default([]),
  currency: z.string().length(3).optional(),
  customerPhone: phoneSchema.optional(),
  utm: utmSchema.optional(),
  createdAt: dateTimeSchema.optional(),
});

/** A loyalty card held by a client (Teyca pass). */
export const loyaltyCardSchema = z.object({
  id: z.string().min(1),
  phone: phoneSchema.optional(),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  email: z.email().optional(),
  birthday: dateSchema.optional(),
  /** The card layout (template) it was issued with. */
  template: z.string().optional(),
  bonusBalance: z.number().default(0),
  /** Whether PUSH notifications to the card are allowed. */
  pushAllowed: z.boolean().default(false),
  /** Whether the holder consented to mailings at registration. */
  mailingConsent: z.boolean().default(false),
  installedAt: dateTimeSchema.optional(),
});

/** Bonuses granted to or spent from a card. */
export const bonusTransactionSchema = z.object({
  id: z.string().min(1).optional(),
  cardId: z.string().min(1),
  /** Positive to grant, negative to spend. */
  amount: z.number().refine((amount) => amount !== 0, 'amount must not be zero'),
  /** When the bonuses become usable; the general activation rule applies when omitted. */
  activatesAt: dateTimeSchema.optional(),
  /** When they expire; the general expiry rule applies when omitted. */
  expiresAt: dateTimeSchema.optional(),
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
