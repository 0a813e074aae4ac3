import type { Connector } from '../connector/define-connector.js';
import { ConfigError } from '../errors/config-error.js';
import { ValidationError } from '../errors/validation-error.js';
import type { Logger } from '../log.js';
import { envelopeId } from '../replay/envelope-id.js';
import type { NewEnvelope, ReplayStore } from '../replay/replay-store.js';
import type { HubEvents, PipelineDefinition, SourceRef } from './types.js';

/** What a poll needs from its Hub. */
export interface PollContext {
  readonly store: ReplayStore;
  readonly pipeline: PipelineDefinition & { from: SourceRef };
  readonly source: Connector;
  readonly logger: Logger;
  readonly emit: <K extends keyof HubEvents>(event: K, ...args: Parameters<HubEvents[K]>) => void;
}

const chunkSize = 100;

/**
 * Reads a source from its saved cursor and appends what it read to the outbox, chunk by chunk;
 * after each chunk is stored — not before — the cursor moves to its last item. Resolves with
 * how many new envelopes were stored.
 */
export async function pollSource(context: PollContext): Promise<number> {
  const { store, pipeline, source } = context;
  if (source.status !== 'active') return 0;
  const limit = pipeline.from.maxItemsPerPoll ?? 500;
  let cursor = await store.getCursor(pipeline.id);
  let chunk: NewEnvelope[] = [];
  let chunkCursor: string | undefined;
  let read = 0;
  let stored = 0;
  const flush = async () => {
    if (chunk.length > 0) stored += await appendOrReject(context, chunk);
    if (chunkCursor !== undefined && chunkCursor !== cursor) {
      await store.setCursor(pipeline.id, chunkCursor);
      cursor = chunkCursor;
    }
    chunk = [];
  };
  for await (const item of source.read(pipeline.from.source, cursor)) {
    read += 1;
    chunkCursor = item.cursor;
    const parsed = pipeline.input.safeParse(item.event);
    if (!parsed.success) {
      context.logger.warn(
        { pipelineId: pipeline.id, eventId: item.id },
        'source item rejected by the pipeline schema',
      );
      context.emit('rejected', { pipelineId: pipeline.id, eventId: item.id, error: parsed.error });
    } else {
      chunk.push({
        id: envelopeId(pipeline.id, item.id),
        pipelineId: pipeline.id,
        connectorId: pipeline.to.connector,
        eventId: item.id,
        key: pipeline.key?.(parsed.data) ?? pipeline.id,
        occurredAt: item.occurredAt,
        payload: parsed.data,
      });
    }
    if (chunk.length >= chunkSize || read % chunkSize === 0) await flush();
    if (read >= limit) break;
  }
  await flush();
  return stored;
}

/**
 * Appends a chunk; when the outbox refuses it (an id or payload over its limits, a time that is
 * not one), each item goes on its own, and one the outbox refuses becomes a `rejected` event —
 * so one bad item neither holds the cursor back nor keeps the good ones out.
 */
async function appendOrReject(context: PollContext, chunk: NewEnvelope[]): Promise<number> {
  const { store, pipeline } = context;
  try {
    return (await store.append(chunk)).length;
  } catch (error) {
    if (!ValidationError.isInstance(error)) throw error;
  }
  let stored = 0;
  for (const envelope of chunk) {
    try {
      stored += (await store.append([envelope])).length;
    } catch (error) {
      if (!ValidationError.isInstance(error)) throw error;
      const { eventId } = envelope;
      context.logger.warn(
        { pipelineId: pipeline.id, eventId },
        'source item refused by the outbox',
      );
      context.emit('rejected', { pipelineId: pipeline.id, eventId, error });
    }
  }
  return stored;
}

/** What {@link SourcePolls} needs from its Hub. */
export interface SourcePollsContext {
  readonly store: ReplayStore;
  readonly pipelines: ReadonlyMap<string, PipelineDefinition>;
  readonly connectors: ReadonlyMap<string, Connector>;
  readonly logger: Logger;
  readonly emit: PollContext['emit'];
  /** Called when a poll stored something new for the pipeline's destination. */
  readonly stored: (pipeline: PipelineDefinition) => void;
}

/** Runs every source pipeline's polls: on a timer while started, or on demand. */
export class SourcePolls {
  readonly #context: SourcePollsContext;
  readonly #running = new Map<string, Promise<number>>();
  readonly #timers = new Map<string, NodeJS.Timeout>();
  #started = false;

  constructor(context: SourcePollsContext) {
    this.#context = context;
  }

  /** Polls every source pipeline now, then every `intervalMs`. */
  start(): void {
    this.#started = true;
    for (const pipeline of this.#context.pipelines.values())
      if (pipeline.from) this.#schedule(pipeline.id, 0);
  }

  /** Stops the timers and waits for polls under way. */
  async stop(): Promise<void> {
    this.#started = false;
    for (const timer of this.#timers.values()) clearTimeout(timer);
    await Promise.allSettled([...this.#running.values()]);
  }

  /** One poll of a source pipeline, after any poll of it still under way. */
  poll(pipelineId: string): Promise<number> {
    const pipeline = this.#context.pipelines.get(pipelineId);
    const from = pipeline?.from;
    if (!pipeline || !from)
      throw new ConfigError(`No source pipeline ${JSON.stringify(pipelineId)}`);
    const { store, connectors, logger, emit } = this.#context;
    const next = (this.#running.get(pipelineId) ?? Promise.resolve(0))
      .catch(() => 0)
      .then(() =>
        pollSource({
          store,
          pipeline: { ...pipeline, from },
          source: connectors.get(from.connector) as Connector,
          logger,
          emit,
        }),
      )
      .then((stored) => {
        if (stored > 0) this.#context.stored(pipeline);
        return stored;
      });
    this.#running.set(pipelineId, next);
    return next;
  }

  #schedule(pipelineId: string, delayMs: number): void {
    const timer = setTimeout(() => {
      void this.poll(pipelineId)
        .catch((error: unknown) =>
          this.#context.logger.warn({ pipelineId, error: String(error) }, 'source poll failed'),
        )
        .finally(() => {
          const intervalMs = this.#context.pipelines.get(pipelineId)?.from?.intervalMs ?? 30_000;
          if (this.#started) this.#schedule(pipelineId, intervalMs);
        });
    }, delayMs);
    this.#timers.set(pipelineId, timer.unref());
  }
}
