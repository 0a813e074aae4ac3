import { IdSequence } from '../kit/id-sequence.js';
import { BonusLedger, type BonusRules } from './bonus-ledger.js';
import type {
  TeycaCardLink,
  TeycaConsentField,
  TeycaLayout,
  TeycaMailing,
  TeycaPass,
  TeycaPassInput,
  TeycaToken,
  TeycaWebhook,
  TeycaWebhookDelivery,
  TeycaWebhookType,
} from './model.js';

/** Options of {@link TeycaState}. */
export interface TeycaStateOptions {
  /** The cabinet's card layouts. */
  readonly layouts: readonly TeycaLayout[];
  /** The account's bonus activation and expiry rules. */
  readonly bonusRules: BonusRules;
  /** Where consent to mailings is read: a pass field and its value, or the simulator's flag. */
  readonly consentField?: TeycaConsentField | undefined;
  /** The clock (epoch ms). */
  readonly now: () => number;
}

/**
 * Called on every change of a pass, for the webhooks; `repeat` is set for a burst (that many
 * events exactly).
 */
export type PassListener = (type: TeycaWebhookType, pass: TeycaPass, repeat?: number) => void;

/** Fields computed on read, never stored. */
const computed = new Set(['user_id', 'fio', 'bonus', 'inactive_bonus']);

/**
 * A simulated Teyca account: passes keyed by `user_id`, layouts, bonuses, consent and
 * notification flags, webhook subscriptions and deliveries, tokens, and every card link and
 * mailing sent (so a test can assert nothing was).
 */
export class TeycaState {
  /** Stored passes (without the computed fields), by `user_id`. */
  readonly passes = new Map<number, TeycaPass>();
  /** Card layouts, by name. */
  readonly layouts = new Map<string, TeycaLayout>();
  /** Bonus accruals. */
  readonly bonuses: BonusLedger;
  /** Consent to mailings per pass (when no `consentField` is set). @defaultValue false */
  readonly consent = new Map<number, boolean>();
  /** PUSH notifications allowed per pass. @defaultValue true */
  readonly notifications = new Map<number, boolean>();
  /** Webhook subscriptions, by id. */
  readonly webhooks = new Map<string, TeycaWebhook>();
  /** Every webhook POST made, oldest first. */
  readonly deliveries: TeycaWebhookDelivery[] = [];
  /** Card links sent by SMS or e-mail. */
  readonly cardLinks: TeycaCardLink[] = [];
  /** Mailings sent (PUSH, SMS, e-mail, Telegram). */
  readonly mailings: TeycaMailing[] = [];
  /** Per-installation tokens, by token. */
  readonly tokens = new Map<string, TeycaToken>();
  /** Main keys (the key ring's grants). */
  readonly keys = new Map<string, true>();
  /** Whether the cabinet's API module is on; off, every request answers 403. */
  apiEnabled = true;
  /** Requests answered 429 so far. */
  throttled = 0;
  readonly #ids = new IdSequence('Teyca');
  readonly #listeners: PassListener[] = [];

  /** The options it was made with. */
  readonly options: TeycaStateOptions;

  /** @param options - the layouts, bonus rules, consent source and clock */
  constructor(options: TeycaStateOptions) {
    this.options = options;
    for (const layout of options.layouts) this.layouts.set(layout.name, { ...layout });
    this.bonuses = new BonusLedger(options.bonusRules, options.now);
  }

  /** Calls `listener` on every change of a pass. */
  onChange(listener: PassListener): void {
    this.#listeners.push(listener);
  }

  /** Adds or replaces a layout (a cabinet action). */
  setLayout(layout: TeycaLayout): void {
    this.layouts.set(layout.name, { ...layout, fields: [...layout.fields] });
  }

  /** Deletes a layout; passes keep its name. */
  removeLayout(name: string): boolean {
    return this.layouts.delete(name);
  }

  /** Creates a pass (as `POST /passes` or a client registering does) and fires CREATE. */
  createPass(input: TeycaPassInput = {}): TeycaPass {
    const template = input.template ?? [...this.layouts.keys()][0] ?? 'Base layout';
    const id = 1_000_000 + this.#ids.next('pass');
    const { bonus, ...fields } = input;
    const pass: TeycaPass = {
      ...fields,
      user_id: id,
      template,
      phone: input.phone ?? null,
      barcode: input.barcode ?? String(id % 10_000_000).padStart(7, '0'),
      created_at: new Date(this.options.now()).toISOString(),
    };
    this.passes.set(id, pass);
    if (bonus !== undefined && Number(bonus) !== 0) this.bonuses.setBalance(id, Number(bonus));
    this.#emit('CREATE', id);
    return this.render(id) as TeycaPass;
  }

  /** Changes only the fields given (as `PUT`, or a cash register, does) and fires UPDATE. */
  updatePass(userId: number, fields: Readonly<Record<string, unknown>>): TeycaPass | undefined {
    const pass = this.passes.get(userId);
    if (pass === undefined) return undefined;
    for (const [field, value] of Object.entries(fields)) {
      if (field === 'bonus') this.bonuses.setBalance(userId, Number(value));
      else if (!computed.has(field)) pass[field] = value;
    }
    this.#emit('UPDATE', userId);
    return this.render(userId);
  }

  /** Deletes a pass and fires DELETE. */
  deletePass(userId: number): boolean {
    const pass = this.render(userId);
    if (pass === undefined) return false;
    this.passes.delete(userId);
    this.bonuses.remove(userId);
    for (const listener of this.#listeners) listener('DELETE', pass);
    return true;
  }

  /** Fires `count` UPDATE webhooks for one pass, as Teyca does in bursts. */
  burst(userId: number, count: number): void {
    const pass = this.render(userId);
    if (pass !== undefined) for (const listener of this.#listeners) listener('UPDATE', pass, count);
  }

  /** The pass as the API shows it, with `fio`, `bonus` and `inactive_bonus` computed. */
  render(userId: number): TeycaPass | undefined {
    const pass = this.passes.get(userId);
    if (pass === undefined) return undefined;
    const names = [pass.last_name, pass.first_name, pass.pat_name].filter(Boolean);
    return {
      ...pass,
      fio: names.join(' '),
      bonus: this.bonuses.balance(userId),
      inactive_bonus: String(this.bonuses.inactive(userId)),
    };
  }

  /** Every pass as the API shows it, by ascending `user_id`. */
  all(): TeycaPass[] {
    return [...this.passes.keys()].sort((a, b) => a - b).map((id) => this.render(id) as TeycaPass);
  }

  /** Whether the client consented to mailings (the pass field, or the simulator's flag). */
  hasConsent(userId: number): boolean {
    const { consentField } = this.options;
    if (consentField) return this.passes.get(userId)?.[consentField.field] === consentField.value;
    return this.consent.get(userId) ?? false;
  }

  /** Whether the card accepts PUSH notifications. */
  allowsPush(userId: number): boolean {
    return this.notifications.get(userId) ?? true;
  }

  #emit(type: TeycaWebhookType, userId: number): void {
    const pass = this.render(userId);
    if (pass !== undefined) for (const listener of this.#listeners) listener(type, pass);
  }
}
