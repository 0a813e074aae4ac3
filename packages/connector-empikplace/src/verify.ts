import { AuthError, PermissionError } from '@crossline/core';
import type { ConnectorContext, VerifyChecks } from '@crossline/core/sdk';
import type { EmpikplaceApi } from './api.js';
import type { EmpikplaceConfig } from './options.js';

/** Where `verify()` looks for a thread naming the shop: any thread since this instant. */
const longAgo = '2000-01-01T00:00:00.000Z';

const missingAccess = (config: EmpikplaceConfig, what: string) =>
  config.shopId === undefined
    ? `the key may not read ${what} of its default shop`
    : `the key has no access to shop ${config.shopId} (${what}): check the shop id, or use the key of that shop's user`;

/**
 * "Authenticate": the key is valid (M11 answers, not 401), the shop is reachable with it (M11
 * and OR11 answer, not 403 — Mirakl's "no access to that shop"), and the shop id matches (the
 * `SHOP` participant of the shop's latest thread is the configured shop) — each failure named.
 */
export async function verify({
  client,
  config,
}: ConnectorContext<EmpikplaceConfig, EmpikplaceApi>): Promise<VerifyChecks> {
  const problems: string[] = [];
  const notes: string[] = [];
  const missingPermissions: string[] = [];
  try {
    const page = await client.threads({ updatedSince: longAgo, limit: 1 });
    const shop = page.data[0]?.authorized_participants.find((item) => item.type === 'SHOP');
    if (config.shopId !== undefined && shop?.id !== undefined && String(shop.id) !== config.shopId)
      problems.push(`the key's shop is ${shop.id}, not the configured shop ${config.shopId}`);
    if (config.shopId !== undefined && shop?.id === undefined)
      notes.push(
        `the shop has no conversation yet: shop ${config.shopId} answered with this key, but whether it is the key's own shop shows only in a conversation`,
      );
  } catch (error) {
    if (AuthError.isInstance(error)) throw error;
    if (!PermissionError.isInstance(error)) throw error;
    missingPermissions.push('M11 GET /api/inbox/threads');
    problems.push(missingAccess(config, 'the inbox'));
  }
  try {
    await client.anyOrder();
  } catch (error) {
    if (!PermissionError.isInstance(error)) throw error;
    missingPermissions.push('OR11 GET /api/orders');
    problems.push(missingAccess(config, 'the orders'));
  }
  return {
    reachable: true,
    credentialsValid: true,
    missingPermissions,
    problems,
    ...(notes.length ? { notes } : {}),
  };
}
