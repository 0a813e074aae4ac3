import type { TeycaPass, TeycaWebhookDelivery, TeycaWebhookType } from './model.js';
import type { TeycaState } from './state.js';

/** How the simulator delivers webhooks. */
export interface WebhookSenderOptions {
  /** UPDATE events POSTed per change of a pass (Teyca sends bursts). */
  readonly updateBurst: number;
  /** What a DELETE carries: only `{ user_id }`, or the whole pass. */
  readonly deleteBody: 'user-id' | 'full';
  /** How long to wait for the receiver, ms. */
  readonly timeoutMs: number;
  /** Deliveries on their way at once (1: strictly in order). */
  readonly concurrency: number;
}

interface Queued {
  readonly url: string;
  readonly type: TeycaWebhookType;
  readonly userId: number;
  readonly text: string;
}

/**
 * POSTs `{ type, pass }` to the subscribed URL of each event's type, `concurrency` at a time in
 * the order they happened, recording each in `state.deliveries`. No signature, no retry.
 */
export class WebhookSender {
  readonly #queue: Queued[] = [];
  #active = 0;
  #idle: Array<() => void> = [];

  constructor(
    private readonly state: TeycaState,
    private readonly options: WebhookSenderOptions,
  ) {
    state.onChange((type, pass, repeat) => this.#enqueue(type, pass, repeat));
  }

  /** Deliveries queued or on their way. */
  get pending(): number {
    return this.#queue.length + this.#active;
  }

  /** Resolves when every delivery queued so far has been made (answered or failed). */
  idle(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }

  #enqueue(type: TeycaWebhookType, pass: TeycaPass, repeat?: number): void {
    const hooks = [...this.state.webhooks.values()].filter((hook) => hook.type === type);
    const times = repeat ?? (type === 'UPDATE' ? this.options.updateBurst : 1);
    const body =
      type === 'DELETE' && this.options.deleteBody === 'user-id'
        ? { type, pass: { user_id: pass.user_id } }
        : { type, pass };
    const text = JSON.stringify(body);
    for (const hook of hooks) {
      for (let index = 0; index < times; index += 1) {
        this.#queue.push({ url: hook.url, type, userId: pass.user_id, text });
      }
    }
    this.#next();
  }

  #next(): void {
    while (this.#active < this.options.concurrency && this.#queue.length > 0) {
      const { url, type, userId, text } = this.#queue.shift() as Queued;
      this.#active += 1;
      void this.#post(url, type, userId, text).finally(() => {
        this.#active -= 1;
        this.#next();
      });
    }
    if (this.pending === 0) for (const resolve of this.#idle.splice(0)) resolve();
  }

  async #post(url: string, type: TeycaWebhookType, userId: number, text: string): Promise<void> {
    const delivery: TeycaWebhookDelivery = { type, userId, url };
    this.state.deliveries.push(delivery);
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: text,
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      await response.arrayBuffer().catch(() => undefined);
      delivery.status = response.status;
    } catch (error) {
      delivery.error = error instanceof Error ? error.message : String(error);
    }
  }
}
