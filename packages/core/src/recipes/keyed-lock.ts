/**
 * Runs work one at a time per key (in call order) and at once across keys: a client sync
 * holds a number's key while it looks the client up, creates it and records a card on it, so
 * two cards with one number never create two clients. In-process: one Hub per outbox.
 */
export class KeyedLock {
  readonly #tails = new Map<string, Promise<unknown>>();

  /** Runs `work` once every earlier work of `key` has settled. */
  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const before = this.#tails.get(key) ?? Promise.resolve();
    const mine = before.then(work, work);
    const tail = mine.catch(() => undefined);
    this.#tails.set(key, tail);
    try {
      return await mine;
    } finally {
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    }
  }
}

const locks = new WeakMap<object, KeyedLock>();

/** The lock of one destination (a CRM connector): shared by every pipeline writing to it. */
export function lockOf(owner: object): KeyedLock {
  let lock = locks.get(owner);
  if (!lock) {
    lock = new KeyedLock();
    locks.set(owner, lock);
  }
  return lock;
}
