import { type Call, callSchema } from '@crossline/core';
import type { ActionDefinition } from '@crossline/core/sdk';
import { z } from 'zod';
import type { RetailcrmApi } from '../api.js';
import { routeEmployee } from '../lib/routing.js';
import { callMapper } from '../mapping-calls.js';
import type { RetailcrmConfig } from '../options.js';

/** What `calls.log` resolves with. */
const loggedCallSchema = z.object({
  /** The CRM had the call already (a resend): it was not stored twice. */
  duplicate: z.boolean(),
  /** The CRM user the call was routed to; none when no manager is linked. */
  routedTo: z.number().optional(),
});

/**
 * `calls.log`: uploads the call with its recording, routed to the linked manager (or the
 * senior manager); the envelope id is the upload's `externalId`, so a resend is reported back
 * as a duplicate and not stored twice.
 */
export const logCall = {
  input: callSchema,
  output: loggedCallSchema,
  permissions: ['/api/telephony/calls/upload'],
  run: async (call, context) => {
    const { client, config, envelopeId, signal } = context;
    const upload = callMapper.toVendor(call, { options: config, externalId: envelopeId });
    const answer = await client.uploadCalls([upload], { signal });
    const route = routeEmployee(call.employee, config.employees);
    return { duplicate: answer.duplicateCalls.includes(envelopeId), routedTo: route?.userId };
  },
} satisfies ActionDefinition<
  RetailcrmConfig,
  RetailcrmApi,
  Call,
  z.output<typeof loggedCallSchema>
>;
