/**
 * A bounded cache that keeps recently used entries, in two generations: new entries go to the
 * young generation; when it is full it becomes the old one and the previous old one is
 * dropped; a hit in the old generation moves the entry back to the young one. Hits cost one
 * `Map.get` — no reordering — and memory stays below two generations.
 */
export class LruCache<K, V> {
  #young = new Map<K, V>();
  #old = new Map<K, V>();
  readonly #generation: number;

  /** @param capacity - entries per generation; at most twice this many are kept */
  constructor(capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`LruCache capacity must be a positive integer, got ${capacity}`);
    }
    this.#generation = capacity;
  }

  /** The value for `key`, or `undefined` when absent. */
  get(key: K): V | undefined {
    const value = this.#young.get(key);
    if (value !== undefined) return value;
    const old = this.#old.get(key);
    if (old !== undefined) this.set(key, old);
    return old;
  }

  /** Stores `value` under `key`; the oldest generation goes when the young one is full. */
  set(key: K, value: V): void {
    this.#young.set(key, value);
    if (this.#young.size >= this.#generation) {
      this.#old = this.#young;
      this.#young = new Map();
    }
  }

  /** How many entries are cached (an entry promoted from the old generation counts twice). */
  get size(): number {
    return this.#young.size + this.#old.size;
  }

  /** Removes every entry. */
  clear(): void {
    this.#young.clear();
    this.#old.clear();
  }
}
