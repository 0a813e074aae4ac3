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
}

/**
 * POSTs `{ type, pass }` to the subscribed URL of each event's type, one delivery after
 * another in order, recording each in `state.deliveries`. No signature, no retry.
 */
export class WebhookSender {
  #queue: Promise<void> = Promise.resolve();
  #pending = 0;

  constructor(
    private readonly state: TeycaState,
    private readonly options: WebhookSenderOptions,
  ) {
    state.onChange((type, pass) => this.#enqueue(type, pass));
  }

  /** Deliveries queued or on their way. */
  get pending(): number {
    return this.#pending;
  }

  /** Resolves when every delivery queued so far has been made (answered or failed). */
  async idle(): Promise<void> {
    while (this.#pending > 0) await this.#queue;
  }

  #enqueue(type: TeycaWebhookType, pass: TeycaPass): void {
    const hooks = [...this.state.webhooks.values()].filter((hook) => hook.type === type);
    const times = type === 'UPDATE' ? this.options.updateBurst : 1;
    const body =
      type === 'DELETE' && this.options.deleteBody === 'user-id'
        ? { type, pass: { user_id: pass.user_id } }
        : { type, pass };
    const text = JSON.stringify(body);
    for (const hook of hooks) {
      for (let index = 0; index < times; index += 1) {
        this.#pending += 1;
        this.#queue = this.#queue
          .then(() => this.#post(hook.url, type, pass.user_id, text))
          .finally(() => {
            this.#pending -= 1;
          });
      }
    }
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
