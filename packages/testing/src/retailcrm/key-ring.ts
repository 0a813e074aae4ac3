/**
 * Permissions of an API key, in either of the vendor's forms: the methods it may call
 * (`credentials`), or the scopes it was given (`scopes`: `customer_read` grants every GET of
 * customers, `telephony_write` every telephony POST …). A method is allowed when either form
 * grants it. A key given only `scopes` is a scope-based key: it lists no credentials; a key
 * given only `credentials` reports no scopes; a key given neither gets every method and scope.
 */
export interface RetailcrmKeyOptions {
  /**
   * Methods the key may call, in the vendor's notation (`/api/customers/create`,
   * `/api/customers/{externalId}/edit`). @defaultValue every method the simulator serves, or
   * none when `scopes` is given
   */
  credentials?: readonly string[] | undefined;
  /**
   * Scopes of the key, reported by `GET /api/credentials`. @defaultValue every scope in the
   * fact sheet, or none when `credentials` is given
   */
  scopes?: readonly string[] | undefined;
}

/** The permissions of one key, resolved. */
export interface KeyGrant {
  /** Allowed methods. */
  readonly credentials: ReadonlySet<string>;
  /** Reported scopes. */
  readonly scopes: readonly string[];
}

/**
 * The permissions `options` give: what they leave out is empty when they give the other form,
 * and `defaults` when they give neither.
 */
export function resolveGrant(
  options: RetailcrmKeyOptions,
  defaults: { readonly credentials: readonly string[]; readonly scopes: readonly string[] },
): KeyGrant {
  const neither = options.credentials === undefined && options.scopes === undefined;
  return {
    credentials: new Set(options.credentials ?? (neither ? defaults.credentials : [])),
    scopes: [...(options.scopes ?? (neither ? defaults.scopes : []))],
  };
}
