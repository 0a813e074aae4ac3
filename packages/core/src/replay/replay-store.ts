/** An event accepted by a pipeline for one connector, waiting in the outbox to be delivered. */
export interface Envelope {
  /**
   * Deterministic: {@link sdk!envelopeId}`(pipelineId, eventId)`, which is `${pipelineId}:${eventId}`
   * for a pipeline id without `:` or `%`. Passed to vendors as the external id.
   */
  readonly id: string;
  /** The pipeline that accepted it. */
  readonly pipelineId: string;
  /** The connector it is for. */
  readonly connectorId: string;
  /** The host's id of the event. */
  readonly eventId: string;
  /** Ordering key: envelopes with the same key are delivered one after another, in order. */
  readonly key: string;
  /** When the event happened (epoch ms): decides the replay retention window. */
  readonly occurredAt: number;
  /** The pipeline's input for the connector action, as JSON. */
  readonly payload: unknown;
  /** Store order: the order envelopes were accepted in. */
  readonly seq: number;
  /** Failed delivery attempts so far. */
  readonly attempts: number;
  /** Not to be tried again before this moment (epoch ms). */
  readonly nextAttemptAt: number;
  /** The last failure, redacted. */
  readonly lastError: string | undefined;
  /**
   * `pending` until delivered; `dead` once it failed in a way retrying cannot fix (kept for the
   * host to inspect). Delivered and dropped envelopes are kept as tombstones, without their
   * payload, until pruned — so the same event published again meanwhile is still a duplicate.
   */
  readonly state: EnvelopeState;
}

/** Where an envelope stands. */
export type EnvelopeState = 'pending' | 'dead' | 'delivered' | 'dropped';

/** What a pipeline hands the store: an envelope before it has a place in the queue. */
export type NewEnvelope = Pick<
  Envelope,
  'id' | 'pipelineId' | 'connectorId' | 'eventId' | 'key' | 'occurredAt' | 'payload'
> & {
  /** Not to be delivered before this moment, epoch ms (a pipeline's `notBefore`). @defaultValue 0 */
  readonly nextAttemptAt?: number | undefined;
};

/** A failed attempt's outcome: try again later, or give up and keep it as dead. */
export interface FailureUpdate {
  /** Failed attempts so far, this one included. */
  readonly attempts: number;
  /** What went wrong, redacted. */
  readonly lastError: string;
  /** Epoch ms of the next attempt; omitted for a dead envelope. */
  readonly nextAttemptAt?: number;
  /** Give up: keep it as dead. */
  readonly dead?: boolean;
}

/**
 * The durable outbox behind every pipeline. An envelope is stored before `hub.publish()`
 * resolves, read back in order by the connector's worker, and removed once the vendor has it.
 * Implementations: {@link MemoryReplayStore} (tests, ephemeral hosts) and
 * {@link SqliteReplayStore} (the embedded default).
 */
export interface ReplayStore {
  /**
   * Stores envelopes atomically. An id already stored is ignored, so publishing the same event
   * twice stores one envelope. Each starts due at its `nextAttemptAt` (0 when absent). Resolves
   * with the ids that were new.
   */
  append(envelopes: readonly NewEnvelope[]): Promise<string[]>;
  /** Pending envelopes of a connector with `seq > afterSeq`, in order, at most `limit`. */
  scan(connectorId: string, afterSeq: number, limit: number): Promise<Envelope[]>;
  /** The highest seq among a connector's pending envelopes; 0 when it has none. */
  lastSeq(connectorId: string): Promise<number>;
  /** Pending envelopes of a connector that happened before `occurredBefore`, in order. */
  olderThan(connectorId: string, occurredBefore: number, limit: number): Promise<Envelope[]>;
  /**
   * Settles envelopes: `delivered` (the vendor has them) or `dropped` (never to be sent). Their
   * payload is cleared; the id stays as a tombstone until {@link ReplayStore.prune}.
   * Only pending (or dead) envelopes are settled: resolves with the ids that were, so an envelope
   * settled already is never reported twice.
   */
  settle(ids: readonly string[], outcome: 'delivered' | 'dropped', at: number): Promise<string[]>;
  /** Deletes tombstones settled before `settledBefore` (epoch ms); resolves with how many. */
  prune(settledBefore: number): Promise<number>;
  /** Records a failed attempt. */
  fail(id: string, update: FailureUpdate): Promise<void>;
  /** Dead envelopes of a connector, in order. */
  dead(connectorId: string, limit: number): Promise<Envelope[]>;
  /** Makes dead envelopes pending again, due at once. */
  revive(ids: readonly string[]): Promise<void>;
  /** Pending envelopes per connector. */
  pendingCounts(): Promise<Record<string, number>>;
  /** The saved read position of a source pipeline; `undefined` before its first save. */
  getCursor(pipelineId: string): Promise<string | undefined>;
  /** Saves a source pipeline's read position — only after what was read is appended. */
  setCursor(pipelineId: string, cursor: string): Promise<void>;
  /** Releases the store's resources. */
  close(): Promise<void>;
}
