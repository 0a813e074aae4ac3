/**
 * The retailCRM / Simla.com SaaS domains an account lives under (`<account>.<domain>`). The
 * vendor serves the current list at runtime, so a static list may go stale (UNCERTAIN): add
 * a domain with the `customDomains` option.
 */
export const retailcrmSaasDomains: readonly string[] = [
  'retailcrm.ru',
  'retailcrm.pro',
  'retailcrm.es',
  'simla.com',
  'simla.io',
];

/** Options of {@link normalizePortalUrl}. */
export interface PortalUrlOptions {
  /** Self-hosted ("box") hosts accepted as they are, e.g. `crm.my-shop.com`. */
  customDomains?: readonly string[] | undefined;
  /**
   * Accept `http://127.0.0.1:<port>` and `http://localhost:<port>`: only for a simulator in
   * tests and demos, never for a real portal.
   * @defaultValue false
   */
  allowLoopback?: boolean | undefined;
}

/** The outcome of {@link normalizePortalUrl}: the origin, or what is wrong. */
export type PortalUrlCheck =
  | {
      /** The portal's origin, e.g. `https://shop.retailcrm.ru`. */
      readonly origin: string;
    }
  | {
      /** What is wrong, in a sentence fragment (`must use https`). */
      readonly problem: string;
    };

/**
 * Checks a portal address the way the vendor's own transport code does, and returns its
 * origin (`https://shop.retailcrm.ru`) to which `/api/v5` is added. Accepted: `https`, no
 * port, no path but `/`, no query, fragment or credentials, and a host that is one account
 * label under a known SaaS domain — or one of `customDomains`.
 *
 * @returns the problem in a sentence, or the origin
 */
export function normalizePortalUrl(input: string, options: PortalUrlOptions = {}): PortalUrlCheck {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return { problem: 'is not a URL' };
  }
  const loopback = options.allowLoopback === true && isLoopback(url.hostname);
  if (url.username || url.password) return { problem: 'must not contain credentials' };
  if (url.protocol !== 'https:' && !(loopback && url.protocol === 'http:'))
    return { problem: 'must use https' };
  if (url.port && !loopback) return { problem: 'must not have a port' };
  if (url.pathname !== '/' && url.pathname !== '') return { problem: 'must not have a path' };
  if (url.search || input.includes('?')) return { problem: 'must not have a query' };
  if (url.hash || input.includes('#')) return { problem: 'must not have a fragment' };
  const host = url.hostname.toLowerCase();
  const custom = (options.customDomains ?? []).map((domain) => domain.toLowerCase());
  if (!loopback && !custom.includes(host) && !isSaasHost(host)) {
    return {
      problem: `${host} is not a retailCRM domain (${retailcrmSaasDomains.join(', ')}); add a self-hosted one to customDomains`,
    };
  }
  return { origin: url.origin };
}

function isSaasHost(host: string): boolean {
  return retailcrmSaasDomains.some((domain) => {
    if (!host.endsWith(`.${domain}`)) return false;
    const account = host.slice(0, -domain.length - 1);
    return account.length > 0 && !account.includes('.');
  });
}

function isLoopback(host: string): boolean {
  return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
}
