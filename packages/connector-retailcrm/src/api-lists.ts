import type { Params } from '@crossline/core/sdk';
import type { Pagination } from './wire.js';

/** Per-call options of the `RetailcrmApi` methods. */
export interface CallOptions {
  /** Cancels the request and its retries. */
  signal?: AbortSignal | undefined;
}

/** A list query: `filter[...]`, `page` (from 1) and `limit` (20, 50 or 100). */
export interface ListQuery {
  /** Filters, e.g. `{ isManager: true, active: true }` → `filter[isManager]=1&…`. */
  filter?: Params | undefined;
  /** The page, from 1. @defaultValue 1 */
  page?: number | undefined;
  /** Items per page: 20, 50 or 100. @defaultValue 100 */
  limit?: 20 | 50 | 100 | undefined;
}

/** A list query as GET parameters: 100 a page from page 1 unless it says otherwise. */
export function listParams({ filter, page, limit }: ListQuery): Params {
  return { limit: limit ?? 100, page: page ?? 1, ...(filter ? { filter } : {}) };
}

/** Every item of a list, page after page, until a page is empty or the last. */
export async function* everyPage<Key extends string, Item>(
  fetchPage: (page: number) => Promise<{ pagination: Pagination } & Record<Key, Item[]>>,
  key: Key,
): AsyncGenerator<Item, void, undefined> {
  for (let page = 1; ; page += 1) {
    const answer = await fetchPage(page);
    yield* answer[key];
    const { currentPage, totalPageCount } = answer.pagination;
    if (answer[key].length === 0 || currentPage >= totalPageCount) return;
  }
}
