/** What {@link checkAccountUrl} accepts. */
export interface AccountUrlRules {
  /**
   * The vendor's SaaS domains: the host must be exactly one account label under one of them
   * (`shop.retailcrm.ru` under `retailcrm.ru`). Omitted: any host (each customer has its own
   * domain).
   */
  domains?: readonly string[] | undefined;
  /** Hosts accepted as they are besides `domains`, e.g. a self-hosted `crm.my-shop.com`. */
  customDomains?: readonly string[] | undefined;
  /**
   * Accept `http://127.0.0.1:<port>`, `http://localhost:<port>` and `http://[::1]:<port>`: only for a vendor
   * simulator in tests and demos, never for a real account.
   * @defaultValue false
   */
  allowLoopback?: boolean | undefined;
}

/** The outcome of {@link checkAccountUrl}: the origin, or what is wrong. */
export type AccountUrlCheck =
  | {
      /** The account's origin, e.g. `https://shop.retailcrm.ru`. */
      readonly origin: string;
    }
  | {
      /** What is wrong, as a sentence fragment (`must use https`). */
      readonly problem: string;
    };

/**
 * Checks the address of a customer's vendor account (a portal, a cabinet domain) the way the
 * vendors' own transport code does, and returns its origin, to which the API path is added:
 * `https` only, no port, no path but `/`, no query, fragment or credentials, and — when the
 * vendor has SaaS domains — a host that is one account label under one of them, or one of
 * `customDomains`.
 *
 * @example
 * ```ts
 * checkAccountUrl('https://shop.retailcrm.ru/', { domains: ['retailcrm.ru'] }); // { origin: 'https://shop.retailcrm.ru' }
 * checkAccountUrl('http://shop.retailcrm.ru', { domains: ['retailcrm.ru'] });   // { problem: 'must use https' }
 * ```
 */
export function checkAccountUrl(input: string, rules: AccountUrlRules = {}): AccountUrlCheck {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return { problem: 'is not a URL' };
  }
  const loopback = rules.allowLoopback === true && isLoopback(url.hostname);
  if (url.username || url.password) return { problem: 'must not contain credentials' };
  // A loopback http(s) URL refused for want of allowLoopback: say so (a simulator's URL).
  const webScheme = url.protocol === 'http:' || url.protocol === 'https:';
  const onLoopback = webScheme && isLoopback(url.hostname) && !loopback;
  const simulator = onLoopback
    ? ' (a loopback URL, e.g. a simulator, needs allowLoopback: true)'
    : '';
  if (url.protocol !== 'https:' && !(loopback && url.protocol === 'http:'))
    return { problem: `must use https${simulator}` };
  if (url.port && !loopback) return { problem: `must not have a port${simulator}` };
  if (url.pathname !== '/' && url.pathname !== '') return { problem: 'must not have a path' };
  if (url.search || input.includes('?')) return { problem: 'must not have a query' };
  if (url.hash || input.includes('#')) return { problem: 'must not have a fragment' };
  const host = url.hostname.toLowerCase();
  const custom = (rules.customDomains ?? []).map((domain) => domain.toLowerCase());
  const { domains } = rules;
  if (domains && !loopback && !custom.includes(host) && !isAccountHost(host, domains)) {
    return {
      problem: `${host} is not an account under ${domains.join(', ')}; add a self-hosted one to customDomains${simulator}`,
    };
  }
  return { origin: url.origin };
}

function isAccountHost(host: string, domains: readonly string[]): boolean {
  return domains.some((domain) => {
    if (!host.endsWith(`.${domain}`)) return false;
    const account = host.slice(0, -domain.length - 1);
    return account.length > 0 && !account.includes('.');
  });
}

function isLoopback(host: string): boolean {
  return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
}

/** Where {@link refineAccountUrl} reports a bad URL, and how it names it. */
export interface AccountUrlOption extends AccountUrlRules {
  /** The option's name, e.g. `url`. */
  readonly path: string;
  /** What the URL is, for the message, e.g. `account` (`account URL must use https`). */
  readonly label?: string | undefined;
}

/**
 * For a connector's options schema, in its `superRefine`: checks the account URL with
 * {@link checkAccountUrl} and, when it is wrong, adds an issue at the option naming the problem.
 *
 * @example
 * ```ts
 * .superRefine((options, context) =>
 *   refineAccountUrl(context, options.url, { path: 'url', label: 'account', allowLoopback: options.allowLoopback }))
 * .transform((options) => ({ ...options, origin: accountOrigin(options.url, options) }))
 * ```
 */
export function refineAccountUrl(
  context: { addIssue(issue: { code: 'custom'; path: string[]; message: string }): void },
  input: string,
  option: AccountUrlOption,
): void {
  const { path, label, ...rules } = option;
  const account = checkAccountUrl(input, rules);
  if ('problem' in account) {
    const message = `${label ? `${label} ` : ''}URL ${account.problem}`;
    context.addIssue({ code: 'custom', path: [path], message });
  }
}

/**
 * The origin of an account URL that {@link refineAccountUrl} accepted (in the schema's
 * `transform`, which runs only when every check passed).
 * @throws Error when the URL was not checked first
 */
export function accountOrigin(input: string, rules: AccountUrlRules = {}): string {
  const account = checkAccountUrl(input, rules);
  if ('problem' in account) throw new Error(`account URL ${account.problem}`);
  return account.origin;
}
