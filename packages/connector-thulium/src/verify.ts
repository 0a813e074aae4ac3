import { AuthError, PermissionError } from '@crossline/core';
import type { ConnectorContext, VerifyChecks } from '@crossline/core/sdk';
import type { ThuliumApi } from './api.js';
import { type Dictionary, findEntry } from './lib/dictionaries.js';
import type { ThuliumConfig } from './options.js';

type Context = ConnectorContext<ThuliumConfig, ThuliumApi>;

/** Customers sampled to find the custom field and read its type from their values. */
const sampleSize = 100;

/**
 * "Check connection", each missing item named: the API user and password (`GET /customers`),
 * the customer custom field — present on the customers (Thulium returns every field, `null`
 * when empty) and holding text (no endpoint lists field types: a field is of the wrong type
 * when a customer's value is not a string; with no values yet, it cannot be told) — the queue,
 * the category, and the agent login the connector writes as.
 */
export async function verify(context: Context): Promise<VerifyChecks> {
  const { client, config } = context;
  let customers: Awaited<ReturnType<ThuliumApi['sampleCustomers']>>;
  try {
    customers = await client.sampleCustomers(sampleSize);
  } catch (error) {
    if (AuthError.isInstance(error) || PermissionError.isInstance(error)) {
      const problem = AuthError.isInstance(error)
        ? 'Thulium refused the API user and password: check `user` and `password` (Administration → Users → API users; a password cannot be read back, only replaced).'
        : 'The API user may not read customers: grant it the API elements the connector uses (or `*`).';
      return {
        reachable: true,
        credentialsValid: false,
        missingPermissions: [],
        problems: [problem],
      };
    }
    throw error;
  }
  const field = fieldCheck(customers, config.customerField);
  const problems = [
    ...field.problems,
    ...(await dictionaryProblem(context, 'queue')),
    ...(await dictionaryProblem(context, 'category')),
    ...((await client.agentExists(config.agentLogin))
      ? []
      : [`Thulium has no agent with the login "${config.agentLogin}" (option \`agentLogin\`).`]),
  ];
  return {
    reachable: true,
    credentialsValid: true,
    missingPermissions: [],
    problems,
    ...(field.notes.length ? { notes: field.notes } : {}),
  };
}

/**
 * The customer field, as far as customers show it: Thulium lists no field definitions, so its
 * existence is read from a sample of customers (every field comes back, null when empty) and
 * its type only from values that are not text; what cannot be told is a note.
 */
function fieldCheck(
  customers: readonly { readonly custom_fields?: Readonly<Record<string, unknown>> | undefined }[],
  field: string,
): { problems: string[]; notes: string[] } {
  const unverified = `The type of the customer custom field "${field}" cannot be read over Thulium's API: make sure it is text.`;
  if (customers.length === 0) {
    return {
      problems: [],
      notes: [
        `Thulium has no customers yet, so the customer custom field "${field}" (option \`customerField\`) could not be checked: make sure it exists, of type text.`,
      ],
    };
  }
  const holders = customers.filter(
    (customer) => customer.custom_fields && field in customer.custom_fields,
  );
  if (holders.length === 0) {
    return {
      problems: [
        `Thulium has no customer custom field "${field}" (option \`customerField\`): create it, of type text.`,
      ],
      notes: [],
    };
  }
  const other = holders
    .map((customer) => customer.custom_fields?.[field])
    .find((value) => value !== null && value !== undefined && typeof value !== 'string');
  if (other === undefined) return { problems: [], notes: [unverified] };
  const type = Array.isArray(other) ? 'a list' : typeof other;
  return {
    problems: [
      `The customer custom field "${field}" holds ${type} values: it must be of type text.`,
    ],
    notes: [],
  };
}

async function dictionaryProblem(context: Context, dictionary: Dictionary): Promise<string[]> {
  const ref = context.config[dictionary];
  if ((await findEntry(context, dictionary)) !== undefined) return [];
  return [`Thulium has no ticket ${dictionary} ${JSON.stringify(ref)} (option \`${dictionary}\`).`];
}
