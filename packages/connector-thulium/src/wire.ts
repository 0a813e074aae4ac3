import { lenient, lenientEnum } from '@crossline/core/sdk';
import { z } from 'zod';

// The vendor's requests and answers. Every answer is read through `lenient()` — `null` counts
// as absent — with open objects (fields the vendor adds later are kept) and `lenientEnum` (values
// it adds later are kept). Never `.strict()` on an answer.

/** A call as the vendor stores it: the body of `POST /calls`, and part of its answer. */
export const thuliumCallSchema = z.looseObject({
  /** The client's number, international with `+`. */
  phone: z.string(),
  /** The number that was called (incoming) or called from (outgoing), international with `+`. */
  line: z.string(),
  /** Who called whom. */
  direction: lenientEnum(['in', 'out']),
  /** How it ended. */
  status: lenientEnum(['answered', 'missed', 'busy', 'failed']),
  /** When it started, ISO 8601. */
  started_at: z.string(),
  /** Talk time, seconds. */
  duration_sec: z.number(),
  /** A link to the recording. */
  record_url: z.string().optional(),
  /** crossline's id of the call (the envelope id): the vendor refuses a second call with it. */
  external_id: z.string(),
});

/** A call as the vendor stores it. */
export type ThuliumCall = z.output<typeof thuliumCallSchema>;

/** The answer of `POST /calls`: the stored call with the vendor's id. */
export const createdCallAnswer = lenient(
  z.object({
    /** The stored call. */
    data: thuliumCallSchema.extend({
      /** The vendor's id of the call. */
      id: z.union([z.number(), z.string()]),
    }),
  }),
);

/** The answer of `GET /me`: the key's user and the scopes granted to the key. */
export const meAnswer = lenient(
  z.object({
    /** The key's user. */
    data: z.looseObject({
      /** The user's id. */
      id: z.union([z.number(), z.string()]),
      /** The scopes granted to the key, e.g. `calls:write`. */
      scopes: z.array(z.string()).default([]),
    }),
  }),
);

/** The key's user and scopes. */
export type ThuliumMe = z.output<typeof meAnswer>['data'];
