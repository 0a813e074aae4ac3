import { z } from 'zod';
import {
  dateTimeSchema,
  employeeRefSchema,
  httpUrlSchema,
  phoneSchema,
  utmSchema,
} from './common.js';

/** A phone call the host's telephony saw. */
export const callSchema = z.object({
  /** The host's id of the call; with the pipeline id it makes the envelope id. */
  id: z.string().min(1),
  /** Who called whom. */
  direction: z.literal(['incoming', 'outgoing']),
  /** How it ended. */
  result: z.literal(['answered', 'missed', 'busy', 'failed']),
  /** The caller, canonical. */
  from: phoneSchema,
  /** The number called, canonical. */
  to: phoneSchema,
  /** The host's employee who took or made the call. */
  employee: employeeRefSchema.optional(),
  /** When the call started (ISO 8601 with offset). */
  startedAt: dateTimeSchema,
  /** When it ended. */
  endedAt: dateTimeSchema.optional(),
  /** Talk time in seconds (0 for a missed call). */
  durationSec: z.number().int().nonnegative().default(0),
  /** A link to the recording that can be played and downloaded. */
  recordingUrl: httpUrlSchema.optional(),
  /** UTM tags of the visit that led to the call. */
  utm: utmSchema.optional(),
  /** Extra parameters of the visit or the call (landing page, client id …). */
  extra: z.record(z.string(), z.string()).default({}),
  /**
   * The destination CRM's id of the client, set by a pipeline step that found or created
   * them: the connector binds the call to it instead of looking the number up again.
   */
  contactId: z.string().min(1).optional(),
});

/** A call as parsed: phones canonical, defaults applied. */
export type Call = z.output<typeof callSchema>;
/** A call as the host may give it. */
export type CallInput = z.input<typeof callSchema>;
