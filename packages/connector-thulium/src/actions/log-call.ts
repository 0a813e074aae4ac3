import { type Call, callSchema } from '@crossline/core';
import type { ActionDefinition } from '@crossline/core/sdk';
import { z } from 'zod';
import type { ThuliumApi } from '../api.js';
import { callMapper } from '../mapping.js';
import type { ThuliumConfig } from '../options.js';

/** What `calls.log` resolves with. */
export const loggedCallSchema = z.object({
  /** The vendor's id of the call. */
  id: z.string(),
});

/**
 * What `calls.log` resolves with.
 * @inline
 */
export type LoggedCall = z.output<typeof loggedCallSchema>;

/**
 * `calls.log`: logs a call (with its recording link) at the vendor. The envelope id is sent as
 * the call's external id: the vendor refuses a second call with it, so a redelivery after a
 * crash never logs the call twice.
 */
export const logCall = {
  input: callSchema,
  output: loggedCallSchema,
  permissions: ['calls:write'],
  async run(call, { client, envelopeId, signal }) {
    const payload = callMapper.toVendor(call, { externalId: envelopeId });
    const stored = await client.createCall(payload, signal);
    return { id: String(stored.id) };
  },
} satisfies ActionDefinition<ThuliumConfig, ThuliumApi, Call, LoggedCall>;
