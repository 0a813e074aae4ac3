import type { Envelope } from '../replay/replay-store.js';

/** What one pass of {@link Lanes} needs. */
export interface LanesOptions {
  /** Ordering keys delivered at once. */
  readonly concurrency: number;
  /** Envelopes read per scan; at most about twice this many are held at once. */
  readonly batchSize: number;
  readonly now: () => number;
  /** Whether a new delivery may start. */
  readonly mayDeliver: () => boolean;
  /** Pending envelopes with `seq > after`, in store order. */
  readonly scan: (after: number) => Promise<Envelope[]>;
  /** Delivers one envelope; false when its key must wait (the key is then in `blocked`). */
  readonly deliver: (envelope: Envelope, blocked: Set<string>) => Promise<boolean>;
  /** An envelope that is not due yet falls due at `at`. */
  readonly due: (at: number) => void;
}

/**
 * One delivery pass over a connector's outbox: reads pending envelopes in store order and hands
 * each ordering key to a lane, at most `concurrency` lanes at once, one envelope at a time per
 * key. The pass does not wait for the slowest lane before reading on: a lane that frees up
 * takes the next key, and envelopes stored during the pass (a {@link Lanes.poke}) are read from
 * where the last scan stopped. A key stops at its first envelope that cannot be delivered now
 * and stays blocked for the rest of the pass.
 */
export class Lanes {
  readonly #options: LanesOptions;
  /** Keys that wait for the next pass. */
  readonly #blocked = new Set<string>();
  /** Keys with a lane (running or waiting for one), with their envelopes still to deliver. */
  readonly #keys = new Map<string, Envelope[]>();
  readonly #ready: string[] = [];
  #held = 0;
  #running = 0;
  #after = 0;
  #exhausted = false;
  #poked = false;
  #signal: (() => void) | undefined;
  /** A lane's unexpected failure (the store threw): the pass stops and rethrows it. */
  #failure: { error: unknown } | undefined;

  constructor(options: LanesOptions) {
    this.#options = options;
  }

  /** Something changed: envelopes were stored, or delivery must stop. */
  poke(): void {
    this.#poked = true;
    this.#exhausted = false;
    this.#signal?.();
  }

  /** Runs the pass; resolves when every lane has stopped, rejects if one failed unexpectedly. */
  async run(): Promise<void> {
    const { concurrency, batchSize, mayDeliver } = this.#options;
    while (mayDeliver() && !this.#failure) {
      if (!this.#exhausted && this.#held < batchSize) {
        await this.#read();
        continue;
      }
      while (this.#running < concurrency && this.#ready.length > 0) {
        void this.#lane(this.#ready.shift() as string);
      }
      if (this.#running === 0 && this.#ready.length === 0 && this.#exhausted) break;
      await this.#changed();
    }
    while (this.#running > 0) await this.#changed();
    if (this.#failure) throw this.#failure.error;
  }

  async #read(): Promise<void> {
    this.#poked = false;
    const batch = await this.#options.scan(this.#after);
    if (batch.length === 0) {
      // A poke during the scan means there may be more than it saw.
      if (!this.#poked) this.#exhausted = true;
      return;
    }
    this.#after = (batch.at(-1) as Envelope).seq;
    for (const envelope of batch) this.#take(envelope);
  }

  #take(envelope: Envelope): void {
    const { key } = envelope;
    if (this.#blocked.has(key)) return;
    const queue = this.#keys.get(key);
    if (queue) {
      queue.push(envelope);
      this.#held += 1;
    } else if (envelope.nextAttemptAt > this.#options.now()) {
      this.#blocked.add(key);
      this.#options.due(envelope.nextAttemptAt);
    } else {
      this.#keys.set(key, [envelope]);
      this.#ready.push(key);
      this.#held += 1;
    }
  }

  async #lane(key: string): Promise<void> {
    this.#running += 1;
    const queue = this.#keys.get(key) as Envelope[];
    try {
      for (let envelope = queue.shift(); envelope; envelope = queue.shift()) {
        this.#held -= 1;
        if (!this.#options.mayDeliver() || this.#failure) break;
        if (envelope.nextAttemptAt > this.#options.now()) {
          this.#blocked.add(key);
          this.#options.due(envelope.nextAttemptAt);
          break;
        }
        if (!(await this.#options.deliver(envelope, this.#blocked))) {
          this.#blocked.add(key);
          break;
        }
      }
    } catch (error) {
      this.#failure ??= { error };
    } finally {
      this.#held -= queue.length;
      this.#keys.delete(key);
      this.#running -= 1;
      this.#signal?.();
    }
  }

  /** Waits for a lane to finish or a poke. */
  async #changed(): Promise<void> {
    if (this.#poked) {
      this.#poked = false;
      return;
    }
    await new Promise<void>((resolve) => {
      this.#signal = resolve;
    });
    this.#signal = undefined;
  }
}
