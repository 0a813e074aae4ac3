/** Permissions of an API key. */
export interface RetailcrmKeyOptions {
  /**
   * Methods the key may call, in the vendor's notation (`/api/customers/create`,
   * `/api/customers/{externalId}/edit`). @defaultValue every method the simulator serves
   */
  credentials?: readonly string[] | undefined;
  /** Scopes reported by `GET /api/credentials`. @defaultValue every scope in the fact sheet */
  scopes?: readonly string[] | undefined;
}

/** The permissions of one key, resolved. */
export interface KeyGrant {
  /** Allowed methods. */
  readonly credentials: ReadonlySet<string>;
  /** Reported scopes. */
  readonly scopes: readonly string[];
}

/** The permissions `options` give, with `defaults` for what they leave out. */
export function resolveGrant(
  options: RetailcrmKeyOptions,
  defaults: { readonly credentials: readonly string[]; readonly scopes: readonly string[] },
): KeyGrant {
  return {
    credentials: new Set(options.credentials ?? defaults.credentials),
    scopes: [...(options.scopes ?? defaults.scopes)],
  };
}
