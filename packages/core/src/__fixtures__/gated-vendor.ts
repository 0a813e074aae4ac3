import { z } from 'zod';
import { defineConnector } from '../connector/define-connector.js';
import { AuthError } from '../errors/auth-error.js';
import { RateLimitError } from '../errors/rate-limit-error.js';
import { VendorError } from '../errors/vendor-error.js';

/** What the gated vendor answers a request with. */
export type GatedAnswer = 'ok' | 'unauthorized' | 'server-error' | { retryAfterMs: number };

/**
 * An in-process vendor whose every answer the test decides: a request can be held until the
 * test releases it (a vendor that hangs, or holds `e1` while lifecycle calls race), the key it
 * accepts can change, and each delivered id is counted — so "delivered once" is checked at the
 * vendor, not only by the Hub's events.
 */
export class GatedVendor {
  /** The key the vendor accepts. */
  key: string;
  /** Answers by envelope id, used once each; otherwise `ok` (for the right key). */
  readonly answers = new Map<string, GatedAnswer>();
  /** Times each envelope id was accepted. */
  readonly accepted = new Map<string, number>();
  /** Envelope ids in the order they were accepted. */
  readonly order: string[] = [];
  /** Refuse the connector's activation (its `onActivate` hook throws). */
  refuseActivation = false;
  /** Every request: envelope id and the key it carried. */
  readonly requests: Array<{ id: string; key: string }> = [];
  readonly #holds = new Map<string, { promise: Promise<void>; release: () => void }>();
  readonly #arrivals = new Map<string, () => void>();

  constructor(key: string) {
    this.key = key;
  }

  /** Holds the request for `id` (when it comes) until {@link GatedVendor.release}. */
  hold(id: string): void {
    let release = () => {};
    const promise = new Promise<void>((resolve) => (release = resolve));
    this.#holds.set(id, { promise, release });
  }

  /** Lets a held request answer. */
  release(id: string): void {
    this.#holds.get(id)?.release();
    this.#holds.delete(id);
  }

  /** Resolves once a request for `id` has arrived. */
  arrived(id: string): Promise<void> {
    if (this.requests.some((request) => request.id === id)) return Promise.resolve();
    return new Promise((resolve) => this.#arrivals.set(id, resolve));
  }

  /** Handles one request: its scripted answer is taken on arrival, sent after any hold. */
  async handle(id: string, key: string, signal?: AbortSignal): Promise<{ id: string }> {
    this.requests.push({ id, key });
    this.#arrivals.get(id)?.();
    const answer = this.answers.get(id) ?? 'ok';
    this.answers.delete(id);
    const hold = this.#holds.get(id)?.promise;
    if (hold) {
      await new Promise<void>((resolve, reject) => {
        void hold.then(resolve);
        signal?.addEventListener('abort', () => reject(new Error('aborted by the Hub')), {
          once: true,
        });
      });
    }
    // The key is checked when the answer is made: a key rotated while the request hung fails.
    if (key !== this.key || answer === 'unauthorized') throw new AuthError('Wrong API key');
    if (answer === 'server-error') throw new VendorError('try later', { retryable: true });
    if (typeof answer === 'object')
      throw new RateLimitError('Rate limit exceeded', { retryAfterMs: answer.retryAfterMs });
    this.accepted.set(id, (this.accepted.get(id) ?? 0) + 1);
    this.order.push(id);
    return { id };
  }
}

/** One event for the gated vendor. */
export const gatedEventSchema = z.object({ id: z.string(), key: z.string(), at: z.number() });

/** A connector over a {@link GatedVendor}: one action, `deliver`. */
export const gatedConnector = defineConnector({
  vendor: 'gated',
  configSchema: z.object({
    apiKey: z.string().min(1),
    vendor: z.custom<GatedVendor>((value) => value instanceof GatedVendor),
    timeZone: z.string().optional(),
  }),
  createClient: (config: { apiKey: string; vendor: GatedVendor }) => config,
  timeZone: (config) => config.timeZone,
  verify: async () => ({
    reachable: true,
    credentialsValid: true,
    missingPermissions: [],
    problems: [],
  }),
  onActivate: async ({ client }) => {
    if (client.vendor.refuseActivation) throw new VendorError('module registration refused');
  },
  actions: {
    deliver: {
      input: gatedEventSchema,
      run: async (_event, { client, envelopeId, signal }) =>
        client.vendor.handle(envelopeId, client.apiKey, signal),
    },
  },
});

/** The one pipeline of the gated tests: events to `deliver`, in order per `key`. */
export function gatedPipeline(connectorId = 'crm') {
  return {
    id: 'events',
    input: gatedEventSchema,
    eventId: (event: z.output<typeof gatedEventSchema>) => event.id,
    key: (event: z.output<typeof gatedEventSchema>) => event.key,
    occurredAt: (event: z.output<typeof gatedEventSchema>) => event.at,
    to: { connector: connectorId, action: 'deliver' },
  };
}
