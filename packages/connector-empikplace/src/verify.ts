import type { ConnectorContext, VerifyChecks } from '@crossline/core/sdk';
import { empikplaceActions } from './actions/index.js';
import type { EmpikplaceApi } from './api.js';
import type { EmpikplaceConfig } from './options.js';

/** Every scope the connector's actions declare they need. */
const neededScopes = [
  ...new Set(Object.values(empikplaceActions).flatMap((action) => action.permissions ?? [])),
];

/**
 * "Check connection": the account answers, the key is valid, and it has every scope the
 * actions need — each missing one named. A rejected key throws; the SDK reports it as
 * credentials not valid.
 */
export async function verify({
  client,
}: ConnectorContext<EmpikplaceConfig, EmpikplaceApi>): Promise<VerifyChecks> {
  const { scopes } = await client.me();
  const missingPermissions = neededScopes.filter((scope) => !scopes.includes(scope));
  return { reachable: true, credentialsValid: true, missingPermissions, problems: [] };
}
