import { z } from 'zod';

/**
 * A pass event from Teyca, as the webhook inlet and the `passes` source store it: what happened
 * to which pass, never the pass's data from the webhook (re-fetch it by `userId` before acting).
 */
export const teycaPassEventSchema = z.object({
  /**
   * The event's id, the envelope's with the pipeline id: `CREATE:<user_id>`,
   * `DELETE:<user_id>`, `UPDATE:<user_id>:<time bucket>` (a burst makes one), or
   * `POLL:<user_id>:<digest>` (a pass read by the source, once per content).
   */
  id: z.string().min(1),
  /** What happened; an event type Teyca adds later is stored as `UPDATE`. */
  type: z.enum(['CREATE', 'UPDATE', 'DELETE']),
  /** The pass id. */
  userId: z.string().min(1),
  /** When crossline received or read it, epoch ms. */
  receivedAt: z.number(),
  /** Where it came from. */
  origin: z.enum(['webhook', 'poll']),
  /**
   * The pass as the `passes` source read it from the API (polled events only; a webhook's
   * body is never trusted). Canonical: core's `LoyaltyCardRecord`.
   */
  card: z.record(z.string(), z.unknown()).optional(),
});

/** A pass event from Teyca (see {@link teycaPassEventSchema}). */
export type TeycaPassEvent = z.output<typeof teycaPassEventSchema>;
