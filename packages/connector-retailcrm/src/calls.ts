import { type Call, callSchema } from '@crossline/core';
import { z } from 'zod';
import type { RetailcrmActionContext } from './action-context.js';
import { toCallEvent, toCallUpload } from './mappers.js';
import { routeEmployee } from './routing.js';

/** The input of `calls.event`: a call starting (`in`/`out` pop-up) or ending (`hangup`). */
export const callEventInputSchema = z.object({
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

/** The input of `calls.event`. */
export type CallEventInput = z.input<typeof callEventInputSchema>;

/**
 * `calls.log`: uploads the call with its recording, routed to the linked manager (or the
 * senior manager); the envelope id is the upload's `externalId`, so a resend is reported back
 * as a duplicate and not stored twice.
 */
export async function logCall(call: Call, context: RetailcrmActionContext) {
  const { client, config, envelopeId, signal } = context;
  const route = routeEmployee(call.employee, config.employees);
  const upload = toCallUpload(call, {
    externalId: envelopeId,
    site: config.site,
    timeZone: config.timeZone,
    route,
  });
  const answer = await client.uploadCalls([upload], { signal });
  return { duplicate: answer.duplicateCalls.includes(envelopeId), routedTo: route?.userId };
}

/**
 * `calls.event`: a real-time pop-up for the routed manager. A pop-up is only worth showing
 * while the call is on: one older than `popupMaxAgeSec` (a replay after an outage, say) is
 * skipped, not sent.
 */
export async function sendCallEvent(
  input: z.output<typeof callEventInputSchema>,
  context: RetailcrmActionContext,
) {
  const { client, config, signal, occurredAt } = context;
  if (Date.now() - occurredAt > config.popupMaxAgeSec * 1000) return { skipped: 'stale' as const };
  const route = routeEmployee(input.call.employee, config.employees);
  const externalId = input.callExternalId ?? `calls:${input.call.id}`;
  const event = toCallEvent(input.call, input.phase, { externalId, site: config.site, route });
  return client.callEvent(event, { signal });
}
