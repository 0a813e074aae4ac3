import type {
  ConnectorContext,
  CrmContactRecord,
  SourceDefinition,
  SourceItem,
} from '@crossline/core/sdk';
import type { RetailcrmApi } from '../api.js';
import { contactRecordOf } from '../lib/contact-record.js';
import { parseDateTime } from '../lib/dates.js';
import type { RetailcrmConfig } from '../options.js';
import type { RetailcrmHistoryEntry } from '../wire-crm.js';

type Context = ConnectorContext<RetailcrmConfig, RetailcrmApi>;

/** How long this process remembers the start point and the entries it found no new client in. */
const rememberMs = 365 * 24 * 3_600_000;

/** The methods the source calls, in the notation of `GET /api/credentials`. */
export const contactsSourceMethods: readonly string[] = ['/api/customers/history'];

/**
 * The `contacts` source: customers new in the shop, for `loyaltySyncPipeline`'s
 * `direction: 'both'`. Each poll reads `GET /customers/history` after the cursor
 * (`filter[sinceId]`, 100 a page; after each page `sinceId` moves to its last entry) and yields
 * the customer of every `created` entry of the configured shop as a `CrmContactRecord`, its id
 * the customer's id; the cursor is that entry's id. Without a cursor it starts as
 * `contactsSource.start` says: `'now'` (the default) starts after the feed's last entry at the
 * first read — remembered by the process, so a restart before the first new client starts
 * again from its own "now" — and `'beginning'` reads the whole feed. Entries after the last new
 * client are not read again by this process (it remembers how far it found none).
 */
export const contactsSource: SourceDefinition<RetailcrmConfig, RetailcrmApi, CrmContactRecord> = {
  async *read(cursor, context) {
    const saved = cursor === undefined ? undefined : Number.parseInt(cursor, 10);
    const start = Number.isSafeInteger(saved) ? (saved as number) : await startId(context);
    const scannedKey = `retailcrm:contacts:scanned:${start}`;
    let sinceId = context.memory.get<number>(scannedKey) ?? start;
    let yielded = false;
    for (;;) {
      const filter = sinceId > 0 ? { sinceId } : {};
      const answer = await context.client.customersHistory({ filter, limit: 100 });
      for (const entry of answer.history) {
        const item = newClient(entry, context.config);
        if (item === undefined) continue;
        yielded = true;
        yield item;
      }
      const last = answer.history.at(-1);
      if (last !== undefined) sinceId = Math.max(sinceId, last.id);
      const { currentPage, totalPageCount } = answer.pagination;
      if (last === undefined || currentPage >= totalPageCount) break;
    }
    if (!yielded) context.memory.set(scannedKey, sinceId, rememberMs);
  },
};

/** The source item of a `created` entry of the shop's customer; `undefined` for any other. */
function newClient(
  entry: RetailcrmHistoryEntry,
  config: RetailcrmConfig,
): SourceItem<CrmContactRecord> | undefined {
  const { customer } = entry;
  if (entry.created !== true || customer === undefined) return undefined;
  if (customer.site !== undefined && customer.site !== config.site) return undefined;
  const at =
    entry.createdAt === undefined ? undefined : parseDateTime(entry.createdAt, config.timeZone);
  return {
    id: String(customer.id),
    occurredAt: at === undefined ? Date.now() : Date.parse(at),
    event: contactRecordOf(customer, config),
    cursor: String(entry.id),
  };
}

/**
 * Where a source without a cursor starts: 0 (the whole feed), or the id of the feed's last
 * entry at this process's first read (its last page, 20 a page).
 */
async function startId(context: Context): Promise<number> {
  if (context.config.contactsSource.start === 'beginning') return 0;
  return context.memory.remember('retailcrm:contacts:start', rememberMs, async () => {
    const { client } = context;
    const first = await client.customersHistory({ limit: 20 });
    const pages = first.pagination.totalPageCount;
    const last = pages > 1 ? await client.customersHistory({ limit: 20, page: pages }) : first;
    return last.history.at(-1)?.id ?? 0;
  });
}
