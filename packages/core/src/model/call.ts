import { z } from 'zod';
import { dateTimeSchema, employeeRefSchema, phoneSchema, utmSchema } from './common.js';

/** A phone call the host's telephony saw. */
export const callSchema = z.object({
  /** The host's id of the call; with the pipeline id it makes the envelope id. */
  id: z.string().min(1),
  direction: z.enum(['incoming', 'outgoing']),
  result: z.enum(['answered', 'missed', 'busy', 'failed']),
  /** The caller, canonical. */
  from: phoneSchema,
  /** The number called, canonical. */
  to: phoneSchema,
  employee: employeeRefSchema.optional(),
  startedAt: dateTimeSchema,
  endedAt: dateTimeSchema.optional(),
  /** Talk time in seconds (0 for a missed call). */
  durationSec: z.number().int().nonnegative().default(0),
  /** A link to the recording that can be played and downloaded. */
  recordingUrl: z.url().optional(),
  utm: utmSchema.optional(),
  /** Extra parameters of the visit or the call (landing page, client id …). */
  extra: z.record(z.string(), z.string()).default({}),
});

/** A call as parsed: phones canonical, defaults applied. */
export type Call = z.output<typeof callSchema>;
/** A call as the host may give it. */
export type CallInput = z.input<typeof callSchema>;
