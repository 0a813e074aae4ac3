import type { z } from 'zod';
import type { Connector, StatusChange } from '../connector/define-connector.js';
import type {
  ActionInput,
  ActionMap,
  ActionOutput,
  ConnectorStatus,
  ConnectorWarning,
} from '../connector/types.js';
import type { Logger } from '../log.js';
import type { Envelope, NewEnvelope, ReplayStore } from '../replay/replay-store.js';

/** A clock, injectable for tests of the retention window. */
export interface Clock {
  /** Epoch ms. */
  now(): number;
}

/** How the Hub retries a delivery that failed transiently. */
export interface DeliveryRetryOptions {
  /** First backoff in ms; doubles per attempt (full jitter). @defaultValue 1000 */
  baseDelayMs?: number | undefined;
  /** The longest backoff in ms. @defaultValue 300000 */
  maxDelayMs?: number | undefined;
  /** After this many failed attempts an envelope is kept as dead. @defaultValue 50 */
  maxAttempts?: number | undefined;
}

/** Options of {@link createHub}. */
export interface HubOptions {
  /** The outbox. */
  store: ReplayStore;
  /** A pino-compatible logger. Silent when omitted. */
  logger?: Logger | undefined;
  /** The clock for retention decisions and backoff. @defaultValue Date */
  clock?: Clock | undefined;
  /**
   * The time zone of the retention window's calendar days, for connectors that do not know
   * their account's own (a connector's `timeZone` option wins). The Hub warns once at start
   * when a connector has neither. @defaultValue 'UTC'
   */
  timeZone?: string | undefined;
  /** Calendar days kept for replay, today included. @defaultValue 3 */
  retentionDays?: number | undefined;
  /** Deliveries in flight per connector (different ordering keys only). @defaultValue 4 */
  concurrency?: number | undefined;
  /** Retries of transient delivery failures. */
  retry?: DeliveryRetryOptions | undefined;
  /**
   * Apply the retention window on a process's first activation of a connector that was
   * healthy (active) when the host stopped. By default a restarted host delivers such a
   * connector's whole backlog, whatever its age: the 3-day rule is for an integration that
   * broke or was deactivated and is activated again. @defaultValue false
   */
  windowOnRestart?: boolean | undefined;
  /**
   * How far ahead of the Hub's clock an event's `occurredAt` may be (clock skew between the
   * host's event source and the Hub); `publish()` refuses a later one with a ValidationError.
   * @defaultValue 86400000 (one day)
   */
  maxFutureSkewMs?: number | undefined;
  /** The longest failure message kept with an envelope; longer ones are cut. @defaultValue 2000 */
  maxErrorLength?: number | undefined;
}

/** What a pipeline step is given besides the value; typed by the destination's actions. */
export interface StepContext<Actions extends ActionMap = ActionMap> {
  /** The destination connector: a step may call its other actions (look-ups). */
  readonly connector: Connector;
  /** The envelope being delivered. */
  readonly envelope: Envelope;
  /** Runs another action of the destination connector with the same envelope context. */
  perform<Name extends keyof Actions & string>(
    action: Name,
    input: ActionInput<Actions[Name]>,
  ): Promise<ActionOutput<Actions[Name]>>;
  /**
   * Reports something the host should look at that is not a failure (a `warning` event and a
   * log line), e.g. a step that could not run while the delivery goes on.
   */
  warn(message: string, details?: Readonly<Record<string, unknown>>): void;
  /**
   * Reports the event as rejected — well formed, but its data is unusable (e.g. a phone that is
   * not one). The step then ends the delivery (returns `undefined`): nothing is sent, the
   * envelope is done with, and the Hub emits `rejected` with `error` instead of `delivered`. A
   * step that throws or returns a value after `reject()` is not rejected.
   */
  reject(error: unknown): void;
  /**
   * A small durable key-value store kept in the outbox's store (its cursor table, under a
   * reserved prefix): what a step must remember across deliveries, crashes and restarts, e.g.
   * which helpdesk ticket a conversation became. Shared by every pipeline of the Hub: prefix
   * keys with the recipe's id.
   */
  readonly state: StepState;
}

/**
 * The durable key-value store of {@link StepContext.state}: string keys and values, written
 * through to the outbox's store before `set` resolves.
 */
export interface StepState {
  /** The value stored under `key`, or `undefined`. */
  get(key: string): Promise<string | undefined>;
  /** Stores `value` under `key` (durably, before resolving). */
  set(key: string, value: string): Promise<void>;
}

/**
 * A step between the event and the action: map (return a new value), filter (return
 * `undefined` to deliver nothing), enrich or look up (await the connector). Steps run at
 * delivery time, so a look-up sees the vendor as it is then.
 */
export type PipelineStep<Actions extends ActionMap = ActionMap> = (
  value: unknown,
  context: StepContext<Actions>,
) => unknown;

/** A pipeline from host events to one connector action. */
export interface PipelineDefinition<Schema extends z.ZodType = z.ZodType> {
  /** Unique within the Hub; part of every envelope id. */
  id: string;
  /** The host event's schema: `publish()` validates with it and stores nothing on failure. */
  input: Schema;
  /**
   * The host's id of the event (with the pipeline id it makes the envelope id). Required for
   * pipelines fed by `publish()`; a source pipeline uses the vendor's id of each item.
   */
  eventId?: ((event: z.output<Schema>) => string) | undefined;
  /** The ordering key: events with the same key are delivered in order. @defaultValue one key */
  key?: ((event: z.output<Schema>) => string) | undefined;
  /** When the event happened, epoch ms: decides retention. @defaultValue publish time */
  occurredAt?: ((event: z.output<Schema>) => number) | undefined;
  /**
   * The earliest moment a published event may be delivered, epoch ms (`undefined`: at once):
   * its key waits until then — e.g. a follow-up that must read the vendor only after a burst is
   * over. At most a week ahead of the clock. Not applied to a source pipeline's items.
   */
  notBefore?: ((event: z.output<Schema>) => number | undefined) | undefined;
  /** Steps run at delivery, in order, before the action. */
  // biome-ignore lint/suspicious/noExplicitAny: steps typed by any connector's actions are accepted.
  steps?: readonly PipelineStep<any>[] | undefined;
  /**
   * Feeds the pipeline from a vendor source instead of `publish()`: the Hub reads it every
   * `intervalMs` from the saved cursor, appends what it read to the outbox, and only then saves
   * the new cursor — a crash in between re-reads, and the envelope ids make it a no-op.
   */
  from?: SourceRef | undefined;
  /** The destination. */
  to: {
    /** The destination connector's id. */
    connector: string;
    /** The action to run, e.g. `calls.log`. */
    action: string;
  };
}

/** Where a source pipeline reads from. */
export interface SourceRef {
  /** The source connector's id. */
  connector: string;
  /** The source's name on that connector. */
  source: string;
  /** How often to read, in ms. @defaultValue 30000 */
  intervalMs?: number | undefined;
  /** The most items read per poll; the rest waits for the next. @defaultValue 500 */
  maxItemsPerPoll?: number | undefined;
}

/**
 * A pipeline registered with a Hub, as `hub.pipeline()` returns it: publish to it with the
 * event's type checked by the compiler.
 *
 * @example
 * ```ts
 * const calls = hub.pipeline(callTrackingPipeline({ connector: crm }));
 * await calls.publish({ id: 'c-1', direction: 'incoming', result: 'missed', from, to, startedAt });
 * ```
 */
export interface Pipeline<Event> {
  /** The pipeline's id. */
  readonly id: string;
  /**
   * Accepts a host event: resolves once the envelope is durably stored (see `Hub.publish`).
   * @throws {@link ValidationError} listing every invalid path; nothing is stored
   */
  publish(event: Event): Promise<PublishResult>;
  /**
   * Reads the pipeline's source once, now (see `Hub.poll`): for a pipeline with a `from`, which
   * is otherwise read every `intervalMs`. Resolves with how many envelopes were new (0 while the
   * source's connector is not active); rejects with a {@link ConfigError} for a pipeline without
   * a source.
   */
  poll(): Promise<number>;
}

/** Options of `hub.stop()`. */
export interface StopOptions {
  /**
   * How long deliveries in flight may take to finish before their requests are aborted (an
   * aborted delivery stays pending). @defaultValue 10000
   */
  graceMs?: number | undefined;
}

/** What `publish()` resolves with. */
export interface PublishResult {
  /** `pipelineId:eventId`. */
  readonly envelopeId: string;
  /** True when the same event had been published before (nothing new stored). */
  readonly duplicate: boolean;
}

/** Why an envelope was dropped. */
export type DropReason = 'outside-retention' | 'replay-disabled';

/** Events the Hub emits. */
export interface HubEvents {
  /** The vendor has it; the envelope is removed. */
  delivered: (event: { envelope: Envelope; result: unknown; replayed: boolean }) => void;
  /** A delivery failed: retried later (`willRetry`) or kept as dead. */
  failed: (event: {
    envelope: Envelope;
    error: unknown;
    willRetry: boolean;
    nextAttemptAt?: number;
  }) => void;
  /**
   * The vendor asked to wait (`Retry-After`) longer than the HTTP client waits: the envelope
   * went back to the outbox, due at `nextAttemptAt` (the vendor's ask, up to the longest
   * backoff), and its key waits meanwhile.
   */
  deferred: (event: { envelope: Envelope; requestedMs: number; nextAttemptAt: number }) => void;
  /** Stored while its connector is not active. */
  buffered: (event: { envelope: NewEnvelope; status: ConnectorStatus }) => void;
  /** Delivered after a re-activation with replay. */
  replayed: (event: { envelope: Envelope }) => void;
  /** Removed without delivery, never silently: outside the retention window, or replay off. */
  dropped: (event: { envelope: Envelope; reason: DropReason }) => void;
  /** A connector's status changed. */
  status: (change: StatusChange) => void;
  /**
   * A source item failed the pipeline's schema, or the outbox refused it (an id or payload over
   * its limits, a time that is not one) — it is skipped, the cursor moves past it; or a step
   * found an event's data unusable (`StepContext.reject`) and delivered nothing.
   */
  rejected: (event: {
    pipelineId: string;
    eventId: string;
    error: unknown;
    /** The envelope, when a step rejected a stored event (a refused source item has none). */
    envelope?: Envelope;
    /** Whether that envelope was being replayed after a re-activation. */
    replayed?: boolean;
  }) => void;
  /** A connector's vendor throttled it; its rate-limit bucket is paused. */
  'rate-limited': (event: { connectorId: string; route: string; pauseMs: number }) => void;
  /** A connector reported something to look at that is not a failure (e.g. an ambiguous match). */
  warning: (warning: ConnectorWarning) => void;
}
