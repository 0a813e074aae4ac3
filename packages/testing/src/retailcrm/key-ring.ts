import { randomBytes } from 'node:crypto';

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

/** A new random key: 32 characters, like the vendor's. */
export function randomApiKey(): string {
  return randomBytes(16).toString('hex');
}

/** The API keys of the simulated account and their permissions. */
export class KeyRing {
  readonly #grants = new Map<string, KeyGrant>();
  #current: string;

  /**
   * @param current - the main key
   * @param options - its permissions
   * @param defaults - credentials and scopes a key gets when its options leave them out
   */
  constructor(
    current: string,
    options: RetailcrmKeyOptions,
    readonly defaults: { credentials: readonly string[]; scopes: readonly string[] },
  ) {
    this.#current = current;
    this.add(current, options);
  }

  /** The main key (the one `rotate()` replaces). */
  get current(): string {
    return this.#current;
  }

  /** Adds (or replaces) a key. */
  add(key: string, options: RetailcrmKeyOptions = {}): void {
    if (key === '') throw new Error('retailCRM simulator: an API key cannot be empty');
    this.#grants.set(key, {
      credentials: new Set(options.credentials ?? this.defaults.credentials),
      scopes: [...(options.scopes ?? this.defaults.scopes)],
    });
  }

  /** Replaces the main key with a new one of the same permissions; the old one stops working. */
  rotate(): string {
    const grant = this.#grants.get(this.#current);
    const next = randomApiKey();
    this.#grants.delete(this.#current);
    if (grant) this.#grants.set(next, grant);
    this.#current = next;
    return next;
  }

  /** The permissions of `key`, or undefined when the key is unknown. */
  grant(key: string): KeyGrant | undefined {
    return this.#grants.get(key);
  }
}
