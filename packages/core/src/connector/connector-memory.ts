import { LruCache } from '../util/lru-cache.js';

/**
 * A connector instance's own short-term memory — a repeat caller's contact, the account's
 * admin id — instead of module-level caches shared by every instance. Bounded (least recently
 * used entries go first), entries expire, and it is emptied when the options change
 * (`configure()`: new credentials may reach another account).
 */
export class ConnectorMemory {
  readonly #entries = new LruCache<string, { value: unknown; until: number }>(1_000);
  /** Loads under way by key: concurrent callers share one; `clear()` forgets them. */
  readonly #loading = new Map<string, Promise<unknown>>();

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
    this.#loading.delete(key);
  }

  /** Forgets everything. */
  clear(): void {
    this.#entries.clear();
    this.#loading.clear();
  }

  /**
   * The value under `key`, or the one `load` resolves with, remembered for `ttlMs`; callers
   * that ask while it loads share that one load. A failed load is not remembered, nor one that
   * `clear()` or `delete()` overtook (it may have used the options just replaced).
   */
  async remember<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
    const known = this.get<T>(key);
    if (known !== undefined) return known;
    const pending = this.#loading.get(key);
    if (pending) return pending as Promise<T>;
    const loading: Promise<T> = load()
      .then((value) => {
        if (this.#loading.get(key) === loading) this.set(key, value, ttlMs);
        return value;
      })
      .finally(() => {
        if (this.#loading.get(key) === loading) this.#loading.delete(key);
      });
    this.#loading.set(key, loading);
    return loading;
  }
}
