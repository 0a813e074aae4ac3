import type {
  HttpClient,
  HttpDeclaration,
  Params,
  ResponseState,
  ResponseVerdict,
} from '@crossline/core/sdk';
import type { z } from 'zod';
import type { EmpikplaceConfig } from './options.js';
import {
  type MiraklMessageInput,
  type MiraklOrder,
  type MiraklThread,
  ordersPage,
  replyAnswer,
  threadAnswer,
  threadsPage,
} from './wire.js';

/**
 * The connector's HTTP declaration: the host's `/api`, the shop's key raw in `Authorization`
 * (no `Bearer`; never in a URL — EmpikPlace refuses `api_key` since October 2023), JSON answers,
 * one budget per (host, key) in the process; 429 and 5xx retried honouring `Retry-After`.
 */
export function empikplaceHttp(config: EmpikplaceConfig): HttpDeclaration {
  return {
    baseUrl: `${config.origin}/api`,
    account: config.origin,
    credential: config.apiKey,
    auth: { type: 'header', name: 'Authorization', value: config.apiKey },
    headers: { accept: 'application/json' },
    limits: { limit: config.rateLimit },
    retry: { retries: config.retries },
    interpretResponse: interpretEmpikplaceResponse,
  };
}

/**
 * Reads Mirakl's error body — a human `message` with a numeric `code` or `status` (EmpikPlace's
 * 401: `{ "code": 401, "message": "…" }`) — into the error's message; anything else falls back
 * to core's reading of the raw answer.
 */
export function interpretEmpikplaceResponse(state: ResponseState): ResponseVerdict | undefined {
  const { body } = state;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const { message } = body as { message?: unknown };
  return typeof message === 'string' && message !== '' ? { message } : undefined;
}

/** One page request of M11. */
export interface ThreadsQuery {
  /** Threads modified at or after this instant, ISO 8601. */
  readonly updatedSince: string;
  /** Threads per page. */
  readonly limit: number;
  /** The `entity_type` filter. */
  readonly entityType?: string | undefined;
  /** The next page's token; the first page when absent. */
  readonly pageToken?: string | undefined;
  /** Send the filters with the token too. */
  readonly repeatFilters?: boolean | undefined;
}

/** A file sent with a reply. */
export interface ReplyFile {
  /** The file name. */
  readonly name: string;
  /** The MIME type. */
  readonly contentType?: string | undefined;
  /** The bytes. */
  readonly content: Uint8Array;
}

/**
 * A typed client of the Mirakl seller API on EmpikPlace (M10–M12, OR11): `shop_id` on every
 * request when the options name a shop, answers checked with zod.
 */
export class EmpikplaceApi {
  readonly #http: HttpClient;
  readonly #shop: Params;

  /**
   * @param http - the HTTP client the SDK built from {@link empikplaceHttp}
   * @param shopId - the `shop_id` sent with every request, when set
   */
  constructor(http: HttpClient, shopId: string | undefined) {
    this.#http = http;
    this.#shop = shopId === undefined ? {} : { shop_id: shopId };
  }

  /** M11 `GET /inbox/threads` with the last 100 messages of each thread: one page. */
  async threads(query: ThreadsQuery, signal?: AbortSignal) {
    const filters: Params = {
      ...(query.entityType === undefined ? {} : { entity_type: query.entityType }),
      updated_since: query.updatedSince,
      with_messages: 'true',
    };
    const params: Params =
      query.pageToken === undefined
        ? { ...filters, limit: query.limit }
        : {
            ...(query.repeatFilters ? { ...filters, limit: query.limit } : {}),
            page_token: query.pageToken,
          };
    return this.#get('/inbox/threads', params, threadsPage, signal);
  }

  /** M10 `GET /inbox/threads/{thread_id}`: the thread with every message. */
  async thread(threadId: string, signal?: AbortSignal): Promise<MiraklThread> {
    return this.#get(`/inbox/threads/${encodeURIComponent(threadId)}`, {}, threadAnswer, signal);
  }

  /**
   * M12 `POST /inbox/threads/{thread_id}/message`: multipart, the `message_input` part as JSON
   * and one `files` part per file. Not safe to repeat (it would post twice): never retried here.
   */
  async reply(
    threadId: string,
    input: MiraklMessageInput,
    files: readonly ReplyFile[],
    signal?: AbortSignal,
  ) {
    const form = new FormData();
    form.append('message_input', new Blob([JSON.stringify(input)], { type: 'application/json' }));
    for (const file of files) {
      const type = file.contentType ?? 'application/octet-stream';
      form.append('files', new Blob([file.content], { type }), file.name);
    }
    const path = `/inbox/threads/${encodeURIComponent(threadId)}/message`;
    const answer = await this.#http.request({
      method: 'POST',
      path,
      query: this.#shop,
      multipart: form,
      idempotent: false,
      schema: replyAnswer,
      signal,
    });
    return answer.data;
  }

  /** OR11 `GET /orders?order_ids=`: the order with this id, or undefined. */
  async order(orderId: string, signal?: AbortSignal): Promise<MiraklOrder | undefined> {
    const page = await this.#get('/orders', { order_ids: orderId }, ordersPage, signal);
    return page.orders.find((order) => order.order_id === orderId);
  }

  /** OR11 with `max=1`: whether the key may read the shop's orders (for `verify()`). */
  async anyOrder(signal?: AbortSignal): Promise<MiraklOrder | undefined> {
    return (await this.#get('/orders', { max: 1 }, ordersPage, signal)).orders[0];
  }

  async #get<T>(path: string, query: Params, schema: z.ZodType<T>, signal?: AbortSignal) {
    const request = { path, query: { ...query, ...this.#shop }, schema, signal };
    return (await this.#http.request(request)).data;
  }
}
