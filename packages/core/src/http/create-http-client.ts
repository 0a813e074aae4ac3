import ky from 'ky';
import pRetry from 'p-retry';
import type { CrosslineError } from '../errors/crossline-error.js';
import { RateLimitError } from '../errors/rate-limit-error.js';
import { type Logger, resolveLogger } from '../log.js';
import { parseRateLimitHeaders } from '../rate-limit/headers.js';
import type { RateLimiter } from '../rate-limit/rate-limiter.js';
import { delay } from '../util/delay.js';
import { SecretRedactor } from '../util/redact.js';
import { type Answer, readAnswer } from './answer.js';
import {
  type ClassifyContext,
  errorFromFailure,
  errorFromResponse,
  toCrosslineError,
} from './classify.js';
import { startDeadline } from './deadline.js';
import { routeOf } from './encode.js';
import { validateHttpClientOptions } from './options.js';
import { applyAuth, type OutgoingRequest, prepareRequest, requestUrl } from './prepare-request.js';
import {
  mayRetry,
  type ResolvedRetryOptions,
  retryDefaults,
  retryDelay,
  throttlePause,
} from './retry-policy.js';
import { normalizeAuth, secretForms } from './secrets.js';
import type { HttpClient, HttpClientOptions, HttpRequest, HttpResponse } from './types.js';
import { validateAnswer } from './validate-answer.js';

const unlimited: RateLimiter = { schedule: (task) => task(), pause: () => {} };

/**
 * Creates the HTTP client a connector talks to its vendor through. Every attempt goes through
 * the rate limiter and is bounded by `timeoutMs` as a whole (headers and body); failures are
 * classified into crossline's error classes — and anything else that goes wrong leaves as a
 * crossline error too, its message redacted; what is safe to retry is retried with
 * full-jitter backoff that honours `Retry-After`; a throttled answer pauses the whole
 * rate-limit bucket of the account (at most `retry.maxThrottlePauseMs`). Credentials are
 * validated and trimmed at construction, and no form of them reaches a log line or an error.
 *
 * @param options - base URL, auth, limiter, retry and hooks; validated at once
 * @throws {@link index!ConfigError} when an option is invalid
 *
 * @example
 * ```ts
 * const http = createHttpClient({
 *   baseUrl: 'https://demo.retailcrm.ru/api/v5',
 *   auth: { type: 'header', name: 'X-API-KEY', value: apiKey },
 *   rateLimiter: new LocalRateLimiter({ limit: 10 }),
 * });
 * const { data } = await http.request({ path: '/customers', query: { limit: 100 } });
 * ```
 */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  validateHttpClientOptions(options);
  return new KyHttpClient(options);
}

class KyHttpClient implements HttpClient {
  readonly #options: HttpClientOptions;
  readonly #baseUrl: string;
  readonly #limiter: RateLimiter;
  readonly #retry: ResolvedRetryOptions;
  readonly #redactor: SecretRedactor;
  readonly #logger: Logger;
  readonly #random: () => number;

  constructor(options: HttpClientOptions) {
    this.#options = { ...options, auth: normalizeAuth(options.auth) };
    this.#baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.#limiter = options.rateLimiter ?? unlimited;
    this.#retry = resolveRetry(options.retry);
    this.#redactor = new SecretRedactor(secretForms(options.auth, options.secrets));
    this.#logger = resolveLogger(
      options.logger,
      { component: 'crossline:http' },
      options.logPersonalData === undefined ? {} : { logPersonalData: options.logPersonalData },
    );
    this.#random = options.random ?? Math.random;
  }

  async request<T = unknown>(request: HttpRequest<T>): Promise<HttpResponse<T>> {
    let context: ClassifyContext = {
      method: request.method ?? 'GET',
      url: this.#redactor.url(this.#baseUrl),
      connectorId: this.#options.connectorId,
      redactor: this.#redactor,
    };
    try {
      const url = requestUrl(request, this.#baseUrl);
      context = { ...context, url: this.#redactor.url(url) };
      return await this.#attempts(request, url, context);
    } catch (error) {
      // Whatever leaves request() is a crossline error with its message redacted — a bug in a
      // hook or a refusal by fetch included — except the caller's own abort reason.
      if (request.signal?.aborted && error === request.signal.reason) throw error;
      throw toCrosslineError(context, error);
    }
  }

  #attempts<T>(
    request: HttpRequest<T>,
    url: string,
    context: ClassifyContext,
  ): Promise<HttpResponse<T>> {
    const method = request.method ?? 'GET';
    const route = routeOf(request.path);
    const priority = request.priority ?? 0;
    return pRetry(
      (attempt) => {
        const outgoing = prepareRequest(request, url, this.#options);
        const send = async () => {
          await applyAuth(this.#options.auth, outgoing);
          return this.#send(request, outgoing, context, route, attempt);
        };
        // A retry goes ahead of requests that have not been tried yet.
        const order = attempt > 1 ? priority + 1 : priority;
        return this.#limiter.schedule(send, { route, signal: request.signal, priority: order });
      },
      {
        retries: this.#retry.retries,
        minTimeout: 0,
        maxTimeout: 0,
        ...(request.signal ? { signal: request.signal } : {}),
        onFailedAttempt: async ({ error, attemptNumber, retriesLeft }) => {
          if (retriesLeft === 0 || !mayRetry(error, method, request.idempotent)) throw error;
          await this.#waitBeforeRetry(error as CrosslineError, attemptNumber, request.signal);
        },
      },
    );
  }

  async #waitBeforeRetry(
    error: CrosslineError,
    attempt: number,
    signal: AbortSignal | undefined,
  ): Promise<void> {
    const delayMs = retryDelay(error, attempt, this.#retry, this.#random);
    if (delayMs === undefined) throw error;
    this.#logger.debug({ attempt, delayMs, code: error.code, url: error.request?.url }, 'retrying');
    this.#notify('onRetry', { attempt, delayMs, error });
    // A throttled request's bucket is already paused for this long: the retry queues at once.
    if (RateLimitError.isInstance(error) && this.#options.rateLimiter) return;
    await delay(delayMs, signal);
  }

  /** Pauses the whole bucket of a throttled route, whether or not the request is retried. */
  #throttled(error: RateLimitError, route: string, attempt: number): void {
    const pauseMs = throttlePause(error, attempt, this.#retry);
    this.#limiter.pause(pauseMs, { route });
    this.#logger.warn({ url: error.request?.url, pauseMs }, 'vendor throttled: bucket paused');
    // The route is the request's path: a vendor that takes a token in the path has it there.
    const reported = this.#redactor.text(route);
    if (error.request) {
      this.#notify('onThrottled', { route: reported, pauseMs, request: error.request });
    }
  }

  /** Calls a host hook; a hook that throws is logged, never allowed to replace the real error. */
  #notify<K extends 'onRetry' | 'onThrottled'>(
    name: K,
    state: Parameters<NonNullable<HttpClientOptions[K]>>[0],
  ): void {
    try {
      (this.#options[name] as ((value: typeof state) => void) | undefined)?.(state);
    } catch (error) {
      this.#logger.warn({ hook: name, error: this.#redactor.text(String(error)) }, 'hook threw');
    }
  }

  async #send<T>(
    request: HttpRequest<T>,
    outgoing: OutgoingRequest,
    context: ClassifyContext,
    route: string,
    attempt: number,
  ): Promise<HttpResponse<T>> {
    const started = performance.now();
    const { response, answer } = await this.#exchange(request, outgoing, context, attempt);
    const { status, headers } = response;
    const durationMs = Math.round(performance.now() - started);
    this.#logger.debug(
      { method: context.method, url: context.url, status, attempt, durationMs },
      'response',
    );
    this.#observeBudget(headers, route);
    const { body } = answer;
    const verdict = this.#options.interpretResponse?.({ status, headers, body, route });
    if (!response.ok || verdict?.throttled || verdict?.failure) {
      const error = errorFromResponse(context, { status, headers, body, verdict, answer });
      if (RateLimitError.isInstance(error)) this.#throttled(error, route, attempt);
      throw error;
    }
    return { status, headers, data: validateAnswer(request, context, status, answer) };
  }

  /** Sends one attempt and reads its body, the whole exchange bounded by `timeoutMs`. */
  async #exchange(
    request: HttpRequest<unknown>,
    outgoing: OutgoingRequest,
    context: ClassifyContext,
    attempt: number,
  ): Promise<{ response: Response; answer: Answer }> {
    const timeoutMs = request.timeoutMs ?? this.#options.timeoutMs ?? 30_000;
    const deadline = startDeadline(timeoutMs, request.signal);
    try {
      const response = await ky(outgoing.url, {
        method: outgoing.method,
        headers: outgoing.headers,
        ...(outgoing.body === undefined ? {} : { body: outgoing.body }),
        signal: deadline.signal,
        timeout: false,
        retry: 0,
        throwHttpErrors: false,
        ...(this.#options.fetch ? { fetch: this.#options.fetch } : {}),
      });
      return { response, answer: await readAnswer(response, deadline.signal) };
    } catch (failure) {
      this.#logger.debug({ method: context.method, url: context.url, attempt }, 'request failed');
      throw errorFromFailure(context, failure, request.signal, deadline.expired);
    } finally {
      deadline.clear();
    }
  }

  /** Pauses the bucket ahead of time when the vendor says the budget is spent. */
  #observeBudget(headers: Headers, route: string): void {
    const budget = parseRateLimitHeaders(headers);
    if (budget?.remaining === 0 && budget.resetMs !== undefined && budget.resetMs > 0) {
      this.#limiter.pause(Math.min(budget.resetMs, this.#retry.maxRetryAfterMs), { route });
    }
  }
}

function resolveRetry(retry: HttpClientOptions['retry']): ResolvedRetryOptions {
  const resolved = { ...retryDefaults };
  for (const key of Object.keys(resolved) as (keyof ResolvedRetryOptions)[]) {
    const value = retry?.[key];
    if (value !== undefined) resolved[key] = value;
  }
  return resolved;
}
