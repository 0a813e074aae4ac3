import { type Call, callSchema } from '@crossline/core';
import { type ActionDefinition, clientPhone } from '@crossline/core/sdk';
import type { AsterilApi } from '../api.js';
import { boundClientId } from '../lib/clients.js';
import { type CreatedOnce, createdOnceSchema, createOnce } from '../lib/create-once.js';
import { callMapper } from '../mapping.js';
import type { AsterilConfig } from '../options.js';

/**
 * `calls.log`: the call in Interaction → Calls — direction, result, duration, and for an
 * answered call the recording — bound to the Client (the one the pipeline found, or the one
 * with the number), created once under the envelope id.
 */
export const logCall = {
  input: callSchema,
  output: createdOnceSchema,
  permissions: ['GET /clients', 'GET /calls', 'POST /calls'],
  run: async (call, context) => {
    const { client, envelopeId: externalId, signal } = context;
    const phone = clientPhone(call);
    const clientId = await boundClientId(context, { contactId: call.contactId, phone }, 'call');
    return createOnce(
      () => client.findCall(externalId, { signal }),
      () => client.createCall(callMapper.toVendor(call, { externalId, clientId }), { signal }),
    );
  },
} satisfies ActionDefinition<AsterilConfig, AsterilApi, Call, CreatedOnce>;
