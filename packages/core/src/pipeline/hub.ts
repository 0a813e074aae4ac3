import { EventEmitter } from 'eventemitter3';
import { z } from 'zod';
import type { Connector } from '../connector/define-connector.js';
import { ConfigError } from '../errors/config-error.js';
import { ValidationError } from '../errors/validation-error.js';
import { type Logger, resolveLogger } from '../log.js';
import { parseCanonical } from '../model/parse.js';
import { envelopeId } from '../replay/envelope-id.js';
import type { Envelope, NewEnvelope, ReplayStore } from '../replay/replay-store.js';
import { ConnectorLifecycle } from './lifecycle.js';
import { checkConnector, checkPipelineDefinition } from './pipeline-options.js';
import { retentionStart } from './retention.js';
import { SourcePolls } from './source-poller.js';
import type {
  Clock,
  HubEvents,
  HubOptions,
  Pipeline,
  PipelineDefinition,
  PublishResult,
  StopOptions,
} from './types.js';
import { ConnectorWorker } from './worker.js';

/** The longest a pipeline's `notBefore` may hold an event: a week. */
const maxHoldMs = 7 * 86_400_000;

const methods =
  (...names: string[]) =>
  (value: unknown) =>
    typeof value === 'object' &&
    value !== null &&
    names.every((name) => typeof (value as Record<string, unknown>)[name] === 'function');

const optionsSchema = z.strictObject({
  store: z.custom<ReplayStore>(
    methods('append', 'scan', 'settle', 'fail', 'getCursor', 'setCursor'),
    'expected a ReplayStore',
  ),
  logger: z
    .custom<Logger>(methods('debug', 'info', 'warn', 'error'), 'expected a pino-compatible logger')
    .optional(),
  clock: z
    .custom<Clock>(
      (value) => methods('now')(value) && Number.isFinite((value as Clock).now()),
      'expected an object whose now() gives epoch milliseconds',
    )
    .optional(),
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
  retry: z
    .strictObject({
      baseDelayMs: z.number().int().min(1).max(3_600_000).optional(),
      maxDelayMs: z.number().int().min(1).max(86_400_000).optional(),
      maxAttempts: z.number().int().min(1).max(10_000).optional(),
    })
    .refine(
      (retry) => (retry.baseDelayMs ?? 1000) <= (retry.maxDelayMs ?? 300_000),
      'baseDelayMs must not exceed maxDelayMs',
    )
    .optional(),
  windowOnRestart: z.boolean().optional(),
  maxFutureSkewMs: z.number().int().min(0).optional(),
  maxErrorLength: z.number().int().min(80).max(1_000_000).optional(),
});

/**
 * Runs pipelines: stores every accepted event in the outbox before `publish()` resolves, and
 * delivers each connector's envelopes in order with one worker per connector. Create with
 * {@link createHub}.
 *
 * @example
 * ```ts
 * const hub = createHub({ store: new SqliteReplayStore({ path: 'crossline.db' }), timeZone: 'Europe/Kyiv' });
 * hub.on('dropped', ({ envelope, reason }) => log.warn({ id: envelope.id, reason }, 'not delivered'));
 * hub.on('failed', ({ envelope, willRetry }) => willRetry || alert(envelope.id));
 * const calls = hub.register(crm).pipeline(callTrackingPipeline({ connector: crm }));
 * await hub.start();
 * await crm.activate();
 * await calls.publish(call);                  // typed: a Call
 * console.log(await hub.pending());           // { 'acme-crm': 0 }
 * await hub.stop();
 * ```
 */
export class Hub extends EventEmitter<HubEvents> {
  readonly #store: ReplayStore;
  readonly #logger: Logger;
  readonly #clock: Clock;
  readonly #options: HubOptions;
  readonly #connectors = new Map<string, Connector>();
  readonly #pipelines = new Map<string, PipelineDefinition>();
  readonly #workers = new Map<string, ConnectorWorker>();
  readonly #lifecycles = new Map<string, ConnectorLifecycle>();
  #started = false;
  #zoneWarned = false;
  #pruneTimer: NodeJS.Timeout | undefined;
  readonly #sources: SourcePolls;

  /** @internal Use {@link createHub}. */
  constructor(options: HubOptions) {
    super();
    if (typeof options !== 'object' || options === null)
      throw new ConfigError('createHub expects an object of options with at least `store`');
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
    checkConnector(connector);
    if (this.#connectors.has(connector.id))
      throw new ConfigError(`A connector with id ${connector.id} is registered already`);
    this.#connectors.set(connector.id, connector);
    const lifecycle = this.#createLifecycle(connector);
    this.#lifecycles.set(connector.id, lifecycle);
    connector.on('status', (change) => {
      // The transition first: what a status listener publishes is never dropped by it.
      lifecycle.onStatus(change);
      this.#safeEmit('status', [change]);
    });
    connector.on('rate-limited', (event) => this.#safeEmit('rate-limited', [event]));
    connector.on('warning', (warning) => this.#safeEmit('warning', [warning]));
    this.#workers.set(connector.id, this.#createWorker(connector));
    return this;
  }

  /**
   * Adds a pipeline from host events (or a vendor source) to a connector action. Returns its
   * handle: `handle.publish(event)` is type-checked against the pipeline's input schema.
   * @throws {@link ConfigError} for a duplicate id, or a connector, action or source that is
   *   not registered
   */
  pipeline<S extends z.ZodType>(definition: PipelineDefinition<S>): Pipeline<z.input<S>> {
    checkPipelineDefinition(definition);
    if (this.#pipelines.has(definition.id)) {
      throw new ConfigError(`A pipeline with id ${definition.id} exists already`);
    }
    this.#checkEndpoint(definition.id, definition.to.connector, 'action', definition.to.action);
    this.#checkFeed(definition as unknown as PipelineDefinition);
    this.#pipelines.set(definition.id, definition as unknown as PipelineDefinition);
    // Envelopes of this pipeline may be waiting for it (stored by an earlier process).
    this.#wake(definition.to.connector);
    const { id } = definition;
    return { id, publish: (event) => this.publish(id, event), poll: () => this.poll(id) };
  }

  /**
   * Accepts a host event for a pipeline, by id (the handle `hub.pipeline()` returns publishes
   * with the event's type checked). Resolves once the envelope is durably stored; the same event
   * published twice stores one envelope.
   * @throws {@link ValidationError} listing every invalid path, or for an `occurredAt` that is
   *   not a time (NaN) or lies further in the future than `maxFutureSkewMs`; nothing is stored
   */
  async publish(pipelineId: string, event: unknown): Promise<PublishResult> {
    const pipeline = this.#pipelines.get(pipelineId);
    if (!pipeline) throw new ConfigError(`No pipeline ${JSON.stringify(pipelineId)}`);
    if (!pipeline.eventId)
      throw new ConfigError(`Pipeline ${pipelineId} is fed by a source, not publish()`);
    const parsed = parseCanonical(pipeline.input, event, `${pipelineId} event`);
    const eventId = pipeline.eventId(parsed);
    const occurredAt = this.#occurredAt(pipelineId, pipeline.occurredAt?.(parsed));
    const notBefore = pipeline.notBefore?.(parsed);
    const envelope: NewEnvelope = {
      id: envelopeId(pipelineId, eventId),
      pipelineId,
      connectorId: pipeline.to.connector,
      eventId,
      key: pipeline.key?.(parsed) ?? pipelineId,
      occurredAt,
      payload: parsed,
      ...(notBefore === undefined
        ? {}
        : { nextAttemptAt: this.#moment(pipelineId, 'notBefore', notBefore) }),
    };
    const [added] = await this.#store.append([envelope]);
    const connector = this.#connectors.get(envelope.connectorId) as Connector;
    if (added !== undefined && connector.status !== 'active')
      this.emit('buffered', { envelope, status: connector.status });
    this.#wake(connector.id);
    return { envelopeId: envelope.id, duplicate: added === undefined };
  }

  /** When the event happened: a finite epoch ms, not too far ahead of the Hub's clock. */
  #occurredAt(pipelineId: string, value: number | undefined): number {
    if (value === undefined) return this.#clock.now();
    return this.#moment(pipelineId, 'occurredAt', value);
  }

  /**
   * A moment a pipeline gave: a finite epoch ms, not too far ahead of the Hub's clock —
   * `maxFutureSkewMs` for `occurredAt`, a week for `notBefore` (a hold, not a clock's error).
   */
  #moment(pipelineId: string, name: 'occurredAt' | 'notBefore', value: number): number {
    const now = this.#clock.now();
    const fail = (message: string) =>
      new ValidationError(`${pipelineId} event: ${name} ${message}`, {
        issues: [{ path: name, message }],
      });
    if (typeof value !== 'number' || !Number.isFinite(value))
      throw fail(`must be epoch milliseconds, got ${String(value)}`);
    const skew = name === 'notBefore' ? maxHoldMs : (this.#options.maxFutureSkewMs ?? 86_400_000);
    if (value > now + skew)
      throw fail(`is ${Math.round(value - now)} ms ahead of the clock (allowed: ${skew} ms)`);
    return Math.trunc(value);
  }

  /** Starts delivering for every active connector, and pruning old tombstones hourly. */
  async start(): Promise<void> {
    this.#started = true;
    this.#warnAboutTimeZone();
    await this.prune();
    this.#pruneTimer = setInterval(() => void this.prune().catch(() => {}), 3_600_000).unref();
    for (const connectorId of this.#workers.keys()) this.#wake(connectorId);
    this.#sources.start();
  }

  /**
   * Reads a source pipeline once, now: what is new goes into the outbox, then the cursor
   * moves. Polls of one pipeline never overlap. Resolves with how many envelopes were new (0
   * while the source's connector is not active); rejects with a `ConfigError` for a pipeline
   * without a source.
   */
  async poll(pipelineId: string): Promise<number> {
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
    // Tombstones stay for the window of every time zone in play: the earliest start wins.
    const zones = new Set([this.#options.timeZone ?? 'UTC']);
    for (const connector of this.#connectors.values()) zones.add(this.#timeZoneOf(connector));
    const now = this.#clock.now();
    const days = this.#options.retentionDays ?? 3;
    const before = Math.min(...[...zones].map((zone) => retentionStart(now, zone, days)));
    return this.#store.prune(before);
  }

  /**
   * Stops gracefully: no new delivery starts; those in flight may finish for up to
   * `graceMs` (10 s), then are aborted and stay pending. Envelopes stay stored.
   */
  async stop(options: StopOptions = {}): Promise<void> {
    this.#started = false;
    clearInterval(this.#pruneTimer);
    await this.#sources.stop();
    // Workers first: their grace period and abort end the deliveries a transition waits for.
    const graceMs = options.graceMs ?? 10_000;
    await Promise.all([...this.#workers.values()].map((worker) => worker.stop(graceMs)));
    await Promise.all([...this.#lifecycles.values()].map((lifecycle) => lifecycle.settled()));
    for (const [id, connector] of this.#connectors)
      this.#workers.set(id, this.#createWorker(connector));
  }

  /** Resolves when every worker has finished its current pass (what is due is delivered). */
  async idle(): Promise<void> {
    await Promise.all([...this.#lifecycles.values()].map((lifecycle) => lifecycle.settled()));
    await Promise.all([...this.#workers.values()].map((worker) => worker.idle()));
  }

  /**
   * Envelopes waiting to be delivered, per connector. Dead letters are not counted: list them
   * with {@link Hub.deadLetters}.
   */
  pending(): Promise<Record<string, number>> {
    return this.#store.pendingCounts();
  }

  /** Envelopes that failed for good, for the host to inspect. */
  deadLetters(connectorId: string, limit = 100): Promise<Envelope[]> {
    return this.#store.dead(connectorId, limit);
  }

  /** Queues dead envelopes again, due at once; their delivery is a retry, never a replay. */
  async retryDead(ids: readonly string[]): Promise<void> {
    for (const lifecycle of this.#lifecycles.values()) lifecycle.revived(ids);
    await this.#store.revive(ids);
    for (const connectorId of this.#workers.keys()) this.#wake(connectorId);
  }

  #createWorker(connector: Connector): ConnectorWorker {
    const retry = this.#options.retry ?? {};
    const lifecycle = this.#lifecycles.get(connector.id) as ConnectorLifecycle;
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
      maxErrorLength: this.#options.maxErrorLength ?? 2000,
      emit: (event, ...args) => this.#safeEmit(event, args),
      transitioning: () => lifecycle.transitioning,
      isReplay: (envelope) => lifecycle.isReplay(envelope),
      delivered: (envelope) => lifecycle.forget(envelope.id),
    });
  }

  #createLifecycle(connector: Connector): ConnectorLifecycle {
    return new ConnectorLifecycle({
      store: this.#store,
      connector,
      logger: this.#logger,
      now: () => this.#clock.now(),
      windowStart: () =>
        retentionStart(
          this.#clock.now(),
          this.#timeZoneOf(connector),
          this.#options.retentionDays ?? 3,
        ),
      quiet: () => this.#workers.get(connector.id)?.quiet() ?? Promise.resolve(),
      windowOnRestart: this.#options.windowOnRestart ?? false,
      dropped: (envelope, reason) => this.#safeEmit('dropped', [{ envelope, reason }]),
      resumed: () => this.#wake(connector.id),
    });
  }

  /** The connector's account time zone, else the Hub's, else UTC. */
  #timeZoneOf(connector: Connector): string {
    return connector.timeZone ?? this.#options.timeZone ?? 'UTC';
  }

  /** Once per Hub: counting the replay window in UTC is rarely what a host means. */
  #warnAboutTimeZone(): void {
    if (this.#zoneWarned || this.#options.timeZone) return;
    const inUtc = [...this.#connectors.values()].filter((connector) => !connector.timeZone);
    if (inUtc.length === 0) return;
    this.#zoneWarned = true;
    this.#logger.warn(
      { connectors: inUtc.map((connector) => connector.id) },
      'no time zone: the replay window counts calendar days in UTC; set createHub({ timeZone })',
    );
  }

  /** Emits for a worker or a poll: a listener that throws is logged, never allowed to break delivery. */
  #safeEmit(event: string, args: unknown[]): void {
    try {
      (this.emit as (name: string, ...values: unknown[]) => boolean)(event, ...args);
    } catch (error) {
      this.#logger.error({ event, error: String(error) }, 'a hub event listener threw');
    }
  }

  /** Wakes a connector's worker — not while a lifecycle transition is under way. */
  #wake(connectorId: string): void {
    if (this.#started && !this.#lifecycles.get(connectorId)?.transitioning)
      this.#workers.get(connectorId)?.wake();
  }
}

/**
 * Creates the Hub that runs pipelines over a durable outbox. Every option is validated at once:
 * a bad one throws a `ConfigError` naming the field.
 *
 * @example
 * ```ts
 * const hub = createHub({ store: new SqliteReplayStore({ path: 'crossline.db' }), timeZone: 'Europe/Kyiv' });
 * const calls = hub.register(crm).pipeline({
 *   id: 'calls', input: callSchema, eventId: (call) => call.id, key: (call) => call.from,
 *   occurredAt: (call) => Date.parse(call.startedAt), to: { connector: crm.id, action: 'calls.log' },
 * });
 * await hub.start();
 * await crm.activate({ replay: true });
 * await calls.publish(call);
 * ```
 */
export function createHub(options: HubOptions): Hub {
  return new Hub(options);
}
