import type { LoyaltyCard } from '../model/commerce.js';
import type { CapabilityAction, ConnectorWith } from './crm.js';

/** The personal and card fields of a loyalty card a host may set, every one optional. */
export interface LoyaltyCardFields {
  /** The card layout (template) it is issued on, by the platform's name for it. */
  readonly template?: string | undefined;
  /** Given name. */
  readonly firstName?: string | undefined;
  /** Family name. */
  readonly lastName?: string | undefined;
  /** Middle name (patronymic). */
  readonly middleName?: string | undefined;
  /** The holder's phone in any typed form: the connector normalises it to canonical digits. */
  readonly phone?: string | undefined;
  /** E-mail address. */
  readonly email?: string | undefined;
  /** Date of birth, `YYYY-MM-DD`. */
  readonly birthday?: string | undefined;
  /** Gender. */
  readonly gender?: 'male' | 'female' | undefined;
  /** The card's barcode (leading zeros matter). */
  readonly barcode?: string | undefined;
  /** The card's discount as the platform shows it, e.g. `5%`. */
  readonly discount?: string | undefined;
  /** The loyalty level, e.g. `Silver`. */
  readonly level?: string | undefined;
  /** The platform's custom fields by name (Teyca: `key1` … `keyN`). */
  readonly customFields?: Readonly<Record<string, string>> | undefined;
}

/**
 * A loyalty card as a loyalty connector reads it: the canonical {@link LoyaltyCard} of
 * `@crossline/core/model` with the platform's card fields besides.
 */
export interface LoyaltyCardRecord extends LoyaltyCard {
  /** Middle name (patronymic). */
  readonly middleName?: string | undefined;
  /** Gender. */
  readonly gender?: 'male' | 'female' | undefined;
  /** The card's barcode. */
  readonly barcode?: string | undefined;
  /** The card's discount, e.g. `5%`. */
  readonly discount?: string | undefined;
  /** The loyalty level. */
  readonly level?: string | undefined;
  /** The platform's custom fields that have a value, by name. */
  readonly customFields: Readonly<Record<string, string>>;
}

/** A card by its id or by its barcode. */
export type LoyaltyCardRef =
  | {
      /** The card's id at the platform (a number is read as its digits). */
      readonly id: string | number;
    }
  | {
      /** The card's barcode. */
      readonly barcode: string;
    };

/** Bonuses to accrue to or write off from a card. */
export interface BonusOperation {
  /** The card's id. */
  readonly cardId: string | number;
  /** How many bonuses, positive. */
  readonly amount: number;
  /** When they become usable, ISO 8601; the account's general rule applies when absent. */
  readonly activatesAt?: string | undefined;
  /** When they expire, ISO 8601; the account's general rule applies when absent. */
  readonly expiresAt?: string | undefined;
}

/** One message to one card's holder. */
export interface LoyaltyMessage {
  /** The card's id. */
  readonly cardId: string | number;
  /** The channel: a wallet PUSH, an SMS or a Telegram message. */
  readonly channel: 'push' | 'sms' | 'telegram';
  /** The text; platform placeholders such as `%first_name%` are kept. */
  readonly text: string;
  /** When to send, ISO 8601; at once when absent. */
  readonly sendAt?: string | undefined;
  /** The holder's mailing consent, when the caller knows it (e.g. the CRM client's flag). */
  readonly mailingConsent?: boolean | undefined;
  /** Whether the card accepts PUSH notifications, when the caller knows it. */
  readonly pushAllowed?: boolean | undefined;
}

/** What a bonus operation or a message resolves with. */
export interface LoyaltyOperation {
  /** The card's id. */
  readonly cardId: string;
  /** The platform's id of the operation or mailing, when it returns one. */
  readonly operationId?: string | undefined;
}

/**
 * The loyalty capability: the actions every loyalty-card connector (Teyca …) implements, by
 * name. A loyalty-sync pipeline accepts a {@link LoyaltyConnector} and never names a vendor.
 */
export interface LoyaltyActions {
  /** The card with an id or a barcode, or `null` when there is none. */
  'cards.get': CapabilityAction<LoyaltyCardRef, LoyaltyCardRecord | null>;
  /** Every card whose holder has the number (several cards may share one). */
  'cards.findByPhone': CapabilityAction<
    {
      /** The number, in any typed form. */
      readonly phone: string;
    },
    readonly LoyaltyCardRecord[]
  >;
  /** Issues a card; the phone is normalised first. */
  'cards.create': CapabilityAction<LoyaltyCardFields, LoyaltyCardRecord>;
  /** Changes only the fields given. */
  'cards.update': CapabilityAction<
    LoyaltyCardFields & {
      /** The card's id. */
      readonly id: string | number;
    },
    {
      /** The card's id. */
      readonly id: string;
    }
  >;
  /** Accrues bonuses, with their own activation and expiry when given. */
  'bonuses.accrue': CapabilityAction<BonusOperation, LoyaltyOperation>;
  /** Writes bonuses off. */
  'bonuses.writeOff': CapabilityAction<BonusOperation, LoyaltyOperation>;
  /**
   * Sends a message: refused with a `ValidationError`, before anything is sent, when the holder
   * did not consent to mailings (or nobody knows), or when a PUSH goes to a card without
   * notifications allowed.
   */
  'messages.send': CapabilityAction<LoyaltyMessage, LoyaltyOperation>;
}

/** A connector that implements the loyalty capability ({@link LoyaltyActions}). */
export type LoyaltyConnector = ConnectorWith<LoyaltyActions>;
