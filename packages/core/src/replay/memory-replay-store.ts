import { z } from 'zod';
import { ConfigError } from '../errors/config-error.js';
import {
  checkEnvelopes,
  limitsSchema,
  type ReplayStoreLimits,
  type ResolvedLimits,
  resolveLimits,
  truncateError,
} from './envelope-checks.js';
import type { Envelope, FailureUpdate, NewEnvelope, ReplayStore } from './replay-store.js';

/** Options of {@link MemoryReplayStore}. */
export interface MemoryReplayStoreOptions {
  /** Size limits of ids, keys, payloads and failure messages. */
  limits?: ReplayStoreLimits | undefined;
}

const optionsSchema = z.strictObject({ limits: limitsSchema }).optional();

/**
 * A {@link ReplayStore} in memory: for tests and hosts that accept losing the outbox on
 * restart. Same semantics as {@link SqliteReplayStore}, the same input checks and limits;
 * payloads are copied through JSON so neither side can change the other's copy.
 *
 * @example
 * ```ts
 * const hub = createHub({ store: new MemoryReplayStore({ limits: { maxPayloadBytes: 65_536 } }) });
 * ```
 */
export class MemoryReplayStore implements ReplayStore {
  readonly #limits: ResolvedLimits;
  readonly #byConnector = new Map<string, Map<string, Envelope>>();
  readonly #ids = new Map<string, string>();
  readonly #settledAt = new Map<string, number>();
  readonly #cursors = new Map<string, string>();
  #seq = 0;

  /** @throws {@link ConfigError} naming the field when an option is invalid */
  constructor(options: MemoryReplayStoreOptions = {}) {
    const parsed = optionsSchema.safeParse(options);
    if (!parsed.success) throw ConfigError.fromIssues('MemoryReplayStore', parsed.error.issues);
    this.#limits = resolveLimits(options.limits);
  }

  /** @throws {@link ValidationError} when an envelope breaks a rule or a limit; nothing is stored */
  async append(envelopes: readonly NewEnvelope[]): Promise<string[]> {
    const payloads = checkEnvelopes(envelopes, this.#limits);
    const added: string[] = [];
    for (const [index, envelope] of envelopes.entries()) {
      if (this.#ids.has(envelope.id)) continue;
      this.#seq += 1;
      const stored: Envelope = {
        ...envelope,
        payload: JSON.parse(payloads[index] as string),
        seq: this.#seq,
        attempts: 0,
        nextAttemptAt: envelope.nextAttemptAt ?? 0,
        lastError: undefined,
        state: 'pending',
      };
      this.#connector(envelope.connectorId).set(envelope.id, stored);
      this.#ids.set(envelope.id, envelope.connectorId);
      added.push(envelope.id);
    }
    return added;
  }

  async scan(connectorId: string, afterSeq: number, limit: number): Promise<Envelope[]> {
    return this.#select(
      connectorId,
      limit,
      (envelope) => envelope.state === 'pending' && envelope.seq > afterSeq,
    );
  }

  async lastSeq(connectorId: string): Promise<number> {
    let last = 0;
    for (const envelope of this.#byConnector.get(connectorId)?.values() ?? []) {
      if (envelope.state === 'pending') last = Math.max(last, envelope.seq);
    }
    return last;
  }

  async olderThan(connectorId: string, occurredBefore: number, limit: number): Promise<Envelope[]> {
    return this.#select(
      connectorId,
      limit,
      (envelope) => envelope.state === 'pending' && envelope.occurredAt < occurredBefore,
    );
  }

  async settle(
    ids: readonly string[],
    outcome: 'delivered' | 'dropped',
    at: number,
  ): Promise<string[]> {
    const settled: string[] = [];
    for (const id of ids) {
      const envelopes = this.#byConnector.get(this.#ids.get(id) ?? '');
      const envelope = envelopes?.get(id);
      if (!envelopes || !envelope || envelope.state === 'delivered' || envelope.state === 'dropped')
        continue;
      envelopes.set(id, { ...envelope, payload: null, state: outcome });
      this.#settledAt.set(id, at);
      settled.push(id);
    }
    return settled;
  }

  async prune(settledBefore: number): Promise<number> {
    let pruned = 0;
    for (const [id, at] of this.#settledAt) {
      if (at >= settledBefore) continue;
      this.#byConnector.get(this.#ids.get(id) ?? '')?.delete(id);
      this.#ids.delete(id);
      this.#settledAt.delete(id);
      pruned += 1;
    }
    return pruned;
  }

  async fail(id: string, update: FailureUpdate): Promise<void> {
    const connectorId = this.#ids.get(id);
    const envelopes = connectorId === undefined ? undefined : this.#byConnector.get(connectorId);
    const envelope = envelopes?.get(id);
    if (!envelopes || envelope?.state !== 'pending') return;
    envelopes.set(id, {
      ...envelope,
      attempts: update.attempts,
      lastError: truncateError(update.lastError, this.#limits.maxErrorLength),
      nextAttemptAt: update.nextAttemptAt ?? envelope.nextAttemptAt,
      state: update.dead ? 'dead' : 'pending',
    });
  }

  async dead(connectorId: string, limit: number): Promise<Envelope[]> {
    return this.#select(connectorId, limit, (envelope) => envelope.state === 'dead');
  }

  async revive(ids: readonly string[]): Promise<void> {
    for (const id of ids) {
      const envelopes = this.#byConnector.get(this.#ids.get(id) ?? '');
      const envelope = envelopes?.get(id);
      if (envelopes && envelope?.state === 'dead')
        envelopes.set(id, { ...envelope, state: 'pending', nextAttemptAt: 0, attempts: 0 });
    }
  }

  async pendingCounts(): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const [connectorId, envelopes] of this.#byConnector) {
      const pending = [...envelopes.values()].filter(
        (envelope) => envelope.state === 'pending',
      ).length;
      if (pending > 0) counts[connectorId] = pending;
    }
    return counts;
  }

  async getCursor(pipelineId: string): Promise<string | undefined> {
    return this.#cursors.get(pipelineId);
  }

  async setCursor(pipelineId: string, cursor: string): Promise<void> {
    this.#cursors.set(pipelineId, cursor);
  }

  async close(): Promise<void> {}

  #connector(connectorId: string): Map<string, Envelope> {
    let envelopes = this.#byConnector.get(connectorId);
    if (!envelopes) {
      envelopes = new Map();
      this.#byConnector.set(connectorId, envelopes);
    }
    return envelopes;
  }

  /** Insertion order is seq order: a Map keeps it, and `fail` replaces values in place. */
  #select(connectorId: string, limit: number, keep: (envelope: Envelope) => boolean): Envelope[] {
    const selected: Envelope[] = [];
    for (const envelope of this.#byConnector.get(connectorId)?.values() ?? []) {
      if (selected.length >= limit) break;
      if (keep(envelope))
        selected.push({ ...envelope, payload: structuredClone(envelope.payload) });
    }
    return selected;
  }
}
