import type {
  HttpClient,
  HttpDeclaration,
  Params,
  ResponseState,
  ResponseVerdict,
} from '@crossline/core/sdk';
import type { z } from 'zod';
import type { AsterilContract } from './contract.js';
import type { AsterilConfig } from './options.js';
import {
  type AsterilCallInput,
  type AsterilClient,
  type AsterilClientInput,
  type AsterilField,
  type AsterilPage,
  type AsterilRecord,
  type AsterilTaskInput,
  type AsterilUser,
  clientsPage,
  createdAnswer,
  fieldsPage,
  meAnswer,
  recordsPage,
} from './wire.js';

/**
 * The connector's HTTP declaration: the cabinet's API as base URL, the `Bearer` key, JSON, one
 * budget per (cabinet, key) in the process at the assumed rate; the SDK builds the client.
 */
export function asterilHttp(config: AsterilConfig): HttpDeclaration {
  return {
    baseUrl: `${config.origin}${config.api.basePath}`,
    account: config.origin,
    credential: config.apiKey,
    auth: { type: 'bearer', token: config.apiKey },
    limits: { limit: config.rateLimit },
    retry: { retries: config.retries },
    headers: { accept: 'application/json' },
    interpretResponse: interpretAsterilResponse,
  };
}

/**
 * Reads the assumed error body `{ message, errors?: { field: [messages] } }`: the field errors
 * join the message. Status codes keep their usual meaning (401 auth, 403 permission, 404, 422
 * validation, 429 throttled with `Retry-After`).
 */
export function interpretAsterilResponse(state: ResponseState): ResponseVerdict | undefined {
  const { body } = state;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const { message, errors } = body as { message?: unknown; errors?: unknown };
  if (typeof message !== 'string') return undefined;
  const details =
    typeof errors === 'object' && errors !== null
      ? Object.entries(errors).map(([field, texts]) => `${field}: ${[texts].flat().join(', ')}`)
      : [];
  return { message: details.length > 0 ? `${message} (${details.join('; ')})` : message };
}

/** Per-call options of {@link AsterilApi} methods. */
export interface AsterilCallOptions {
  /** Cancels the request and its retries. */
  signal?: AbortSignal | undefined;
}

/**
 * A typed client of the assumed Asteril API v3 (see `contract.ts`): JSON bodies, `Bearer`
 * key, `page`/`per_page` lists answered as `{ data, meta }`, zod-checked answers.
 *
 * @example
 * ```ts
 * const me = await api.me();
 * for await (const client of api.clientsByPhone('380671234567')) console.log(client.id);
 * ```
 */
export class AsterilApi {
  readonly #http: HttpClient;
  readonly #contract: AsterilContract;

  /**
   * @param http - core's HTTP client with the cabinet's API as base URL and the key
   * @param contract - the API contract in force
   */
  constructor(http: HttpClient, contract: AsterilContract) {
    this.#http = http;
    this.#contract = contract;
  }

  /** `GET /me`: the key's user. */
  async me(options?: AsterilCallOptions): Promise<AsterilUser> {
    return (await this.#get(this.#contract.paths.me, {}, meAnswer, options)).data;
  }

  /** `GET /client-fields`: every field of Clients, page after page. */
  clientFields(options?: AsterilCallOptions): AsyncGenerator<AsterilField, void, undefined> {
    return this.#iterate(this.#contract.paths.clientFields, {}, fieldsPage, options);
  }

  /** `GET /clients?phone=`: the Clients stored with exactly this form of a number. */
  clientsByPhone(
    phone: string,
    options?: AsterilCallOptions,
  ): AsyncGenerator<AsterilClient, void, undefined> {
    return this.#iterate(this.#contract.paths.clients, { phone }, clientsPage, options);
  }

  /** `POST /clients`. Not safe to repeat: look the number up first. */
  async createClient(client: AsterilClientInput, options?: AsterilCallOptions) {
    return (await this.#post(this.#contract.paths.clients, client, false, options)).data;
  }

  /** `GET /calls?external_id=`: the call logged under this id, if any. */
  async findCall(
    externalId: string,
    options?: AsterilCallOptions,
  ): Promise<AsterilRecord | undefined> {
    return this.#findByExternalId(this.#contract.paths.calls, externalId, options);
  }

  /** `POST /calls`: safe to repeat, the CRM refuses a second `external_id`. */
  async createCall(call: AsterilCallInput, options?: AsterilCallOptions) {
    return (await this.#post(this.#contract.paths.calls, call, true, options)).data;
  }

  /** `GET /tasks?external_id=`: the task created under this id, if any. */
  async findTask(
    externalId: string,
    options?: AsterilCallOptions,
  ): Promise<AsterilRecord | undefined> {
    return this.#findByExternalId(this.#contract.paths.tasks, externalId, options);
  }

  /** `POST /tasks`: safe to repeat, the CRM refuses a second `external_id`. */
  async createTask(task: AsterilTaskInput, options?: AsterilCallOptions) {
    return (await this.#post(this.#contract.paths.tasks, task, true, options)).data;
  }

  async #findByExternalId(path: string, externalId: string, options?: AsterilCallOptions) {
    const query = { external_id: externalId, per_page: this.#contract.perPage, page: 1 };
    const page = await this.#get(path, query, recordsPage, options);
    return page.data.find((record) => record.external_id === externalId);
  }

  async *#iterate<Item>(
    path: string,
    query: Params,
    schema: z.ZodType<AsterilPage<Item>>,
    options?: AsterilCallOptions,
  ): AsyncGenerator<Item, void, undefined> {
    for (let page = 1; ; page += 1) {
      const answer = await this.#get(
        path,
        { ...query, page, per_page: this.#contract.perPage },
        schema,
        options,
      );
      yield* answer.data;
      if (
        answer.data.length === 0 ||
        !answer.meta ||
        answer.meta.current_page >= answer.meta.last_page
      )
        return;
    }
  }

  async #get<T>(path: string, query: Params, schema: z.ZodType<T>, options?: AsterilCallOptions) {
    return (await this.#http.request({ path, query, schema, signal: options?.signal })).data;
  }

  async #post(path: string, json: object, idempotent: boolean, options?: AsterilCallOptions) {
    const request = { method: 'POST' as const, path, json, schema: createdAnswer, idempotent };
    return (await this.#http.request({ ...request, signal: options?.signal })).data;
  }
}
