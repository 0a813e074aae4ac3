import { randomBytes } from 'node:crypto';

/** A new random API key: 32 hex characters. */
export function randomApiKey(): string {
  return randomBytes(16).toString('hex');
}

/**
 * The API keys of a simulated account, each with what it grants (permissions, the user it acts
 * as…). One of them is the main key, which `rotate()` replaces.
 */
export class KeyRing<Grant> {
  readonly #grants: Map<string, Grant>;
  #current: string;

  /**
   * @param current - the main key
   * @param grant - what the main key grants
   * @param grants - where keys are kept, e.g. a map the vendor's state exposes
   */
  constructor(current: string, grant: Grant, grants: Map<string, Grant> = new Map()) {
    this.#grants = grants;
    this.#current = current;
    this.add(current, grant);
  }

  /** The main key (the one `rotate()` replaces). */
  get current(): string {
    return this.#current;
  }

  /** Adds (or replaces) a key. */
  add(key: string, grant: Grant): void {
    if (key === '') throw new TypeError('Simulator: an API key cannot be empty');
    this.#grants.set(key, grant);
  }

  /** Replaces the main key with a new random one granting the same; the old one stops working. */
  rotate(): string {
    const grant = this.#grants.get(this.#current);
    const next = randomApiKey();
    this.#grants.delete(this.#current);
    if (grant !== undefined) this.#grants.set(next, grant);
    this.#current = next;
    return next;
  }

  /** What `key` grants, or undefined when the key is unknown. */
  grant(key: string): Grant | undefined {
    return this.#grants.get(key);
  }
}
