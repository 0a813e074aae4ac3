import type { Connector } from '../connector/define-connector.js';
import { AuthError } from '../errors/auth-error.js';
import { CrosslineError } from '../errors/crossline-error.js';
import { PermissionError } from '../errors/permission-error.js';
import { RateLimitError } from '../errors/rate-limit-error.js';
import type { Logger } from '../log.js';
import type { Envelope, ReplayStore } from '../replay/replay-store.js';
import { fullJitterDelay } from '../util/backoff.js';
import { type DeliveryOutcome, Lanes } from './lanes.js';
import { stepState } from './step-state.js';
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
  /** The longest failure message kept with an envelope; longer ones are cut. */
  readonly maxErrorLength: number;
  readonly emit: <K extends keyof HubEvents>(event: K, ...args: Parameters<HubEvents[K]>) => void;
  /** Whether a delivery of this envelope counts as a replay (buffered before a re-activation). */
  readonly isReplay: (envelope: Envelope) => boolean;
  /** The vendor has it (the lifecycle forgets its bookkeeping). */
  readonly delivered: (envelope: Envelope) => void;
  /** True while a lifecycle transition (activation, retention) is under way. */
  readonly transitioning: () => boolean;
}

const batchSize = 200;

/**
 * Delivers one connector's envelopes: passes over the outbox in store order, in batches (so
 * memory stays flat however long the backlog), several ordering keys at once, one envelope
 * at a time per key. A key whose envelope failed transiently waits — later envelopes of the
 * same key are not sent ahead of it — while other keys go on. A request that hangs holds its
 * own key only: free lanes keep taking other keys, and envelopes published meanwhile are read
 * without waiting for the hung one.
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
  /** The pass under way, told of new envelopes. */
  #lanes: Lanes | undefined;
  #inFlight = 0;
  readonly #state;
  #whenQuiet: (() => void)[] = [];

  constructor(context: WorkerContext) {
    this.#context = context;
    this.#state = stepState(context.store);
  }

  /** Starts a pass now (or tells the current one that there is more to read). */
  wake(): void {
    if (this.#stopped) return;
    clearTimeout(this.#timer);
    if (this.#running) {
      this.#again = true;
      this.#lanes?.poke();
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

  /** Resolves when no delivery is in flight (none starts while the Hub is transitioning). */
  quiet(): Promise<void> {
    if (this.#inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.#whenQuiet.push(resolve));
  }

  /**
   * Stops: no new delivery starts; those in flight may finish for `graceMs`, then their
   * requests are aborted (an aborted delivery stays pending and is sent again later).
   */
  async stop(graceMs = 10_000): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    this.#lanes?.poke();
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
    const { store, connector, clock } = this.#context;
    this.#nextDue = undefined;
    const lanes = new Lanes({
      concurrency: this.#context.concurrency,
      batchSize,
      now: () => clock.now(),
      mayDeliver: () => this.#mayDeliver(),
      scan: (after) => store.scan(connector.id, after, batchSize),
      deliver: (envelope) => this.#tracked(envelope),
      due: (at) => this.#noteDue(at),
    });
    this.#lanes = lanes;
    try {
      await lanes.run();
    } finally {
      this.#lanes = undefined;
    }
    return this.#nextDue;
  }

  /** Active, not stopping, and no lifecycle transition under way. */
  #mayDeliver(): boolean {
    return (
      this.#context.connector.status === 'active' &&
      !this.#stopped &&
      !this.#context.transitioning()
    );
  }

  #noteDue(at: number): void {
    this.#nextDue = Math.min(this.#nextDue ?? Number.POSITIVE_INFINITY, at);
  }

  async #tracked(envelope: Envelope): Promise<DeliveryOutcome> {
    this.#inFlight += 1;
    try {
      return await this.#deliver(envelope);
    } finally {
      this.#inFlight -= 1;
      if (this.#inFlight === 0) for (const resolve of this.#whenQuiet.splice(0)) resolve();
    }
  }

  /** Delivers one envelope; says whether its key goes on or waits. */
  async #deliver(envelope: Envelope): Promise<DeliveryOutcome> {
    const { connector, store, emit } = this.#context;
    const pipeline = this.#context.pipelines.get(envelope.pipelineId);
    if (!pipeline) {
      // Registered later, or renamed: hold the key back rather than give its backlog up.
      this.#context.logger.warn(
        { envelopeId: envelope.id, pipelineId: envelope.pipelineId },
        'no such pipeline: envelope waits',
      );
      return { until: undefined };
    }
    const base = {
      envelopeId: envelope.id,
      occurredAt: envelope.occurredAt,
      signal: this.#controller.signal,
    };
    let result: unknown;
    // A step's rejection counts only if the steps then end the delivery (return `undefined`).
    let rejection: { error: unknown } | undefined;
    try {
      let value: unknown = envelope.payload;
      for (const step of pipeline.steps ?? []) {
        rejection = undefined;
        // Only while this step runs: a late call (an un-awaited callback) changes nothing.
        let running = true;
        try {
          value = await step(value, {
            connector,
            envelope,
            perform: (action, input) => connector.perform(action, input, base),
            warn: (message, details = {}) =>
              connector.warn({
                envelopeId: envelope.id,
                action: 'pipeline step',
                message,
                details,
              }),
            reject: (error) => {
              if (running) rejection = { error };
            },
            state: this.#state,
          });
        } finally {
          running = false;
        }
        if (value === undefined) break;
      }
      if (value !== undefined) rejection = undefined;
      result =
        value === undefined ? undefined : await connector.perform(pipeline.to.action, value, base);
    } catch (error) {
      return this.#failed(envelope, error);
    }
    // The vendor has it: from here on nothing may turn it back into a failure.
    const settled = await store.settle([envelope.id], 'delivered', this.#context.clock.now());
    if (settled.length === 0) {
      // Settled meanwhile (a guard: transitions wait for deliveries in flight): never report an
      // envelope twice, or as both delivered and dropped.
      this.#context.logger.warn(
        { envelopeId: envelope.id },
        'delivered envelope was settled already',
      );
      return 'next';
    }
    const replayed = this.#context.isReplay(envelope);
    this.#context.delivered(envelope);
    const rejected = rejection as { error: unknown } | undefined; // set by the steps' reject()
    if (rejected) {
      // Done with, nothing sent: reported as rejected, not delivered.
      const { pipelineId, eventId } = envelope;
      emit('rejected', { pipelineId, eventId, error: rejected.error, envelope, replayed });
      return 'next';
    }
    emit('delivered', { envelope, result, replayed });
    if (replayed) emit('replayed', { envelope });
    return 'next';
  }

  async #failed(envelope: Envelope, error: unknown): Promise<DeliveryOutcome> {
    const { store, emit, retry, clock, logger, connector } = this.#context;
    const rejected = AuthError.isInstance(error) || PermissionError.isInstance(error);
    if (rejected && connector.status !== 'active') {
      // The connector is broken (or stopped) now; the envelope waits, untouched, for activation.
      return { until: undefined };
    }
    // A rejection that did not break the connector came back for credentials replaced while it
    // was in flight: an ordinary transient failure, tried again with the current ones.
    const attempts = envelope.attempts + 1;
    const lastError = this.#describe(error);
    const retryable = rejected || !CrosslineError.isInstance(error) || error.retryable;
    if (!retryable || attempts >= retry.maxAttempts) {
      await store.fail(envelope.id, { attempts, lastError, dead: true });
      logger.warn(
        { envelopeId: envelope.id, attempts, error: lastError },
        'delivery failed for good: kept as dead',
      );
      emit('failed', { envelope, error, willRetry: false });
      return 'next'; // a dead envelope does not hold its key back
    }
    const nextAttemptAt = clock.now() + this.#backoff(envelope, attempts, error);
    await store.fail(envelope.id, { attempts, lastError, nextAttemptAt });
    this.#noteDue(nextAttemptAt);
    logger.debug(
      { envelopeId: envelope.id, attempts, nextAttemptAt },
      'delivery failed: will retry',
    );
    emit('failed', { envelope, error, willRetry: true, nextAttemptAt });
    return { until: nextAttemptAt };
  }

  /**
   * The outbox's backoff; a vendor's `Retry-After` longer than the HTTP client would wait is
   * honoured up to the outbox's longest backoff, and reported with a `deferred` event.
   */
  #backoff(envelope: Envelope, attempts: number, error: unknown): number {
    const { retry, emit } = this.#context;
    const delayMs = Math.max(1, fullJitterDelay(attempts, retry.baseDelayMs, retry.maxDelayMs));
    if (!RateLimitError.isInstance(error) || error.retryAfterMs === undefined) return delayMs;
    const waitMs = Math.max(delayMs, Math.min(error.retryAfterMs, retry.maxDelayMs));
    emit('deferred', {
      envelope,
      requestedMs: error.retryAfterMs,
      nextAttemptAt: this.#context.clock.now() + waitMs,
    });
    return waitMs;
  }

  #describe(error: unknown): string {
    const message = error instanceof Error ? error.message : String(error);
    const max = this.#context.maxErrorLength;
    return message.length <= max
      ? message
      : `${message.slice(0, max)}… (${message.length} characters)`;
  }
}
