import type { ConnectorContext, VerifyChecks } from '@crossline/core/sdk';
import { actionList } from './actions/index.js';
import type { RetailcrmApi } from './api.js';
import { listManagers } from './lib/activation.js';
import { canCall, integrationMethods, missingRights } from './lib/permissions.js';
import type { RetailcrmConfig } from './options.js';
import { contactsSourceMethods } from './sources/contacts.js';

/**
 * The methods the connector needs, in the notation of `GET /api/credentials`, sorted: what its
 * actions declare (`permissions`), what the `contacts` source reads, and what activation and
 * `verify()` need of their own.
 */
export const requiredMethods: readonly string[] = [
  ...new Set([
    ...integrationMethods,
    ...contactsSourceMethods,
    ...actionList.flatMap((action) => action.permissions ?? []),
  ]),
].sort();

/**
 * "Check connection" through `GET /api/credentials`: the key works, and what it lacks of the
 * {@link requiredMethods} — granted by the methods it lists or by its scopes (a scope-based
 * key lists no methods); a `site` the account does not have, or the key cannot see, is a problem
 * too, and so are the admin and the linked employees when the key can read users.
 */
export async function verify({
  client,
  config,
}: ConnectorContext<RetailcrmConfig, RetailcrmApi>): Promise<VerifyChecks> {
  // A rejected key throws: core's verify() reports it as credentials not valid.
  const answer = await client.credentials();
  const missingPermissions = missingRights(answer, requiredMethods);
  const problems: string[] = [];
  const sites = answer.sitesAvailable;
  if (answer.siteAccess === 'access_selective' && !sites.includes(config.site)) {
    problems.push(`the key cannot see the shop ${config.site}`);
  } else if (sites.length > 0 && !sites.includes(config.site)) {
    // A full-access key lists every site (UNCERTAIN: an empty list checks nothing); another
    // kind of access may list only some.
    const where =
      answer.siteAccess === 'access_full'
        ? `no shop ${config.site} in the account (its sites: ${sites.join(', ')})`
        : `the key's sites (${sites.join(', ')}) do not include ${config.site}`;
    problems.push(`${where}: \`site\` is a site's symbolic code`);
  }
  if (canCall(answer, '/api/users')) problems.push(...(await peopleProblems(client, config)));
  return { reachable: true, credentialsValid: true, missingPermissions, problems };
}

/** The admin must exist; every linked employee must be an active manager; one is senior. */
async function peopleProblems(client: RetailcrmApi, config: RetailcrmConfig): Promise<string[]> {
  const problems: string[] = [];
  const email = config.adminEmail.toLowerCase();
  const { users } = await client.listUsers({ filter: { email }, limit: 20 });
  if (!users.some((user) => user.email?.toLowerCase() === email && user.active !== false)) {
    problems.push(`no active CRM user has the admin e-mail ${config.adminEmail}`);
  }
  if (config.employees.length === 0) return problems;
  const managers = new Set((await listManagers(client)).map((user) => user.id));
  for (const link of config.employees) {
    if (!managers.has(link.userId)) {
      problems.push(
        `employee ${link.employeeId}: CRM user ${link.userId} is not an active manager`,
      );
    }
  }
  if (!config.employees.some((link) => link.senior)) {
    problems.push('no senior manager: unroutable calls and tasks go to the admin');
  }
  return problems;
}
