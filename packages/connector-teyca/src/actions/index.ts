import type {
  ActionDefinition,
  BonusOperation,
  InputFor,
  LoyaltyCardFields,
  LoyaltyCardRecord,
  LoyaltyCardRef,
  LoyaltyMessage,
  LoyaltyOperation,
} from '@crossline/core/sdk';
import { accrueBonuses, writeOffBonuses } from './bonuses.js';
import { createCard } from './create-card.js';
import { deleteCard } from './delete-card.js';
import { findCardsByPhone } from './find-cards-by-phone.js';
import { getCard } from './get-card.js';
import { sendCardLink } from './send-card-link.js';
import { sendMessage } from './send-message.js';
import { updateCard } from './update-card.js';

/**
 * An action on a pass by its id.
 * @inline
 */
interface PassId {
  /** The pass id (`user_id`; a number is read as its digits). */
  readonly id: string | number;
}

/**
 * The Teyca connector's actions — the loyalty capability's (`LoyaltyActions` of
 * `@crossline/core`) and two of Teyca's own — by name, with what each takes and resolves with.
 */
export type TeycaActions = {
  /** The pass by id (`GET /passes/userid/{id}`) or barcode (`GET /passes/barcode/{code}`), or `null`. */
  readonly 'cards.get': ActionDefinition<
    unknown,
    unknown,
    LoyaltyCardRef,
    LoyaltyCardRecord | null
  > &
    InputFor<LoyaltyCardRef>;
  /** Every pass with the number (`GET /passes?search=phone=<digits>`), exact matches only. */
  readonly 'cards.findByPhone': ActionDefinition<
    unknown,
    unknown,
    {
      /** The number in any typed form. */
      readonly phone: string;
    },
    readonly LoyaltyCardRecord[]
  > &
    InputFor<{
      /** The number in any typed form. */
      readonly phone: string;
    }>;
  /** A new pass (`POST /passes`) on a layout, with the personal fields; the phone normalised. */
  readonly 'cards.create': ActionDefinition<
    unknown,
    unknown,
    LoyaltyCardFields,
    LoyaltyCardRecord
  > &
    InputFor<LoyaltyCardFields>;
  /** Only the fields given changed (`PUT /passes/{id}`). */
  readonly 'cards.update': ActionDefinition<
    unknown,
    unknown,
    LoyaltyCardFields & PassId,
    {
      /** The pass id. */
      readonly id: string;
    }
  > &
    InputFor<LoyaltyCardFields & PassId>;
  /** The pass deleted (`DELETE /passes/{id}`); `deleted: false` when it was gone already. */
  readonly 'cards.delete': ActionDefinition<
    unknown,
    unknown,
    PassId,
    {
      /** The pass id. */
      readonly id: string;
      /** False when Teyca had no such pass. */
      readonly deleted: boolean;
    }
  >;
  /** The card's install link sent by SMS or e-mail (`POST /send/sms|email`). */
  readonly 'cards.sendLink': ActionDefinition<
    unknown,
    unknown,
    PassId & {
      /** By SMS or by e-mail. */
      readonly channel: 'sms' | 'email';
      /** A phone or an address; the pass's own when absent. */
      readonly to?: string | undefined;
    },
    {
      /** The pass id. */
      readonly id: string;
      /** The channel used. */
      readonly channel: 'sms' | 'email';
    }
  >;
  /** Bonuses accrued (`POST /passes/{id}/bonuses`), with their own activation and expiry when given. */
  readonly 'bonuses.accrue': ActionDefinition<unknown, unknown, BonusOperation, LoyaltyOperation> &
    InputFor<BonusOperation>;
  /** Bonuses written off, as the `bonusWriteOff` option says. */
  readonly 'bonuses.writeOff': ActionDefinition<
    unknown,
    unknown,
    BonusOperation,
    LoyaltyOperation
  > &
    InputFor<BonusOperation>;
  /**
   * One message (`POST /message/push|sms|telegram`); refused with a `ValidationError`, nothing
   * sent, without mailing consent or, for a PUSH, without notifications allowed.
   */
  readonly 'messages.send': ActionDefinition<unknown, unknown, LoyaltyMessage, LoyaltyOperation> &
    InputFor<LoyaltyMessage>;
};

/** The connector's actions, one file each. */
export const teycaActions: TeycaActions = {
  'cards.get': getCard,
  'cards.findByPhone': findCardsByPhone,
  'cards.create': createCard,
  'cards.update': updateCard,
  'cards.delete': deleteCard,
  'cards.sendLink': sendCardLink,
  'bonuses.accrue': accrueBonuses,
  'bonuses.writeOff': writeOffBonuses,
  'messages.send': sendMessage,
};
