import type { Connector, StatusChange } from '../connector/define-connector.js';
import type { Logger } from '../log.js';
import type { Envelope, ReplayStore } from '../replay/replay-store.js';
import { applyRetention } from './retention.js';
import type { DropReason } from './types.js';

/** What a connector's lifecycle needs from its Hub. */
export interface LifecycleContext {
  readonly store: ReplayStore;
  readonly connector: Connector;
  readonly logger: Logger;
  readonly now: () => number;
  /** The first moment of the retention window, now. */
  readonly windowStart: () => number;
  /** Resolves when the connector's worker has no delivery in flight. */
  readonly quiet: () => Promise<void>;
  /** Apply the window on a process's first activation even when the connector was healthy. */
  readonly windowOnRestart: boolean;
  readonly dropped: (envelope: Envelope, reason: DropReason) => void;
  /** A transition finished: delivery may resume. */
  readonly resumed: () => void;
}

/** The key, in the store's cursor table, of a connector's last known status. */
export const statusKey = (connectorId: string) => `\u0000crossline/status/${connectorId}`;

/**
 * One connector's lifecycle in the Hub, a state machine over the connector's statuses
 * (`inactive`, `active`, `broken`). Every status change is a transition, queued and applied one
 * at a time, in the order the connector made them; while any is queued or running no delivery
 * starts. An activation waits for the deliveries in flight to end (each is then delivered or
 * failed, never also dropped) before it applies the retention window, so every envelope is
 * delivered once or dropped once. See docs/runtime.md, "The connector lifecycle".
 */
export class ConnectorLifecycle {
  readonly #context: LifecycleContext;
  #chain: Promise<void> = Promise.resolve();
  #queued = 0;
  /** Envelopes up to this seq were buffered before the last activation with replay. */
  #replayedUpTo = 0;
  /** Dead letters revived since: delivering them is a retry, not a replay. */
  readonly #revived = new Set<string>();

  constructor(context: LifecycleContext) {
    this.#context = context;
  }

  /** Whether a transition is queued or running. */
  get transitioning(): boolean {
    return this.#queued > 0;
  }

  /** Resolves when every queued transition has been applied. */
  async settled(): Promise<void> {
    while (this.#queued > 0) await this.#chain;
  }

  /**
   * Queues the transition a status change calls for. Call it before anything else hears of the
   * change: what is stored from then on is never dropped by this transition.
   */
  onStatus(change: StatusChange): void {
    this.#queued += 1;
    // Read now, synchronously in effect: the last envelope stored before the change.
    const upToSeq = this.#context.store.lastSeq(change.connectorId);
    upToSeq.catch(() => {}); // a failure surfaces when the transition awaits it
    this.#chain = this.#chain
      .then(() => this.#apply(change, upToSeq))
      .catch((error: unknown) =>
        this.#context.logger.error(
          { connector: change.connectorId, status: change.status, error: String(error) },
          'connector transition failed',
        ),
      )
      .finally(() => {
        this.#queued -= 1;
        // Delivery resumes once the drops are done — or after a failed transition, so what
        // was buffered is not left waiting for the next publish.
        if (this.#queued === 0) this.#context.resumed();
      });
  }

  /** Whether delivering `envelope` now counts as a replay. */
  isReplay(envelope: Envelope): boolean {
    return envelope.seq <= this.#replayedUpTo && !this.#revived.has(envelope.id);
  }

  /** Dead letters made pending again by the host. */
  revived(ids: readonly string[]): void {
    for (const id of ids) this.#revived.add(id);
  }

  /** A delivered or settled envelope needs no more bookkeeping. */
  forget(id: string): void {
    this.#revived.delete(id);
  }

  async #apply(change: StatusChange, cutoff: Promise<number>): Promise<void> {
    const { store, connector } = this.#context;
    const key = statusKey(connector.id);
    if (change.status !== 'active') {
      await store.setCursor(key, change.status);
      return;
    }
    if (change.previous === 'active') return;
    const before = change.restart ? await store.getCursor(key) : change.previous;
    // An activation that dropped everything and was cut short (a crash) is finished first.
    const replay = change.replay !== false && before !== 'dropping';
    const healthy = before === undefined || before === 'active';
    if (replay && change.restart && healthy && !this.#context.windowOnRestart) {
      // A restarted host, not a re-activated integration: its backlog is delivered whatever
      // its age, and not reported as replayed.
      this.#replayedUpTo = 0;
      if (before === undefined) await store.setCursor(key, 'active');
      return;
    }
    // Recorded first, so a crash before the drops are done does them again on restart.
    await store.setCursor(key, replay ? 'replaying' : 'dropping');
    await this.#context.quiet();
    const upToSeq = await cutoff;
    await applyRetention({
      store,
      connectorId: connector.id,
      replay,
      windowStart: this.#context.windowStart(),
      upToSeq,
      now: this.#context.now,
      logger: this.#context.logger,
      dropped: this.#context.dropped,
    });
    await store.setCursor(key, 'active');
    this.#replayedUpTo = replay ? upToSeq : 0;
  }
}
