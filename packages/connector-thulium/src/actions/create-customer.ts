import { ValidationError } from '@crossline/core';
import {
  type ActionDefinition,
  type HelpdeskCustomer,
  helpdeskCustomerSchema,
} from '@crossline/core/sdk';
import { z } from 'zod';
import type { ThuliumApi } from '../api.js';
import { lookUpCustomer } from '../lib/customers.js';
import { customerMapper } from '../mapping.js';
import type { ThuliumConfig } from '../options.js';

const inputSchema = z.object({
  /** The origin's id of the customer, written into the configured field. */
  externalId: z.string().trim().min(1),
  /** Given name. */
  firstName: z.string().optional(),
  /** Family name (Thulium requires one: the option's placeholder when none is known). */
  lastName: z.string().optional(),
  /** E-mail. */
  email: z.string().optional(),
  /** Phone. */
  phone: z.string().optional(),
});

/** How long a created customer is remembered, so concurrent creates of one id make one. */
const serialiseMs = 60_000;

/**
 * `customers.create`: `POST /customers` with the configured custom field filled. Creates of one
 * id are serialised in the connector and look the id up first, so two messages of a new
 * customer arriving together make one customer; an answer without the new id is followed by a
 * look-up. Several customers holding the id refuse the create ("merge them in Thulium").
 */
export const createCustomer = {
  input: inputSchema,
  output: helpdeskCustomerSchema,
  permissions: ['GET /customers', 'POST /customers'],
  run(input, { client, config, memory, signal }) {
    const key = `thulium:customer:${input.externalId}`;
    return memory.remember(key, serialiseMs, async () => {
      const existing = await findOne(client, config, input.externalId, signal);
      if (existing) return existing;
      const body = customerMapper.toVendor(withoutUndefined(input), config);
      const id = await client.createCustomer(body, signal);
      if (id !== undefined) return { id, externalId: input.externalId };
      const created = await findOne(client, config, input.externalId, signal);
      if (created) return created;
      throw new ValidationError('Thulium created the customer but returned no id and no match', {
        code: 'INVALID_RESPONSE',
      });
    });
  },
} satisfies ActionDefinition<
  ThuliumConfig,
  ThuliumApi,
  z.output<typeof inputSchema>,
  HelpdeskCustomer
>;

async function findOne(
  client: ThuliumApi,
  config: ThuliumConfig,
  externalId: string,
  signal: AbortSignal | undefined,
): Promise<HelpdeskCustomer | undefined> {
  const lookup = await lookUpCustomer(client, config, externalId, signal);
  if (lookup.status === 'found') return lookup.customer;
  if (lookup.status === 'none') return undefined;
  throw new ValidationError(
    `Several Thulium customers (${lookup.ids.join(', ')}) hold this id in "${config.customerField}": merge them in Thulium`,
  );
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter((entry) => entry[1] !== undefined)) as T;
}
