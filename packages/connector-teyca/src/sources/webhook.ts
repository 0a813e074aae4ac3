import { createHash, timingSafeEqual } from 'node:crypto';
import { ValidationError } from '@crossline/core';
import { webhookBodySchema } from '../wire.js';
import type { TeycaPassEvent } from './events.js';

/** What a webhook handler answers Teyca. */
export interface WebhookResponse {
  /** The HTTP status: 200 stored (or a repeat), 400 unreadable, 401 wrong secret, 503 not stored. */
  readonly status: number;
  /** A short plain-text body. */
  readonly body?: string | undefined;
}

/** Options of {@link createTeycaWebhookHandler}. */
export interface TeycaWebhookOptions {
  /**
   * Stores an event durably — wire it to a pipeline handle's `publish` (`hub.pipeline(…)`) or a
   * queue's append. The handler answers 2xx only after it resolves; when it resolves with
   * `{ duplicate: true }` (the Hub's answer for an id it has), an UPDATE also stores a
   * follow-up in the next time bucket, held (`notBefore`) until this bucket is over (see
   * `coalesceMs`).
   */
  readonly publish: (event: TeycaPassEvent) => Promise<unknown>;
  /**
   * A shared secret expected in the subscribed URL's query (`…?secret=<value>`): Teyca signs
   * nothing, so without it anyone who learns the URL can post events (harmless — events only
   * trigger a re-fetch — but noisy). Compared in constant time, never logged. @defaultValue none
   */
  readonly secret?: string | undefined;
  /** The query parameter that carries the secret. @defaultValue 'secret' */
  readonly secretParam?: string | undefined;
  /**
   * How long a burst of UPDATEs of one card is coalesced, in ms: the id is the card and the
   * time bucket; a repeat in the bucket stores one follow-up, acted on once the bucket is over
   * (2 s after its end), so the last change of a burst is read at most `coalesceMs` + 2 s late.
   * `0` stores every UPDATE. @defaultValue 60000
   */
  readonly coalesceMs?: number | undefined;
  /** The largest body read, in bytes (by the adapters). @defaultValue 1048576 */
  readonly maxBodyBytes?: number | undefined;
  /** The clock. @defaultValue Date.now */
  readonly now?: (() => number) | undefined;
}

/**
 * A framework-agnostic Teyca webhook handler: the raw body, the headers and the request URL
 * (path and query) in, the status to answer out.
 */
export type TeycaWebhookHandler = ((
  rawBody: string,
  headers: Readonly<Record<string, string | undefined>>,
  url?: string,
) => Promise<WebhookResponse>) & {
  /** The options it was built with (the adapters read `maxBodyBytes`). */
  readonly options: TeycaWebhookOptions;
};

const eventTypes = ['CREATE', 'UPDATE', 'DELETE'] as const;

/** How long after its bucket ends a follow-up is acted on: room for the Hub's clock to differ. */
const followUpMarginMs = 2_000;
const digestOf = (text: string) => createHash('sha256').update(text).digest();

/**
 * Teyca's webhook inlet (CREATE / UPDATE / DELETE): checks the optional shared secret in the
 * URL, reads the body leniently (only the type and `pass.user_id`; the pass itself is never
 * trusted — the action that consumes the event re-fetches it), and stores the event through
 * `publish` BEFORE answering 2xx. CREATE and DELETE of a card make one event each however often
 * Teyca repeats them; UPDATEs of a card within `coalesceMs` make one (plus one follow-up, held
 * until the bucket is over so it reads the burst's last change), so a burst of hundreds costs
 * one or two re-fetches. Mount it with {@link toNodeHandler} or
 * {@link toFetchHandler}.
 *
 * @example
 * ```ts
 * const passes = hub.pipeline(loyaltySync); // input: teycaPassEventSchema
 * const inlet = createTeycaWebhookHandler({ publish: (event) => passes.publish(event), secret });
 * http.createServer(toNodeHandler(inlet)).listen(8080);
 * // subscribe https://hooks.example/teyca?secret=<secret> for CREATE, UPDATE and DELETE
 * ```
 */
export function createTeycaWebhookHandler(options: TeycaWebhookOptions): TeycaWebhookHandler {
  const { publish, secret, secretParam = 'secret', coalesceMs = 60_000, now = Date.now } = options;
  if (typeof publish !== 'function')
    throw new TypeError('createTeycaWebhookHandler: publish must be a function');
  if (!Number.isInteger(coalesceMs) || coalesceMs < 0 || coalesceMs > 86_400_000)
    throw new TypeError(
      'createTeycaWebhookHandler: coalesceMs must be an integer from 0 to 86400000 (a day)',
    );
  const expected = secret === undefined ? undefined : digestOf(secret);
  const handler = async (
    rawBody: string,
    _headers: unknown,
    url?: string,
  ): Promise<WebhookResponse> => {
    if (expected && !secretMatches(expected, url, secretParam))
      return { status: 401, body: 'unauthorized' };
    let body: unknown;
    try {
      body = JSON.parse(rawBody);
    } catch {
      return { status: 400, body: 'not JSON' };
    }
    const parsed = webhookBodySchema.safeParse(body);
    if (!parsed.success) return { status: 400, body: 'expected { type, pass: { user_id } }' };
    const receivedAt = now();
    const userId = parsed.data.pass.user_id;
    const type = eventTypes.find((known) => known === parsed.data.type) ?? 'UPDATE';
    const event = (id: string): TeycaPassEvent => ({
      id,
      type,
      userId,
      receivedAt,
      origin: 'webhook',
    });
    try {
      if (type !== 'UPDATE') {
        await publish(event(`${type}:${userId}`));
      } else if (coalesceMs <= 0) {
        await publish(
          event(`UPDATE:${userId}:${receivedAt}:${Math.random().toString(36).slice(2, 10)}`),
        );
      } else {
        const bucket = Math.floor(receivedAt / coalesceMs);
        const result = await publish(event(`UPDATE:${userId}:${bucket}`));
        if ((result as { duplicate?: unknown } | undefined)?.duplicate === true) {
          // The follow-up is acted on only once this bucket is over (plus a margin for the
          // clocks), so its read sees every UPDATE of the bucket, however many came after the
          // first envelope was delivered.
          const notBefore = (bucket + 1) * coalesceMs + followUpMarginMs;
          await publish({ ...event(`UPDATE:${userId}:${bucket + 1}`), notBefore });
        }
      }
    } catch (error) {
      if (ValidationError.isInstance(error)) return { status: 400, body: 'event refused' };
      return { status: 503, body: 'not stored, retry later' };
    }
    return { status: 200, body: 'ok' };
  };
  return Object.assign(handler, { options });
}

function secretMatches(expected: Buffer, url: string | undefined, param: string): boolean {
  if (url === undefined) return false;
  let given: string | null;
  try {
    given = new URL(url, 'http://localhost').searchParams.get(param);
  } catch {
    return false;
  }
  return given !== null && timingSafeEqual(expected, digestOf(given));
}
