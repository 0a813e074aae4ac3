import { NotFoundError } from '@crossline/core';
import type {
  HttpClient,
  HttpDeclaration,
  HttpRequest,
  ResponseState,
  ResponseVerdict,
} from '@crossline/core/sdk';
import type { ThuliumConfig } from './options.js';
import {
  anyAnswer,
  type CustomerBody,
  createdCustomerAnswer,
  createdTicketAnswer,
  customerAnswer,
  dictionaryEntry,
  listAnswer,
  type ResponseBody,
  type ThuliumTicket,
  type TicketBody,
  temporaryFileAnswer,
  ticketAnswer,
  ticketListItem,
} from './wire.js';

const jsonType = { 'content-type': 'application/json; charset=utf-8' };

/**
 * Thulium's HTTP API, from the options: `<origin>/api`, HTTP Basic of the API user (login and
 * password trimmed, so a pasted newline is never sent), JSON both ways, `Accept-Language` for
 * the error messages, and the rate limit (none documented: an option).
 */
export function thuliumHttp(config: ThuliumConfig): HttpDeclaration {
  return {
    baseUrl: `${config.origin}${config.apiPath}`,
    account: config.origin,
    // The budget's identity (hashed at once): the Basic token, as a password may hold spaces.
    credential: Buffer.from(`${config.user}:${config.password}`).toString('base64'),
    auth: { type: 'basic', username: config.user, password: config.password },
    headers: { accept: 'application/json', 'accept-language': config.language },
    limits: { limit: config.rateLimit },
    retry: { retries: config.retries },
    interpretResponse: interpretThuliumResponse,
  };
}

/**
 * Reads Thulium's error body `{ request_id, errors: [{ message, code }] }`: every message, and
 * the request id to quote to Thulium's support. Status codes keep their usual meaning.
 */
export function interpretThuliumResponse(state: ResponseState): ResponseVerdict | undefined {
  const { body, status } = state;
  if (status < 400 || typeof body !== 'object' || body === null) return undefined;
  const { errors, request_id: requestId } = body as { errors?: unknown; request_id?: unknown };
  if (!Array.isArray(errors)) return undefined;
  const messages = errors
    .map((error) => (error as { message?: unknown } | null)?.message)
    .filter((message): message is string => typeof message === 'string');
  if (messages.length === 0) return undefined;
  const request = typeof requestId === 'string' ? ` (request_id ${requestId})` : '';
  return { message: `${messages.join('; ')}${request}` };
}

/** `custom_fields[<name>]=<value>`, name and value percent-encoded (a space as `%20`). */
export function customFieldQuery(name: string, value: string): string {
  return `custom_fields${encodeURIComponent(`[${name}]`)}=${encodeURIComponent(value)}`;
}

/** A page of `GET /tickets`. */
export interface TicketQuery {
  /** The queue. */
  readonly queueId: number;
  /** Last change from, `YYYY-MM-DD HH:MM:SS` account time. */
  readonly dateFrom: string;
  /** Page size (≤ 100). */
  readonly limit: number;
  /** Tickets to skip. */
  readonly offset: number;
}

/** A typed client of the Thulium API: one method per endpoint. */
export class ThuliumApi {
  readonly #http: HttpClient;

  /** @param http - the HTTP client the SDK built from {@link thuliumHttp} */
  constructor(http: HttpClient) {
    this.#http = http;
  }

  async #send<T>(request: HttpRequest<T>): Promise<T> {
    const headers = request.json === undefined ? request.headers : jsonType;
    return (await this.#http.request({ ...request, headers })).data;
  }

  /** `GET /customers?custom_fields[<field>]=<value>&include_custom_fields=1&limit=…`. */
  findCustomers(field: string, value: string, limit: number, signal?: AbortSignal) {
    return this.#send({
      path: `/customers?${customFieldQuery(field, value)}`,
      query: { include_custom_fields: true, limit },
      schema: listAnswer(customerAnswer),
      signal,
    });
  }

  /** `GET /customers?include_custom_fields=1&limit=…`: a sample, for "check connection". */
  sampleCustomers(limit: number, signal?: AbortSignal) {
    const query = { include_custom_fields: true, limit };
    return this.#send({ path: '/customers', query, schema: listAnswer(customerAnswer), signal });
  }

  /** `POST /customers`: the new id, when the answer carries one. */
  createCustomer(body: CustomerBody, signal?: AbortSignal): Promise<string | undefined> {
    const request = { method: 'POST' as const, path: '/customers', json: body };
    return this.#send({ ...request, schema: createdCustomerAnswer, signal });
  }

  /** `POST /tickets` → the new ticket's id. */
  async createTicket(body: TicketBody, signal?: AbortSignal): Promise<string> {
    const request = { method: 'POST' as const, path: '/tickets', json: body };
    return (await this.#send({ ...request, schema: createdTicketAnswer, signal })).ticket_id;
  }

  /** `GET /tickets?ticket_queue_id=…&date_from=…&limit=…&offset=…`: most recently changed first. */
  listTickets(query: TicketQuery, signal?: AbortSignal) {
    const { queueId, dateFrom, limit, offset } = query;
    return this.#send({
      path: '/tickets',
      query: { ticket_queue_id: queueId, date_from: dateFrom, limit, offset },
      schema: listAnswer(ticketListItem),
      signal,
    });
  }

  /** `GET /tickets/:id?include_custom_fields=1`: the ticket with its messages. */
  getTicket(ticketId: string, signal?: AbortSignal): Promise<ThuliumTicket> {
    return this.#send({
      path: `/tickets/${encodeURIComponent(ticketId)}`,
      query: { include_custom_fields: true },
      schema: ticketAnswer,
      signal,
    });
  }

  /** `PUT /tickets/:id`: only the fields sent change. */
  async updateTicket(ticketId: string, body: Record<string, unknown>, signal?: AbortSignal) {
    const path = `/tickets/${encodeURIComponent(ticketId)}`;
    await this.#send({ method: 'PUT', path, json: body, schema: anyAnswer, signal });
  }

  /** `POST /tickets/:id/customer_response`. */
  async customerResponse(ticketId: string, body: ResponseBody, signal?: AbortSignal) {
    await this.#post(`/tickets/${encodeURIComponent(ticketId)}/customer_response`, body, signal);
  }

  /** `POST /tickets/:id/agent_response` (answers `[]`: no message id). */
  async agentResponse(ticketId: string, body: ResponseBody, signal?: AbortSignal) {
    await this.#post(`/tickets/${encodeURIComponent(ticketId)}/agent_response`, body, signal);
  }

  /** `POST /tickets/:id/comment` (the body's field name is an option: UNCERTAIN). */
  async comment(ticketId: string, body: Record<string, string>, signal?: AbortSignal) {
    await this.#post(`/tickets/${encodeURIComponent(ticketId)}/comment`, body, signal);
  }

  async #post(path: string, json: unknown, signal?: AbortSignal): Promise<void> {
    await this.#send({ method: 'POST', path, json, schema: anyAnswer, signal });
  }

  /** `POST /temporary_files?filename=…` with the raw bytes: a token living 24 h. */
  uploadTemporaryFile(name: string, bytes: Uint8Array, contentType: string, signal?: AbortSignal) {
    return this.#send({
      method: 'POST',
      path: '/temporary_files',
      query: { filename: name },
      bytes,
      headers: { 'content-type': contentType },
      schema: temporaryFileAnswer,
      signal,
    });
  }

  /** A dictionary (ticket queues or categories): entries with an id and a name. */
  dictionary(path: string, signal?: AbortSignal) {
    return this.#send({ path, schema: listAnswer(dictionaryEntry), signal });
  }

  /** `GET /agents/:login`: whether the agent exists. */
  async agentExists(login: string, signal?: AbortSignal): Promise<boolean> {
    try {
      await this.#send({ path: `/agents/${encodeURIComponent(login)}`, schema: anyAnswer, signal });
      return true;
    } catch (error) {
      if (NotFoundError.isInstance(error)) return false;
      throw error;
    }
  }
}
