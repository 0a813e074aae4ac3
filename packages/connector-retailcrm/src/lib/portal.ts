import { type AccountUrlCheck, checkAccountUrl } from '@crossline/core/sdk';

/**
 * The retailCRM / Simla.com SaaS domains an account lives under (`<account>.<domain>`). The
 * vendor serves the current list at runtime, so a static list may go stale (UNCERTAIN): add
 * a domain with the `customDomains` option.
 */
const retailcrmSaasDomains: readonly string[] = [
  'retailcrm.ru',
  'retailcrm.pro',
  'retailcrm.es',
  'simla.com',
  'simla.io',
];

/** Options of {@link normalizePortalUrl}. */
interface PortalUrlOptions {
  /** Self-hosted ("box") hosts accepted as they are, e.g. `crm.my-shop.com`. */
  customDomains?: readonly string[] | undefined;
  /** Accept a loopback `http` portal: only for a simulator in tests and demos. */
  allowLoopback?: boolean | undefined;
}

/**
 * Checks a portal address the way the vendor's own transport code does (core's
 * `checkAccountUrl` with retailCRM's SaaS domains) and returns its origin, to which `/api/v5`
 * is added.
 */
export function normalizePortalUrl(input: string, options: PortalUrlOptions = {}): AccountUrlCheck {
  return checkAccountUrl(input, { ...options, domains: retailcrmSaasDomains });
}
