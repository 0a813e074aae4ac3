import { z } from 'zod';

/**
 * A pass event from Teyca, as the webhook inlet and the `passes` source store it: what happened
 * to which pass, never the pass's data from a webhook (re-fetch it by `userId` before acting).
 */
export interface TeycaPassEvent {
  /**
   * The event's id, the envelope's with the pipeline id: `CREATE:<user_id>`,
   * `DELETE:<user_id>`, `UPDATE:<user_id>:<time bucket>` (a burst makes one, plus a follow-up
   * in the next bucket), or `POLL:<user_id>:<digest>` (a pass read by the source, once per
   * content).
   */
  readonly id: string;
  /** What happened; an event type Teyca adds later is stored as `UPDATE`. */
  readonly type: 'CREATE' | 'UPDATE' | 'DELETE';
  /** The pass id. */
  readonly userId: string;
  /** When crossline received or read it, epoch ms. */
  readonly receivedAt: number;
  /** Where it came from. */
  readonly origin: 'webhook' | 'poll';
  /**
   * Not to be acted on before this moment, epoch ms: a burst's follow-up waits for its bucket
   * to end, so the pass it reads has every change of the burst (a pipeline's `notBefore`).
   */
  readonly notBefore?: number | undefined;
  /**
   * The pass as the `passes` source read it from the API, as core's `LoyaltyCardRecord`
   * (polled events only: a webhook's body is never trusted).
   */
  readonly card?: Readonly<Record<string, unknown>> | undefined;
}

/**
 * The schema of a {@link TeycaPassEvent}: the `input` of a pipeline fed by the webhook inlet
 * (its `eventId` is `(event) => event.id`) or by the `passes` source.
 */
export const teycaPassEventSchema: z.ZodType<TeycaPassEvent> = z.object({
  id: z.string().min(1),
  type: z.enum(['CREATE', 'UPDATE', 'DELETE']),
  userId: z.string().min(1),
  receivedAt: z.number(),
  origin: z.enum(['webhook', 'poll']),
  notBefore: z.number().optional(),
  card: z.record(z.string(), z.unknown()).optional(),
});
