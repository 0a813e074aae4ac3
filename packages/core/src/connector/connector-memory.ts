import { LruCache } from '../util/lru-cache.js';

/**
 * A connector instance's own short-term memory — a repeat caller's contact, the account's
 * admin id — instead of module-level caches shared by every instance. Bounded (least recently
 * used entries go first), entries expire, and it is emptied when the options change
 * (`configure()`: new credentials may reach another account).
 */
export class ConnectorMemory {
  readonly #entries = new LruCache<string, { value: unknown; until: number }>(1_000);

  /** The value remembered under `key`, unless it expired. */
  get<T>(key: string): T | undefined {
    const entry = this.#entries.get(key);
    if (!entry || entry.until <= Date.now()) return undefined;
    return entry.value as T;
  }

  /** Remembers `value` under `key` for `ttlMs`. */
  set(key: string, value: unknown, ttlMs: number): void {
    this.#entries.set(key, { value, until: Date.now() + ttlMs });
  }

  /** Forgets one entry. */
  delete(key: string): void {
    this.#entries.set(key, { value: undefined, until: 0 });
  }

  /** Forgets everything. */
  clear(): void {
    this.#entries.clear();
  }

  /**
   * The value under `key`, or the one `load` resolves with, remembered for `ttlMs`; a failed
   * load is not remembered.
   */
  async remember<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
    const known = this.get<T>(key);
    if (known !== undefined) return known;
    const value = await load();
    this.set(key, value, ttlMs);
    return value;
  }
}
