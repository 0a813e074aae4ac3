import type { Envelope } from '../replay/replay-store.js';

/**
 * What delivering one envelope came to: `'next'` (delivered, or given up as dead) lets the key
 * go on; `{ until }` makes the key wait — until that moment (a backoff), or, with `undefined`,
 * until the next pass (the connector broke, the pipeline is missing).
 */
export type DeliveryOutcome = 'next' | { readonly until: number | undefined };

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
  /** Delivers one envelope. */
  readonly deliver: (envelope: Envelope) => Promise<DeliveryOutcome>;
  /** A key waits until `at`: the worker sleeps until then when the pass ends first. */
  readonly due: (at: number) => void;
}

/** A key that waits, and the first envelope it waits with. */
interface Blocked {
  readonly until: number | undefined;
  readonly seq: number;
}

/**
 * One delivery pass over a connector's outbox: reads pending envelopes in store order and hands
 * each ordering key to a lane, at most `concurrency` lanes at once, one envelope at a time per
 * key. Nothing waits for the slowest lane: a lane that frees up takes the next key; envelopes
 * stored during the pass (a {@link Lanes.poke}) are read from where the last scan stopped; a
 * key that waits for a backoff is read again once it falls due; no key holds more than its
 * share of the envelopes held, so a hung key with a long backlog cannot starve the others.
 * A key stops at its first envelope that cannot be delivered now.
 */
export class Lanes {
  readonly #options: LanesOptions;
  /** The most envelopes one key holds; the rest of its backlog is read once it drains. */
  readonly #perKey: number;
  readonly #blocked = new Map<string, Blocked>();
  /** Keys with a lane (running or waiting for one), with their envelopes still to deliver. */
  readonly #keys = new Map<string, Envelope[]>();
  /** The last seq handed to each key in this pass: a re-read never hands an envelope twice. */
  readonly #taken = new Map<string, number>();
  /** Keys that had more than their share: read again from here once they drain. */
  readonly #truncated = new Map<string, number>();
  readonly #ready: string[] = [];
  #held = 0;
  #running = 0;
  #after = 0;
  #exhausted = false;
  /** Where to read again from, once the current read is done (a key drained or fell due). */
  #rewound: number | undefined;
  #poked = false;
  #signal: (() => void) | undefined;
  #timer: NodeJS.Timeout | undefined;
  /** The earliest moment a waiting key falls due (what the timer is set for). */
  #earliest = Number.POSITIVE_INFINITY;
  /** A lane's unexpected failure (the store threw): the pass stops and rethrows it. */
  #failure: { error: unknown } | undefined;

  constructor(options: LanesOptions) {
    this.#options = options;
    this.#perKey = Math.max(1, Math.floor(options.batchSize / (options.concurrency + 1)));
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
    try {
      while (mayDeliver() && !this.#failure) {
        this.#release();
        if (this.#rewound !== undefined) {
          this.#after = Math.min(this.#after, this.#rewound);
          this.#rewound = undefined;
        }
        if (!this.#exhausted && this.#held < batchSize) {
          await this.#read();
          continue;
        }
        while (this.#running < concurrency && this.#ready.length > 0) {
          void this.#lane(this.#ready.shift() as string);
        }
        const idle = this.#running === 0 && this.#ready.length === 0;
        if (idle && this.#exhausted && this.#rewound === undefined) break;
        await this.#changed();
      }
      while (this.#running > 0) await this.#changed();
    } finally {
      clearTimeout(this.#timer);
    }
    for (const { until } of this.#blocked.values())
      if (until !== undefined) this.#options.due(until);
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
    const { key, seq } = envelope;
    if (this.#blocked.has(key) || seq <= (this.#taken.get(key) ?? 0)) return;
    if (this.#truncated.has(key)) return;
    const queue = this.#keys.get(key);
    if (queue && queue.length >= this.#perKey) {
      this.#truncated.set(key, seq);
      return;
    }
    if (!queue && envelope.nextAttemptAt > this.#options.now()) {
      this.#block(key, { until: envelope.nextAttemptAt, seq });
      return;
    }
    if (queue) queue.push(envelope);
    else {
      this.#keys.set(key, [envelope]);
      this.#ready.push(key);
    }
    this.#taken.set(key, seq);
    this.#held += 1;
  }

  async #lane(key: string): Promise<void> {
    this.#running += 1;
    const queue = this.#keys.get(key) as Envelope[];
    try {
      for (let envelope = queue.shift(); envelope; envelope = queue.shift()) {
        this.#held -= 1;
        if (!this.#options.mayDeliver() || this.#failure) break;
        const outcome =
          envelope.nextAttemptAt > this.#options.now()
            ? { until: envelope.nextAttemptAt }
            : await this.#options.deliver(envelope);
        if (outcome !== 'next') {
          this.#block(key, { until: outcome.until, seq: envelope.seq });
          break;
        }
      }
    } catch (error) {
      this.#failure ??= { error };
    } finally {
      this.#held -= queue.length;
      this.#keys.delete(key);
      this.#running -= 1;
      const resume = this.#truncated.get(key);
      if (resume !== undefined) {
        // It had more than its share: read on from its first envelope left behind.
        this.#truncated.delete(key);
        if (!this.#blocked.has(key)) this.#rewind(resume);
      }
      this.#signal?.();
    }
  }

  #block(key: string, blocked: Blocked): void {
    this.#blocked.set(key, blocked);
    if (blocked.until !== undefined && blocked.until < this.#earliest) this.#wakeAt(blocked.until);
  }

  /**
   * Keys whose backoff has passed go on: read them again from their first waiting envelope.
   * Looks at the waiting keys only once the earliest has fallen due (it runs every turn).
   */
  #release(): void {
    const now = this.#options.now();
    if (this.#earliest > now) return;
    let next = Number.POSITIVE_INFINITY;
    for (const [key, { until, seq }] of this.#blocked) {
      if (until === undefined) continue;
      if (until > now || this.#keys.has(key)) {
        next = Math.min(next, until);
        continue;
      }
      this.#blocked.delete(key);
      this.#taken.delete(key);
      this.#rewind(seq);
    }
    clearTimeout(this.#timer);
    this.#earliest = Number.POSITIVE_INFINITY;
    if (next !== Number.POSITIVE_INFINITY) this.#wakeAt(next);
  }

  #rewind(seq: number): void {
    this.#rewound = Math.min(this.#rewound ?? Number.POSITIVE_INFINITY, seq - 1);
    this.#exhausted = false;
  }

  /** Wakes the pass when `at`, now the earliest waiting key, falls due. */
  #wakeAt(at: number): void {
    clearTimeout(this.#timer);
    this.#earliest = at;
    const wait = Math.max(1, at - this.#options.now());
    this.#timer = setTimeout(
      () => {
        // A timer may fire a little before the clock reaches `at` (Node counts from the loop's
        // cached time): wait out the rest, or the key would wait for some other change.
        if (this.#options.now() < at) this.#wakeAt(at);
        else this.poke();
      },
      Math.min(wait, 2_147_483_647),
    );
  }

  /** Waits for a lane to finish, a poke, or a waiting key to fall due. */
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
