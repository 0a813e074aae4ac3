import type { ConnectorContext, VerifyChecks } from '@crossline/core/sdk';
import { thuliumActions } from './actions/index.js';
import type { ThuliumApi } from './api.js';
import type { ThuliumConfig } from './options.js';

/** Every scope the connector's actions declare they need. */
const neededScopes = [
  ...new Set(Object.values(thuliumActions).flatMap((action) => action.permissions ?? [])),
];

/**
 * "Check connection": the account answers, the key is valid, and it has every scope the
 * actions need — each missing one named. A rejected key throws; the SDK reports it as
 * credentials not valid.
 */
export async function verify({
  client,
}: ConnectorContext<ThuliumConfig, ThuliumApi>): Promise<VerifyChecks> {
  const { scopes } = await client.me();
  const missingPermissions = neededScopes.filter((scope) => !scopes.includes(scope));
  return { reachable: true, credentialsValid: true, missingPermissions, problems: [] };
}
