import { z } from 'zod';
import { defineConnector } from '../connector/define-connector.js';
import { AuthError } from '../errors/auth-error.js';
import { createHttpClient } from '../http/create-http-client.js';
import { callSchema } from '../model/call.js';

/** A minimal CRM connector over the loopback vendor, to prove the SDK and the Hub. */
export const testCrm = defineConnector({
  vendor: 'test-crm',
  configSchema: z.object({
    baseUrl: z.url(),
    apiKey: z.string().min(8),
    /** The whole exchange's bound (a test on a loaded machine may want more). */
    timeoutMs: z.number().int().positive().default(2000),
  }),
  createClient: (config, { connectorId, onThrottled }) =>
    createHttpClient({
      baseUrl: config.baseUrl,
      connectorId,
      auth: { type: 'header', name: 'X-API-KEY', value: config.apiKey },
      retry: { retries: 2, baseDelayMs: 5 },
      timeoutMs: config.timeoutMs,
      onThrottled,
    }),
  verify: async ({ client }) => {
    try {
      await client.request({ path: '/me' });
      return { reachable: true, credentialsValid: true, missingPermissions: [], problems: [] };
    } catch (error) {
      if (AuthError.isInstance(error)) {
        return {
          reachable: true,
          credentialsValid: false,
          missingPermissions: [],
          problems: [error.message],
        };
      }
      throw error;
    }
  },
  actions: {
    'calls.log': {
      input: callSchema,
      run: async (call, { client, envelopeId }) => {
        const body = { externalId: envelopeId, from: call.from, result: call.result };
        const { data } = await client.request({
          method: 'POST',
          path: '/calls',
          json: body,
          idempotent: true,
        });
        return data;
      },
    },
  },
});
