import { createHash } from 'node:crypto';
import type { ConnectorContext, SourceDefinition, SourceItem } from '@crossline/core/sdk';
import type { TeycaApi } from '../api.js';
import { cardContext } from '../lib/cards.js';
import { cardFromPass } from '../mapping.js';
import type { TeycaConfig } from '../options.js';
import type { TeycaPass } from '../wire.js';
import type { TeycaPassEvent } from './events.js';

/** The source's cursor: the next offset, the UTC day and the list requests sent on it. */
interface Cursor {
  readonly offset: number;
  readonly day: string;
  readonly requests: number;
}

function readCursor(text: string | undefined, today: string): Cursor {
  try {
    const { offset, day, requests } = JSON.parse(text ?? '{}') as Partial<Cursor>;
    const start = typeof offset === 'number' && offset >= 0 ? offset : 0;
    const used = day === today && typeof requests === 'number' ? requests : 0;
    return { offset: start, day: today, requests: used };
  } catch {
    return { offset: 0, day: today, requests: 0 };
  }
}

/** A digest of a pass's content: the same pass read again makes the same event id. */
function digest(pass: TeycaPass): string {
  const sorted = Object.fromEntries(Object.entries(pass).sort(([a], [b]) => a.localeCompare(b)));
  return createHash('sha256').update(JSON.stringify(sorted)).digest('hex').slice(0, 16);
}

/**
 * The `passes` source, for hosts that cannot receive webhooks: reads the pass list page by page
 * (`GET /passes?limit&offset`), round and round, and yields each pass as an `UPDATE` event
 * whose id is the pass id with a digest of its content — a pass read again unchanged is a
 * duplicate the Hub drops, a changed one is a new event. The cursor holds the offset and the
 * list requests sent this UTC day: past `poll.requestsPerDay` the source reads nothing until
 * the next day, leaving the rest of Teyca's daily cap to the actions. A full pass of a large
 * base takes days at the defaults: prefer webhooks.
 */
export const passesSource: SourceDefinition<TeycaConfig, TeycaApi, TeycaPassEvent> = {
  async *read(
    text: string | undefined,
    context: ConnectorContext<TeycaConfig, TeycaApi>,
  ): AsyncIterable<SourceItem<TeycaPassEvent>> {
    const { config, client } = context;
    const { pageSize, requestsPerDay } = config.poll;
    let cursor = readCursor(text, new Date().toISOString().slice(0, 10));
    let wrapped = false;
    while (cursor.requests < requestsPerDay) {
      const { passes } = await client.listPasses({ limit: pageSize, offset: cursor.offset });
      const sent = { ...cursor, requests: cursor.requests + 1 };
      if (passes.length === 0) {
        // Past the end (passes deleted since): start over once.
        if (cursor.offset === 0 || wrapped) return;
        cursor = { ...sent, offset: 0 };
        wrapped = true;
        continue;
      }
      const last = passes.length < pageSize;
      for (const [index, pass] of passes.entries()) {
        const offset = last && index === passes.length - 1 ? 0 : cursor.offset + index + 1;
        const receivedAt = Date.now();
        const event: TeycaPassEvent = {
          id: `POLL:${pass.user_id}:${digest(pass)}`,
          type: 'UPDATE',
          userId: pass.user_id,
          receivedAt,
          origin: 'poll',
          card: { ...cardFromPass(pass, cardContext(config)) },
        };
        yield {
          id: event.id,
          occurredAt: receivedAt,
          event,
          cursor: JSON.stringify({ ...sent, offset }),
        };
      }
      if (last) return;
      cursor = { ...sent, offset: cursor.offset + passes.length };
    }
  },
};
