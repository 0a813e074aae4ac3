import type { ConnectorContext, VerifyChecks } from '@crossline/core/sdk';
import type { AsterilApi } from './api.js';
import { clientMapping } from './mapping.js';
import type { AsterilConfig } from './options.js';

/**
 * "Check connection": the cabinet answers, the key is valid, its user (the manager the
 * integration acts as) is known and an administrator, and every text field the field map
 * writes to exists — each missing one named. Asteril keys carry no finer permissions: an
 * administrator's key may call every method the actions declare.
 */
export async function verify({
  client,
  config,
}: ConnectorContext<AsterilConfig, AsterilApi>): Promise<VerifyChecks> {
  // A rejected key throws: core's verify() reports it as credentials not valid.
  const admin = (await client.me()).is_admin;
  const problems =
    admin === false
      ? ["the key's user is not an administrator: the integration needs admin access"]
      : [];
  const textFields = new Set<string>();
  for await (const field of client.clientFields()) {
    if (field.type === undefined || field.type === 'text') textFields.add(field.code);
  }
  for (const code of new Set(Object.values(clientMapping(config).fieldMap))) {
    if (!textFields.has(code)) problems.push(`the Client text field "${code}" does not exist`);
  }
  return { reachable: true, credentialsValid: true, missingPermissions: [], problems };
}
