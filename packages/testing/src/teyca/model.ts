/**
 * A Teyca pass (card = client) as the API shows it: an open object — the simulator keeps every
 * field it was sent, and computes `fio`, `bonus` (active, unexpired bonuses) and
 * `inactive_bonus` (bonuses not yet active) on every read.
 */
export interface TeycaPass {
  /** The pass/client id (7 digits from 1000001). */
  readonly user_id: number;
  /** The name of the card layout. */
  template: string;
  /** The phone, stored exactly as sent (`79001234567` is the vendor's form). */
  phone: string | null;
  /** The card barcode (a string: leading zeros matter). */
  barcode: string;
  /** Any other field of the vendor's pass (`first_name`, `email`, `key1`…). */
  [field: string]: unknown;
}

/** Fields to create a pass with, as `POST /passes` takes them. */
export interface TeycaPassInput {
  /** The layout name. @defaultValue the first layout */
  template?: string | undefined;
  /** The phone. */
  phone?: string | undefined;
  /** The barcode. @defaultValue a generated 7-digit one */
  barcode?: string | undefined;
  /** A starting balance (an accrual active now, never expiring). */
  bonus?: number | undefined;
  /** Any other pass field. */
  [field: string]: unknown;
}

/** A card layout (template) configured in the cabinet; passes name it in `template`. */
export interface TeycaLayout {
  /** The layout name, e.g. `Base layout`. */
  name: string;
  /** The personal fields the card shows. */
  fields: string[];
}

/** One bonus accrual (or, when allowed, a negative write-off) on a pass. */
export interface TeycaBonus {
  /** The accrual's id. */
  readonly id: number;
  /** The pass. */
  readonly user_id: number;
  /** The amount. */
  readonly value: number;
  /** When it becomes active (ISO-8601). */
  readonly active_from: string;
  /** When it expires (ISO-8601), or null for never. */
  readonly expires_at: string | null;
  /** When it was recorded (ISO-8601). */
  readonly created_at: string;
}

/** The webhook event types. */
export type TeycaWebhookType = 'CREATE' | 'UPDATE' | 'DELETE';

/** A webhook subscription (one per event type). */
export interface TeycaWebhook {
  /** The subscription id (32 hex characters). */
  readonly id: string;
  /** The event type. */
  type: TeycaWebhookType;
  /** Where events are POSTed. */
  url: string;
}

/** One webhook POST the simulator made. */
export interface TeycaWebhookDelivery {
  /** The event type. */
  readonly type: TeycaWebhookType;
  /** The pass it is about. */
  readonly userId: number;
  /** The URL it was POSTed to. */
  readonly url: string;
  /** The receiver's status, when it answered. */
  status?: number | undefined;
  /** Why it failed, when it did not answer. */
  error?: string | undefined;
}

/** A card link sent to a client by SMS or e-mail (`/send/sms`, `/send/email`). */
export interface TeycaCardLink {
  /** The channel. */
  readonly channel: 'sms' | 'email';
  /** The pass. */
  readonly userId: number;
  /** The phone or address it went to. */
  readonly to: string;
}

/** One mailing (`/message/push`, `/message/sms`, `/message/email`, `/message/telegram`). */
export interface TeycaMailing {
  /** The mailing id. */
  readonly id: number;
  /** The channel. */
  readonly channel: 'push' | 'sms' | 'email' | 'telegram';
  /** The text (or the e-mail subject). */
  readonly text: string;
  /** The ids asked for. */
  readonly requested: readonly number[];
  /** The ids it reached: consenting clients (and, for PUSH, notifications allowed). */
  readonly delivered: readonly number[];
  /** When it was scheduled for, if given. */
  readonly dateStart?: string | undefined;
}

/** A per-installation authorization token. */
export interface TeycaToken {
  /** The token (32 characters), carried in the URL path. */
  readonly token: string;
  /** The free label it was created with. */
  readonly identifier: string;
  /** The installation it is bound to after its first use. */
  fingerprint?: string | undefined;
  /** Blocked for good (used from a second installation, or by `blockToken()`). */
  blocked: boolean;
}

/** Where consent to mailings is read from a pass: the field and the value meaning "consented". */
export interface TeycaConsentField {
  /** The pass field, e.g. `key1`. */
  readonly field: string;
  /** The value that means consent, e.g. `confirmed`. */
  readonly value: string;
}
