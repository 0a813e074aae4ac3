import type { Connector } from '../connector/define-connector.js';
import type { Logger } from '../log.js';
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
    if (chunk.length > 0) stored += (await store.append(chunk)).length;
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
        id: `${pipeline.id}:${item.id}`,
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
