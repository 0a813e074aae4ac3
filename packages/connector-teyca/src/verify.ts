import { AuthError, ConfigError, NotFoundError, PermissionError } from '@crossline/core';
import type { ConnectorContext, VerifyChecks } from '@crossline/core/sdk';
import type { TeycaApi } from './api.js';
import type { TeycaConfig } from './options.js';

const keyRefused =
  'Teyca refused the main authorization key: in the Teyca cabinet open Integration → API, open the API module, check it is activated, and copy its key into `apiKey` (sent as is, without "Bearer").';
const moduleDisabled =
  'Teyca accepted no API call with this key: the API module looks disabled — activate it in the cabinet (Integration → API), then check again.';
const tokenRefused =
  'Teyca refused the authorization token: it is unknown, deleted, or blocked for good because it was used from a second installation. Create a new token for this installation (cabinet → Integration → API, or POST /v1/authorization with an identifier) and set it as `token`; never share one token between installations or replicas.';

/** Whether an error is Teyca saying no to the credentials (401, 403 or 404 on the path). */
function refused(error: unknown): boolean {
  return (
    AuthError.isInstance(error) ||
    PermissionError.isInstance(error) ||
    NotFoundError.isInstance(error)
  );
}

/**
 * "Check connection", step by step, each failure explained with what to do: the token is this
 * installation's (the `fingerprintStore` guard), the main key is valid and the API module
 * enabled (`GET /v1/authorization`, key only), the token is valid and not blocked (`GET
 * /v1/{token}/passes?limit=1`). Teyca has no scopes: nothing is ever missing.
 */
export async function verify({
  client,
}: ConnectorContext<TeycaConfig, TeycaApi>): Promise<VerifyChecks> {
  const report = (credentialsValid: boolean, problems: string[] = []): VerifyChecks => ({
    reachable: true,
    credentialsValid,
    missingPermissions: [],
    problems,
  });
  try {
    await client.listTokens();
  } catch (error) {
    if (ConfigError.isInstance(error)) return report(false, [error.message]);
    if (AuthError.isInstance(error)) return report(false, [keyRefused]);
    if (refused(error)) return report(false, [moduleDisabled]);
    throw error;
  }
  try {
    await client.listPasses({ limit: 1, offset: 0 });
  } catch (error) {
    if (refused(error)) return report(false, [tokenRefused]);
    throw error;
  }
  return report(true);
}
