import { EventEmitter } from 'eventemitter3';
import { z } from 'zod';
import type { Connector, StatusChange } from '../connector/define-connector.js';
import { ConfigError } from '../errors/config-error.js';
import { type Logger, resolveLogger } from '../log.js';
import { parseCanonical } from '../model/parse.js';
import type { Envelope, NewEnvelope, ReplayStore } from '../replay/replay-store.js';
import { applyRetention, retentionStart } from './retention.js';
import { SourcePolls } from './source-poller.js';
import type { Clock, HubEvents, HubOptions, PipelineDefinition, PublishResult } from './types.js';
import { ConnectorWorker } from './worker.js';

const optionsSchema = z.object({
  store: z.custom<ReplayStore>(
    (value) => typeof (value as ReplayStore)?.append === 'function',
    'expected a ReplayStore',
  ),
  timeZone: z
    .string()
    .refine((zone) => {
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    }, 'not an IANA time zone')
    .optional(),
  retentionDays: z.number().int().min(1).max(365).optional(),
  concurrency: z.number().int().min(1).max(64).optional(),
});

/**
 * Runs pipelines: stores every accepted event in the outbox before `publish()` resolves, and
 * delivers each connector's envelopes in order with one worker per connector. Create with
 * {@link createHub}.
 */
export class Hub extends EventEmitter<HubEvents> {
  readonly #store: ReplayStore;
  readonly #logger: Logger;
  readonly #clock: Clock;
  readonly #options: HubOptions;
  readonly #connectors = new Map<string, Connector>();
  readonly #pipelines = new Map<string, PipelineDefinition>();
  readonly #workers = new Map<string, ConnectorWorker>();
  readonly #replayedUpTo = new Map<string, number>();
  readonly #activations = new Map<string, Promise<void>>();
  #started = false;
  #pruneTimer: NodeJS.Timeout | undefined;
  readonly #sources: SourcePolls;

  /** @internal Use {@link createHub}. */
  constructor(options: HubOptions) {
    super();
    const parsed = optionsSchema.safeParse(options);
    if (!parsed.success) throw ConfigError.fromIssues('createHub', parsed.error.issues);
    this.#options = options;
    this.#store = options.store;
    this.#logger = resolveLogger(options.logger, { component: 'crossline:hub' });
    this.#clock = options.clock ?? { now: () => Date.now() };
    this.#sources = new SourcePolls({
      store: this.#store,
      pipelines: this.#pipelines,
      connectors: this.#connectors,
      logger: this.#logger,
      emit: (event, ...args) => this.#safeEmit(event, args),
      stored: (pipeline) => this.#wake(pipeline.to.connector),
    });
  }

  /** Adds a connector; its status changes drive buffering and replay. Ids are unique. */
  register(connector: Connector): this {
    if (this.#connectors.has(connector.id))
      throw new ConfigError(`A connector with id ${connector.id} is registered already`);
    this.#connectors.set(connector.id, connector);
    connector.on('status', (change) => this.#onStatus(connector, change));
    connector.on('rate-limited', (event) => this.emit('rate-limited', event));
    connector.on('warning', (warning) => this.#safeEmit('warning', [warning]));
    this.#workers.set(connector.id, this.#createWorker(connector));
    return this;
  }

  /** Adds a pipeline from host events to a connector action. */
  pipeline<S extends z.ZodType>(definition: PipelineDefinition<S>): this {
    if (this.#pipelines.has(definition.id)) {
      throw new ConfigError(`A pipeline with id ${definition.id} exists already`);
    }
    this.#checkEndpoint(definition.id, definition.to.connector, 'action', definition.to.action);
    this.#checkFeed(definition as unknown as PipelineDefinition);
    this.#pipelines.set(definition.id, definition as unknown as PipelineDefinition);
    return this;
  }

  /**
   * Accepts a host event for a pipeline. Resolves once the envelope is durably stored; the
   * same event published twice stores one envelope.
   * @throws {@link ValidationError} listing every invalid path; nothing is stored
   */
  async publish(pipelineId: string, event: unknown): Promise<PublishResult> {
    const pipeline = this.#pipelines.get(pipelineId);
    if (!pipeline) throw new ConfigError(`No pipeline ${JSON.stringify(pipelineId)}`);
    if (!pipeline.eventId)
      throw new ConfigError(`Pipeline ${pipelineId} is fed by a source, not publish()`);
    const parsed = parseCanonical(pipeline.input, event, `${pipelineId} event`);
    const eventId = pipeline.eventId(parsed);
    // An activation still dropping old envelopes must not drop this new one.
    await this.#activations.get(pipeline.to.connector);
    const envelope: NewEnvelope = {
      id: `${pipelineId}:${eventId}`,
      pipelineId,
      connectorId: pipeline.to.connector,
      eventId,
      key: pipeline.key?.(parsed) ?? pipelineId,
      occurredAt: pipeline.occurredAt?.(parsed) ?? this.#clock.now(),
      payload: parsed,
    };
    const [added] = await this.#store.append([envelope]);
    const connector = this.#connectors.get(envelope.connectorId) as Connector;
    if (added !== undefined && connector.status !== 'active')
      this.emit('buffered', { envelope, status: connector.status });
    this.#wake(connector.id);
    return { envelopeId: envelope.id, duplicate: added === undefined };
  }

  /** Starts delivering for every active connector, and pruning old tombstones hourly. */
  async start(): Promise<void> {
    this.#started = true;
    await this.prune();
    this.#pruneTimer = setInterval(() => void this.prune().catch(() => {}), 3_600_000).unref();
    for (const connectorId of this.#workers.keys()) this.#wake(connectorId);
    this.#sources.start();
  }

  /**
   * Reads a source pipeline once, now: what is new goes into the outbox, then the cursor
   * moves. Polls of one pipeline never overlap. Resolves with how many envelopes were new.
   */
  poll(pipelineId: string): Promise<number> {
    return this.#sources.poll(pipelineId);
  }

  #checkFeed(definition: PipelineDefinition): void {
    if (definition.from) {
      this.#checkEndpoint(
        definition.id,
        definition.from.connector,
        'source',
        definition.from.source,
      );
    } else if (!definition.eventId) {
      throw new ConfigError(`Pipeline ${definition.id} needs \`eventId\` (or \`from\`)`);
    }
  }

  /** A pipeline's end must be a registered connector with that action or source. */
  #checkEndpoint(
    pipelineId: string,
    connectorId: string,
    kind: 'action' | 'source',
    name: string,
  ): void {
    const connector = this.#connectors.get(connectorId);
    if (!connector)
      throw new ConfigError(`Pipeline ${pipelineId}: no connector ${connectorId} is registered`);
    const names = kind === 'action' ? connector.actionNames : connector.sourceNames;
    if (!names.includes(name))
      throw new ConfigError(
        `Pipeline ${pipelineId}: connector ${connectorId} has no ${kind} ${name}`,
      );
  }

  /**
   * Deletes the tombstones of envelopes delivered or dropped before the retention window: until
   * then, the same event published again is recognised as a duplicate.
   */
  async prune(): Promise<number> {
    const before = retentionStart(
      this.#clock.now(),
      this.#options.timeZone ?? 'UTC',
      this.#options.retentionDays ?? 3,
    );
    return this.#store.prune(before);
  }

  /**
   * Stops gracefully: no new delivery starts; those in flight may finish for up to 10 s, then
   * are aborted and stay pending. Envelopes stay stored.
   */
  async stop(): Promise<void> {
    this.#started = false;
    clearInterval(this.#pruneTimer);
    await this.#sources.stop();
    await Promise.all([...this.#activations.values()]);
    await Promise.all([...this.#workers.values()].map((worker) => worker.stop()));
    for (const [id, connector] of this.#connectors)
      this.#workers.set(id, this.#createWorker(connector));
  }

  /** Resolves when every worker has finished its current pass (what is due is delivered). */
  async idle(): Promise<void> {
    await Promise.all([...this.#activations.values()]);
    await Promise.all([...this.#workers.values()].map((worker) => worker.idle()));
  }

  /** Envelopes waiting, per connector. */
  pending(): Promise<Record<string, number>> {
    return this.#store.pendingCounts();
  }

  /** Envelopes that failed for good, for the host to inspect. */
  deadLetters(connectorId: string, limit = 100): Promise<Envelope[]> {
    return this.#store.dead(connectorId, limit);
  }

  /** Queues dead envelopes again, due at once. */
  async retryDead(ids: readonly string[]): Promise<void> {
    await this.#store.revive(ids);
    for (const connectorId of this.#workers.keys()) this.#wake(connectorId);
  }

  #createWorker(connector: Connector): ConnectorWorker {
    const retry = this.#options.retry ?? {};
    return new ConnectorWorker({
      store: this.#store,
      connector,
      pipelines: this.#pipelines,
      clock: this.#clock,
      logger: this.#logger,
      concurrency: this.#options.concurrency ?? 4,
      retry: {
        baseDelayMs: retry.baseDelayMs ?? 1000,
        maxDelayMs: retry.maxDelayMs ?? 300_000,
        maxAttempts: retry.maxAttempts ?? 50,
      },
      emit: (event, ...args) => this.#safeEmit(event, args),
      activating: () => this.#activations.has(connector.id),
      replayedUpTo: () => this.#replayedUpTo.get(connector.id) ?? 0,
    });
  }

  #onStatus(connector: Connector, change: StatusChange): void {
    this.emit('status', change);
    if (change.status !== 'active' || change.previous === 'active') return;
    const activation = this.#reactivate(connector, change.replay ?? true)
      .catch((error: unknown) =>
        this.#logger.error({ connector: connector.id, error: String(error) }, 'activation failed'),
      )
      .finally(() => {
        // Delivery resumes once the drops are done — or after a failed activation, so what
        // was buffered is not left waiting for the next publish.
        this.#activations.delete(connector.id);
        this.#wake(connector.id);
      });
    this.#activations.set(connector.id, activation);
  }

  /** Applies the retention window (or drops everything when replay is off). */
  async #reactivate(connector: Connector, replay: boolean): Promise<void> {
    const timeZone = this.#options.timeZone ?? 'UTC';
    const lastSeq = await applyRetention({
      store: this.#store,
      connectorId: connector.id,
      replay,
      windowStart: retentionStart(this.#clock.now(), timeZone, this.#options.retentionDays ?? 3),
      now: () => this.#clock.now(),
      logger: this.#logger,
      dropped: (envelope, reason) => this.emit('dropped', { envelope, reason }),
    });
    if (replay) this.#replayedUpTo.set(connector.id, lastSeq);
  }

  /** Emits for a worker or a poll: a listener that throws is logged, never allowed to break delivery. */
  #safeEmit(event: string, args: unknown[]): void {
    try {
      (this.emit as (name: string, ...values: unknown[]) => boolean)(event, ...args);
    } catch (error) {
      this.#logger.error({ event, error: String(error) }, 'a hub event listener threw');
    }
  }

  /** Wakes a connector's worker — not while its activation is still dropping old envelopes. */
  #wake(connectorId: string): void {
    if (this.#started && !this.#activations.has(connectorId))
      this.#workers.get(connectorId)?.wake();
  }
}

/**
 * Creates the Hub that runs pipelines over a durable outbox.
 *
 * @example
 * ```ts
 * const hub = createHub({ store: new SqliteReplayStore({ path: 'crossline.db' }), timeZone: 'Europe/Kyiv' });
 * hub.register(crm).pipeline({
 *   id: 'calls', input: callSchema, eventId: (call) => call.id, key: (call) => call.from,
 *   occurredAt: (call) => Date.parse(call.startedAt), to: { connector: crm.id, action: 'calls.log' },
 * });
 * await hub.start();
 * await crm.activate({ replay: true });
 * await hub.publish('calls', call);
 * ```
 */
export function createHub(options: HubOptions): Hub {
  return new Hub(options);
}
