import type { HttpClient, Params } from '@crossline/core/sdk';
import type { z } from 'zod';
import type { AsterilContract } from './contract.js';
import {
  type AsterilClient,
  type AsterilField,
  type AsterilPage,
  type AsterilRecord,
  type AsterilUser,
  asterilClientSchema,
  asterilFieldSchema,
  asterilRecordSchema,
  asterilUserSchema,
  itemSchema,
  pageSchema,
} from './schemas.js';

/** Per-call options of {@link AsterilApi} methods. */
export interface AsterilCallOptions {
  /** Cancels the request and its retries. */
  signal?: AbortSignal | undefined;
}

/** A Client as sent to `POST /clients`: never a responsible manager (set by hand in the CRM). */
export interface AsterilClientInput {
  /** The Client's name. */
  name?: string;
  /** The number, canonical (`380671234567`). */
  phone: string;
  /** Text fields by code: UTM tags and extra parameters. */
  text_fields?: Readonly<Record<string, string>>;
}

/** A call as sent to `POST /calls`. */
export interface AsterilCallInput {
  /** The Client it is bound to. */
  client_id?: number;
  /** The client's number, canonical. */
  phone: string;
  /** `in` or `out`. */
  direction: 'in' | 'out';
  /** How it ended. */
  status: 'answered' | 'missed' | 'busy' | 'failed';
  /** Start, ISO 8601. */
  started_at: string;
  /** Talk time, seconds. */
  duration_sec: number;
  /** A recording that can be played and downloaded (answered calls). */
  record_url?: string;
  /** The call's id: looked up before create, refused twice. */
  external_id: string;
}

/** A task as sent to `POST /tasks`. */
export interface AsterilTaskInput {
  /** The title. */
  title: string;
  /** Details. */
  description?: string;
  /** The Client it is bound to. */
  client_id?: number;
  /** Who does it: the manager whose key set up the integration. */
  responsible_id: number;
  /** Due, ISO 8601. */
  due_at?: string;
  /** The task type, e.g. `missed_call`. */
  type: string;
  /** The task's id: looked up before create. */
  external_id: string;
}

const user = itemSchema(asterilUserSchema);
const created = itemSchema(asterilRecordSchema);
const clients = pageSchema(asterilClientSchema);
const fields = pageSchema(asterilFieldSchema);
const records = pageSchema(asterilRecordSchema);

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
    return (await this.#get(this.#contract.paths.me, {}, user, options)).data;
  }

  /** `GET /client-fields`: every field of Clients, page after page. */
  clientFields(options?: AsterilCallOptions): AsyncGenerator<AsterilField, void, undefined> {
    return this.#iterate(this.#contract.paths.clientFields, {}, fields, options);
  }

  /** `GET /clients?phone=`: the Clients stored with exactly this form of a number. */
  clientsByPhone(
    phone: string,
    options?: AsterilCallOptions,
  ): AsyncGenerator<AsterilClient, void, undefined> {
    return this.#iterate(this.#contract.paths.clients, { phone }, clients, options);
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
    const page = await this.#get(path, query, records, options);
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
    const request = { method: 'POST' as const, path, json, schema: created, idempotent };
    return (await this.#http.request({ ...request, signal: options?.signal })).data;
  }
}
