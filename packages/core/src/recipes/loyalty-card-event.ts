import { z } from 'zod';

/**
 * What happened to a loyalty card, as a loyalty connector's webhook inlet or polling source
 * stores it: which card, never the card's data (`loyaltySyncPipeline` re-reads the card before
 * acting, so a forged or stale body changes nothing).
 */
export interface LoyaltyCardEvent {
  /** The event's id (with the pipeline id, the envelope's): a repeat is a duplicate. */
  readonly id: string;
  /** What happened; an unknown type is read as `UPDATE`. */
  readonly type: 'CREATE' | 'UPDATE' | 'DELETE';
  /** The card's id at the loyalty platform. */
  readonly cardId: string;
  /** When the event was received or read, epoch ms. */
  readonly receivedAt?: number | undefined;
  /** Not to be acted on before this moment, epoch ms (a burst's follow-up). */
  readonly notBefore?: number | undefined;
}

/** A card event as a loyalty connector's inlet or source gives it (extra fields are ignored). */
export interface LoyaltyCardEventInput {
  /** The event's id. */
  readonly id: string;
  /** `CREATE`, `UPDATE` or `DELETE`; anything else is read as `UPDATE`. */
  readonly type: string;
  /** The card's id (this or `userId`). */
  readonly cardId?: string | number | undefined;
  /** The card's id as some platforms' events name it (the card holder's id). */
  readonly userId?: string | number | undefined;
  /** When it was received or read, epoch ms. */
  readonly receivedAt?: number | undefined;
  /** Not to be acted on before this moment, epoch ms. */
  readonly notBefore?: number | undefined;
}

/**
 * The schema of a {@link LoyaltyCardEvent}. It also accepts the card's id as `userId` (the
 * holder id some platforms' events carry), so a loyalty connector's own event type — its
 * webhook inlet's, its polling source's — is published as it is.
 */
export const loyaltyCardEventSchema: z.ZodType<LoyaltyCardEvent, LoyaltyCardEventInput> = z
  .object({
    id: z.string().min(1),
    type: z.enum(['CREATE', 'UPDATE', 'DELETE']).catch('UPDATE'),
    cardId: z.union([z.string().min(1), z.number()]).optional(),
    userId: z.union([z.string().min(1), z.number()]).optional(),
    receivedAt: z.number().optional(),
    notBefore: z.number().optional(),
  })
  .refine((event) => event.cardId !== undefined || event.userId !== undefined, {
    message: 'the card id (cardId or userId) is required',
    path: ['cardId'],
  })
  .transform(
    ({ id, type, cardId, userId, receivedAt, notBefore }): LoyaltyCardEvent => ({
      id,
      type,
      cardId: String(cardId ?? userId),
      ...(receivedAt === undefined ? {} : { receivedAt }),
      ...(notBefore === undefined ? {} : { notBefore }),
    }),
  );
