import type { Connector } from '../connector/define-connector.js';
import { AuthError } from '../errors/auth-error.js';
import { CrosslineError } from '../errors/crossline-error.js';
import { PermissionError } from '../errors/permission-error.js';
import type { Logger } from '../log.js';
import type { Envelope, ReplayStore } from '../replay/replay-store.js';
import { fullJitterDelay } from '../util/backoff.js';
import type { Clock, HubEvents, PipelineDefinition } from './types.js';

/** What a worker needs from its Hub. */
export interface WorkerContext {
  readonly store: ReplayStore;
  readonly connector: Connector;
  readonly pipelines: ReadonlyMap<string, PipelineDefinition>;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly concurrency: number;
  readonly retry: { baseDelayMs: number; maxDelayMs: number; maxAttempts: number };
  readonly emit: <K extends keyof HubEvents>(event: K, ...args: Parameters<HubEvents[K]>) => void;
  /** Envelopes with a seq up to this were buffered before the last activation with replay. */
  readonly replayedUpTo: () => number;
  /** True while an activation is still dropping envelopes outside the retention window. */
  readonly activating: () => boolean;
}

const batchSize = 200;

/**
 * Delivers one connector's envelopes: passes over the outbox in store order, in batches (so
 * memory stays flat however long the backlog), several ordering keys at once, one envelope
 * at a time per key. A key whose envelope failed transiently waits — later envelopes of the
 * same key are not sent ahead of it — while other keys go on.
 */
export class ConnectorWorker {
  readonly #context: WorkerContext;
  #running: Promise<void> | undefined;
  #again = false;
  #timer: NodeJS.Timeout | undefined;
  #controller = new AbortController();
  #stopped = false;
  /** The earliest moment a waiting envelope of the current pass falls due. */
  #nextDue: number | undefined;

  constructor(context: WorkerContext) {
    this.#context = context;
  }

  /** Starts a pass now (or right after the current one). */
  wake(): void {
    if (this.#stopped) return;
    clearTimeout(this.#timer);
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = this.#loop()
      .catch((error: unknown) => {
        // A store failure mid-pass: nothing was lost (envelopes stay pending); try again later.
        this.#context.logger.error(
          { connector: this.#context.connector.id, error: String(error) },
          'delivery pass failed',
        );
        this.#sleepUntil(this.#context.clock.now() + this.#context.retry.baseDelayMs);
      })
      .finally(() => {
        this.#running = undefined;
        // A wake that came after the last pass checked `#again` must not be lost.
        if (this.#again) {
          this.#again = false;
          this.wake();
        }
      });
  }

  /** Resolves when the current pass, and any it asked for, has finished. */
  async idle(): Promise<void> {
    while (this.#running) await this.#running;
  }

  /**
   * Stops: no new delivery starts; those in flight may finish for `graceMs`, then their
   * requests are aborted (an aborted delivery stays pending and is sent again later).
   */
  async stop(graceMs = 10_000): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    let grace: NodeJS.Timeout | undefined;
    await Promise.race([
      this.idle(),
      new Promise((resolve) => (grace = setTimeout(resolve, graceMs))),
    ]);
    clearTimeout(grace);
    this.#controller.abort(new Error('crossline hub stopping'));
    await this.idle();
  }

  async #loop(): Promise<void> {
    do {
      this.#again = false;
      const nextDue = await this.#pass();
      if (!this.#again && nextDue !== undefined && !this.#stopped) this.#sleepUntil(nextDue);
    } while (this.#again && !this.#stopped);
  }

  #sleepUntil(at: number): void {
    const wait = Math.max(0, at - this.#context.clock.now());
    this.#timer = setTimeout(() => this.wake(), Math.min(wait, 2_147_483_647));
  }

  /** One pass over the outbox; returns when the earliest waiting envelope falls due. */
  async #pass(): Promise<number | undefined> {
    const { store, connector } = this.#context;
    const blocked = new Set<string>();
    this.#nextDue = undefined;
    let after = 0;
    while (this.#mayDeliver()) {
      const batch = await store.scan(connector.id, after, batchSize);
      if (batch.length === 0) break;
      after = (batch.at(-1) as Envelope).seq;
      await this.#deliverBatch(this.#groupByKey(batch, blocked), blocked);
    }
    return this.#nextDue;
  }

  /** The batch's deliverable envelopes by ordering key, each key's in store order. */
  #groupByKey(batch: readonly Envelope[], blocked: Set<string>): Map<string, Envelope[]> {
    const groups = new Map<string, Envelope[]>();
    for (const envelope of batch) {
      if (blocked.has(envelope.key)) continue;
      if (envelope.nextAttemptAt > this.#context.clock.now()) {
        blocked.add(envelope.key);
        this.#noteDue(envelope.nextAttemptAt);
        continue;
      }
      const group = groups.get(envelope.key);
      if (group) group.push(envelope);
      else groups.set(envelope.key, [envelope]);
    }
    return groups;
  }

  /**
   * `concurrency` lanes take keys in turn and deliver each key's envelopes one after another;
   * a key stops at its first envelope that cannot be delivered now, and stays blocked.
   */
  async #deliverBatch(groups: Map<string, Envelope[]>, blocked: Set<string>): Promise<void> {
    const keys = [...groups.keys()];
    let next = 0;
    const lane = async () => {
      while (next < keys.length) {
        const key = keys[next] as string;
        next += 1;
        for (const envelope of groups.get(key) ?? []) {
          if (!this.#mayDeliver() || !(await this.#deliver(envelope, blocked))) {
            blocked.add(key);
            break;
          }
        }
      }
    };
    const lanes = Math.min(this.#context.concurrency, keys.length);
    await Promise.all(Array.from({ length: lanes }, lane));
  }

  /** Active, not stopping, and not in the middle of an activation's retention pass. */
  #mayDeliver(): boolean {
    return (
      this.#context.connector.status === 'active' && !this.#stopped && !this.#context.activating()
    );
  }

  #noteDue(at: number): void {
    this.#nextDue = Math.min(this.#nextDue ?? Number.POSITIVE_INFINITY, at);
  }

  /** Delivers one envelope; false when its key must wait. */
  async #deliver(envelope: Envelope, blocked: Set<string>): Promise<boolean> {
    const { connector, store, emit } = this.#context;
    const pipeline = this.#context.pipelines.get(envelope.pipelineId);
    if (!pipeline) {
      // Registered later, or renamed: hold the key back rather than give its backlog up.
      this.#context.logger.warn(
        { envelopeId: envelope.id, pipelineId: envelope.pipelineId },
        'no such pipeline: envelope waits',
      );
      blocked.add(envelope.key);
      return false;
    }
    const base = {
      envelopeId: envelope.id,
      occurredAt: envelope.occurredAt,
      signal: this.#controller.signal,
    };
    let result: unknown;
    try {
      let value: unknown = envelope.payload;
      for (const step of pipeline.steps ?? []) {
        value = await step(value, {
          connector,
          envelope,
          perform: (action, input) => connector.perform(action, input, base),
          warn: (message, details = {}) =>
            connector.warn({ envelopeId: envelope.id, action: 'pipeline step', message, details }),
        });
        if (value === undefined) break;
      }
      result =
        value === undefined ? undefined : await connector.perform(pipeline.to.action, value, base);
    } catch (error) {
      return this.#failed(envelope, error, blocked);
    }
    // The vendor has it: from here on nothing may turn it back into a failure.
    await store.settle([envelope.id], 'delivered', this.#context.clock.now());
    const replayed = envelope.seq <= this.#context.replayedUpTo();
    emit('delivered', { envelope, result, replayed });
    if (replayed) emit('replayed', { envelope });
    return true;
  }

  async #failed(envelope: Envelope, error: unknown, blocked: Set<string>): Promise<boolean> {
    const { store, emit, retry, clock, logger } = this.#context;
    if (AuthError.isInstance(error) || PermissionError.isInstance(error)) {
      // The connector is broken now; the envelope waits, untouched, for re-activation.
      blocked.add(envelope.key);
      return false;
    }
    const attempts = envelope.attempts + 1;
    const lastError = error instanceof Error ? error.message : String(error);
    const retryable = !CrosslineError.isInstance(error) || error.retryable;
    if (!retryable || attempts >= retry.maxAttempts) {
      await store.fail(envelope.id, { attempts, lastError, dead: true });
      logger.warn(
        { envelopeId: envelope.id, attempts, error: lastError },
        'delivery failed for good: kept as dead',
      );
      emit('failed', { envelope, error, willRetry: false });
      return true; // a dead envelope does not hold its key back
    }
    const delayMs = fullJitterDelay(attempts, retry.baseDelayMs, retry.maxDelayMs);
    const nextAttemptAt = clock.now() + Math.max(1, delayMs);
    await store.fail(envelope.id, { attempts, lastError, nextAttemptAt });
    blocked.add(envelope.key);
    this.#noteDue(nextAttemptAt);
    logger.debug(
      { envelopeId: envelope.id, attempts, nextAttemptAt },
      'delivery failed: will retry',
    );
    emit('failed', { envelope, error, willRetry: true, nextAttemptAt });
    return false;
  }
}
