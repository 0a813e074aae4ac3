import type {
  ConnectorContext,
  MarketplaceMessage,
  SourceDefinition,
  SourceItem,
} from '@crossline/core/sdk';
import type { EmpikplaceApi } from '../api.js';
import { readCursor, type ThreadsCursor, writeCursor } from '../lib/cursor.js';
import { messageFromThread } from '../mapping.js';
import type { EmpikplaceConfig } from '../options.js';
import type { MiraklMessage, MiraklThread } from '../wire.js';

type Context = ConnectorContext<EmpikplaceConfig, EmpikplaceApi>;

/** How long the first read's time is kept as the enable time when the options give none. */
const enabledAtMs = 365 * 86_400_000;

const time = (value: string | undefined) => (value === undefined ? Number.NaN : Date.parse(value));

/** Every thread modified since `from` (M11, page after page), oldest `date_updated` first. */
async function threadsSince(from: number, { client, config }: Context): Promise<MiraklThread[]> {
  const { pageSize, entityType, repeatFiltersWithPageToken } = config.threads;
  const base = { updatedSince: new Date(from).toISOString(), limit: pageSize, entityType };
  const threads: MiraklThread[] = [];
  let pageToken: string | undefined;
  do {
    const page = await client.threads({
      ...base,
      pageToken,
      repeatFilters: repeatFiltersWithPageToken,
    });
    threads.push(...page.data);
    pageToken = page.next_page_token;
  } while (pageToken !== undefined && pageToken !== '');
  const byId = new Map(threads.map((thread) => [thread.id, thread]));
  return [...byId.values()].sort(
    (a, b) => time(a.date_updated) - time(b.date_updated) || a.id.localeCompare(b.id),
  );
}

/** The thread with every message: M11 carries the last 100 only (M10 has them all). */
async function complete(thread: MiraklThread, { client }: Context): Promise<MiraklThread> {
  const total = thread.metadata?.total_count;
  return total !== undefined && total > thread.messages.length ? client.thread(thread.id) : thread;
}

/**
 * The messages to emit: none unless the customer wrote since enabling; all since enabling when
 * the customer's first such message is new (the thread joins now, with the shop's and the
 * operator's messages before it), else those posted at or after `from`.
 */
function newMessages(thread: MiraklThread, enabledAt: number, from: number): MiraklMessage[] {
  const customer = thread.messages
    .filter((message) => message.from.type === 'CUSTOMER_USER')
    .map((message) => time(message.date_created))
    .filter((instant) => instant >= enabledAt);
  if (customer.length === 0) return [];
  const lower = Math.min(...customer) >= from ? enabledAt : Math.max(enabledAt, from);
  return thread.messages
    .filter((message) => time(message.date_created) >= lower)
    .sort((a, b) => time(a.date_created) - time(b.date_created) || a.id.localeCompare(b.id));
}

/** The enable time: the option, the cursor's, or this process's first read. */
async function enableTime(saved: ThreadsCursor | undefined, context: Context): Promise<number> {
  const option = context.config.threads.enabledAt;
  if (option !== undefined) return Date.parse(option);
  if (saved !== undefined) return saved.enabledAt;
  return context.memory.remember('empikplace:enabledAt', enabledAtMs, async () => Date.now());
}

/**
 * The `threads` source: customer conversations, message by message. Each poll reads the threads
 * modified since the cursor minus `threads.overlapMs` (M11 with their messages, page after
 * page; M10 when a thread has more than M11 carries), oldest first, and yields every message
 * posted since then in a thread where the customer wrote after the integration was enabled —
 * customer, shop and operator messages alike, in order. The item id is the message id, so a
 * message read again (the overlap, a restart) is a duplicate the outbox drops; nothing is kept
 * in memory. The cursor moves to a thread's `date_updated` once its messages are stored.
 */
export const threadsSource: SourceDefinition<EmpikplaceConfig, EmpikplaceApi, MarketplaceMessage> =
  {
    async *read(text, context): AsyncIterable<SourceItem<MarketplaceMessage>> {
      const saved = readCursor(text);
      const enabledAt = await enableTime(saved, context);
      const since = saved?.since ?? enabledAt;
      const from = saved?.resumeFrom ?? since - context.config.threads.overlapMs;
      const threads = await threadsSince(from, context);
      const batches: [MiraklThread, MiraklMessage[]][] = [];
      for (const listed of threads) {
        const thread = await complete(listed, context);
        const messages = newMessages(thread, enabledAt, from);
        if (messages.length > 0) batches.push([thread, messages]);
      }
      let newest = since;
      for (const [index, [thread, messages]] of batches.entries()) {
        const updated = time(thread.date_updated);
        newest = Math.max(newest, Number.isNaN(updated) ? newest : updated);
        const lastBatch = index === batches.length - 1;
        for (const [position, message] of messages.entries()) {
          const finished = lastBatch && position === messages.length - 1;
          const cursor: ThreadsCursor = finished
            ? { enabledAt, since: newest }
            : { enabledAt, since: newest, resumeFrom: from };
          yield {
            id: message.id,
            occurredAt: time(message.date_created),
            event: messageFromThread(thread, message, context.config),
            cursor: writeCursor(cursor),
          };
        }
      }
    },
  };
