import { NotFoundError } from '@crossline/core';
import type { HttpClient, HttpDeclaration, HttpRequest } from '@crossline/core/sdk';
import { installationGuard } from './lib/installation.js';
import { teycaLimits } from './lib/limits.js';
import type { TeycaConfig } from './options.js';
import {
  anyAnswer,
  mailingAnswer,
  passAnswer,
  passListAnswer,
  type TeycaBonus,
  type TeycaChannel,
  type TeycaPass,
  type TeycaPassFields,
  tokenListAnswer,
} from './wire.js';

/**
 * Teyca's HTTP API, from the options: the main key sent as is in `Authorization` (no prefix),
 * the token in every URL path — both redacted from every URL, log line, error and event —
 * JSON both ways, the limits of every window, and a 429 without `Retry-After` pausing the
 * account from `throttleDelayMs` (60 s), doubling per retry. Error bodies (text, `{ error }`
 * or `{ message }`) are read by core's default reading.
 */
export function teycaHttp(config: TeycaConfig): HttpDeclaration {
  return {
    baseUrl: config.origin,
    account: config.origin,
    credential: config.apiKey,
    auth: { type: 'header', name: 'Authorization', value: config.apiKey },
    secrets: [config.token, encodeURIComponent(config.token.trim())],
    headers: { accept: 'application/json' },
    limits: teycaLimits(config.limits),
    retry: {
      retries: config.retries,
      throttleDelayMs: config.throttleDelayMs,
      // 60 s, 120 s, 240 s, 480 s: the doubling pause is capped here, not at 5 minutes.
      maxThrottlePauseMs: Math.max(300_000, config.throttleDelayMs * 8),
    },
  };
}

/** `field=value` pairs of Teyca's `search`: values encoded, the `=` and `,` between them not. */
export function encodeSearch(search: Readonly<Record<string, string>>): string {
  return Object.entries(search)
    .map(([field, value]) => `${encodeURIComponent(field)}=${encodeURIComponent(value)}`)
    .join(',');
}

/** A list or search request. */
export interface PassQuery {
  /** `field=value` conditions (AND, UNCERTAIN), e.g. `{ phone: '79001234567' }`. */
  readonly search?: Readonly<Record<string, string>> | undefined;
  /** Page size. */
  readonly limit: number;
  /** Passes to skip. */
  readonly offset: number;
}

/**
 * A typed client of the Teyca API: one method per endpoint. Every path but the token list
 * carries the token (`/v1/{token}/…`); no request leaves before the installation guard has
 * claimed the token for this installation.
 */
export class TeycaApi {
  readonly #http: HttpClient;
  readonly #prefix: string;
  readonly #claim: () => Promise<void>;

  /**
   * @param http - the HTTP client the SDK built from {@link teycaHttp}
   * @param config - the options (the token, the installation guard)
   */
  constructor(http: HttpClient, config: TeycaConfig) {
    this.#http = http;
    this.#prefix = `/v1/${encodeURIComponent(config.token.trim())}`;
    this.#claim = installationGuard(config);
  }

  async #send<T>(request: HttpRequest<T>): Promise<T> {
    await this.#claim();
    return (await this.#http.request(request)).data;
  }

  /** `GET /v1/authorization` (main key only): the account's tokens (shape UNCERTAIN). */
  listTokens(signal?: AbortSignal): Promise<unknown> {
    return this.#send({ path: '/v1/authorization', schema: tokenListAnswer, signal });
  }

  /** `GET /v1/{token}/passes?search=…&limit=…&offset=…`: a list or search page. */
  listPasses(query: PassQuery, signal?: AbortSignal) {
    const search = query.search ? `?search=${encodeSearch(query.search)}` : '';
    return this.#send({
      path: `${this.#prefix}/passes${search}`,
      query: { limit: query.limit, offset: query.offset },
      schema: passListAnswer,
      signal,
    });
  }

  /** `GET /v1/{token}/passes/userid/{id}`: one pass, or `null` (404 or an empty answer). */
  getPass(userId: string, signal?: AbortSignal): Promise<TeycaPass | null> {
    return this.#getOne(`/passes/userid/${encodeURIComponent(userId)}`, signal);
  }

  /** `GET /v1/{token}/passes/barcode/{barcode}`: one pass, or `null`. */
  getPassByBarcode(barcode: string, signal?: AbortSignal): Promise<TeycaPass | null> {
    return this.#getOne(`/passes/barcode/${encodeURIComponent(barcode)}`, signal);
  }

  async #getOne(path: string, signal?: AbortSignal): Promise<TeycaPass | null> {
    try {
      const data = await this.#send({ path: `${this.#prefix}${path}`, signal });
      if (data === undefined || data === null || data === '') return null;
      return passAnswer.parse(data);
    } catch (error) {
      if (NotFoundError.isInstance(error)) return null;
      throw error;
    }
  }

  /** `POST /v1/{token}/passes`: creates a pass (the answer's shape is UNCERTAIN). */
  createPass(fields: TeycaPassFields, signal?: AbortSignal): Promise<unknown> {
    const path = `${this.#prefix}/passes`;
    return this.#send({ method: 'POST', path, json: fields, schema: anyAnswer, signal });
  }

  /** `PUT /v1/{token}/passes/{id}`: changes only the keys sent. */
  async updatePass(userId: string, fields: TeycaPassFields, signal?: AbortSignal): Promise<void> {
    const path = `${this.#prefix}/passes/${encodeURIComponent(userId)}`;
    await this.#send({ method: 'PUT', path, json: fields, schema: anyAnswer, signal });
  }

  /** `DELETE /v1/{token}/passes/{id}`. */
  async deletePass(userId: string, signal?: AbortSignal): Promise<void> {
    const path = `${this.#prefix}/passes/${encodeURIComponent(userId)}`;
    await this.#send({ method: 'DELETE', path, schema: anyAnswer, signal });
  }

  /** `POST /v1/{token}/send/sms` `{ user_id, phone }` or `/send/email` `{ user_id, email }`. */
  async sendCardLink(
    userId: string,
    to: { readonly phone: string } | { readonly email: string },
    signal?: AbortSignal,
  ): Promise<void> {
    const channel = 'phone' in to ? 'sms' : 'email';
    const json = { user_id: userId, ...to };
    const path = `${this.#prefix}/send/${channel}`;
    await this.#send({ method: 'POST', path, json, schema: anyAnswer, signal });
  }

  /** `POST /v1/{token}/passes/{id}/bonuses` `{ bonus: [...] }`: one operation per element. */
  async addBonuses(userId: string, bonus: TeycaBonus[], signal?: AbortSignal): Promise<void> {
    const path = `${this.#prefix}/passes/${encodeURIComponent(userId)}/bonuses`;
    await this.#send({ method: 'POST', path, json: { bonus }, schema: anyAnswer, signal });
  }

  /**
   * `POST /v1/{token}/message/{channel}`: a mailing to the holders of the passes. PUSH takes a
   * singular `user_id`, SMS and Telegram a plural `user_ids`; both a comma-separated string.
   */
  sendMessage(channel: TeycaChannel, message: MailingRequest, signal?: AbortSignal) {
    const ids = message.userIds.join(',');
    const json = {
      [channel === 'push' ? 'user_id' : 'user_ids']: ids,
      [`${channel}_message`]: message.text,
      ...(message.dateStart === undefined ? {} : { date_start: message.dateStart }),
    };
    const path = `${this.#prefix}/message/${channel}`;
    return this.#send({ method: 'POST', path, json, schema: mailingAnswer, signal });
  }
}

/** A mailing: to whom, what, when. */
export interface MailingRequest {
  /** The pass ids. */
  readonly userIds: readonly string[];
  /** The text. */
  readonly text: string;
  /** When to send, ISO 8601 UTC; at once when absent. */
  readonly dateStart?: string | undefined;
}
