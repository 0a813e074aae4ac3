import { callSchema } from '@crossline/core';
import type { ActionDefinition } from '@crossline/core/sdk';
import { z } from 'zod';
import type { RetailcrmApi } from '../api.js';
import { toCallEvent } from '../mapping-calls.js';
import type { RetailcrmConfig } from '../options.js';
import { callEventResponseSchema } from '../wire-telephony.js';

/** The input of `calls.event`: a call starting (`in`/`out` pop-up) or ending (`hangup`). */
const callEventInputSchema = z.object({
  /** `start` when it rings, `end` when it is over. */
  phase: z.literal(['start', 'end']),
  /** The call. */
  call: callSchema,
  /**
   * The id the call is (or will be) logged under, linking the pop-up to it.
   * @defaultValue `calls:<call.id>` — the envelope id `callTrackingPipeline` gives the call log
   */
  callExternalId: z.string().min(1).optional(),
});

/** What `calls.event` resolves with: the CRM's answer, or that a stale pop-up was skipped. */
const sentEventSchema = z.union([
  z.object({
    /** Older than `popupMaxAgeSec`: not sent. */
    skipped: z.literal('stale'),
  }),
  callEventResponseSchema,
]);

/**
 * `calls.event`: a real-time pop-up for the routed manager. A pop-up is only worth showing
 * while the call is on: one older than `popupMaxAgeSec` (a replay after an outage, say) is
 * skipped, not sent.
 */
export const sendCallEvent = {
  input: callEventInputSchema,
  output: sentEventSchema,
  permissions: ['/api/telephony/call/event'],
  run: async (input, context) => {
    const { client, config, signal, occurredAt } = context;
    if (Date.now() - occurredAt > config.popupMaxAgeSec * 1000)
      return { skipped: 'stale' as const };
    const externalId = input.callExternalId ?? `calls:${input.call.id}`;
    const event = toCallEvent(input.call, input.phase, { options: config, externalId });
    return client.callEvent(event, { signal });
  },
} satisfies ActionDefinition<
  RetailcrmConfig,
  RetailcrmApi,
  z.output<typeof callEventInputSchema>,
  z.output<typeof sentEventSchema>
>;
