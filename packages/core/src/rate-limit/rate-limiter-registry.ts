import { createHash } from 'node:crypto';
import type { RateLimiter } from './rate-limiter.js';

/** What identifies one set of credentials at one vendor account. */
export interface CredentialsIdentity {
  /** The vendor, e.g. `retailcrm`. */
  vendor: string;
  /** The account's base URL (portal, domain). */
  account: string;
  /** The credential itself (API key, token). Hashed at once, never stored or logged. */
  credential: string;
}

/**
 * Hands out one {@link RateLimiter} per set of credentials, so every call made with the same
 * key — from any connector instance or pipeline — shares one budget. Keys are held only as
 * SHA-256 fingerprints.
 *
 * @example
 * ```ts
 * const registry = new RateLimiterRegistry();
 * const limiter = registry.get({ vendor: 'retailcrm', account: portalUrl, credential: apiKey },
 *   () => new LocalRateLimiter({ limit: 10 }));
 * ```
 */
export class RateLimiterRegistry {
  readonly #limiters = new Map<string, RateLimiter>();

  /**
   * The limiter for these credentials, created by `create` the first time they are seen.
   * Later calls return the same instance whatever their `create` would build.
   */
  get(identity: CredentialsIdentity, create: () => RateLimiter): RateLimiter {
    const key = fingerprint(identity);
    let limiter = this.#limiters.get(key);
    if (!limiter) {
      limiter = create();
      this.#limiters.set(key, limiter);
    }
    return limiter;
  }

  /** Forgets the limiter of these credentials (after a key rotation, say). */
  delete(identity: CredentialsIdentity): boolean {
    return this.#limiters.delete(fingerprint(identity));
  }

  /** How many credential sets have a limiter. */
  get size(): number {
    return this.#limiters.size;
  }
}

function fingerprint({ vendor, account, credential }: CredentialsIdentity): string {
  return createHash('sha256').update(`${vendor}\u0000${account}\u0000${credential}`).digest('hex');
}
