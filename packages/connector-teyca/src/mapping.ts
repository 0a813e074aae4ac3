import { normalizePhone } from '@crossline/core';
import type { PhoneCountry } from '@crossline/core/model';
import type { LoyaltyCardFields, LoyaltyCardRecord, Mapper } from '@crossline/core/sdk';
import type { TeycaPass, TeycaPassFields } from './wire.js';

/** A pass field and the values of it that mean "yes" (the `mailingConsent`/`pushAllowed` options). */
export interface FlagField {
  /** The pass field. */
  readonly field: string;
  /** The values that mean "yes"; any non-empty value but `0`/`false`/`no` when absent. */
  readonly values?: readonly string[] | undefined;
}

/** What the card mappings need from the options. */
export interface CardMappingContext {
  /** The country of numbers typed without a country code. */
  readonly defaultCountry: PhoneCountry;
  /** Where mailing consent is read, when the account keeps it on the pass. */
  readonly mailingConsent?: FlagField | undefined;
  /** Where "PUSH allowed" is read. */
  readonly pushAllowed: FlagField;
}

const genders = { male: 'м', female: 'ж' } as const;
const customKey = /^key\d+$/;
const noWords = new Set(['', '0', 'false', 'no', 'нет']);

/**
 * Canonical card fields ↔ Teyca's pass fields. Teyca writes the birthday `DD.MM.YYYY`, the
 * gender as a Cyrillic letter, the patronymic as `pat_name`, custom fields as `key1`…`keyN`;
 * the phone is sent as canonical digits (`79001234567`, `380671234567`), normalised from any
 * typed form with the connector's `defaultCountry`.
 */
export const cardFieldsMapper: Mapper<LoyaltyCardFields, TeycaPassFields, CardMappingContext> = {
  toVendor(card, { defaultCountry }) {
    const fields: TeycaPassFields = {};
    const set = <K extends keyof TeycaPassFields>(
      key: K,
      value: TeycaPassFields[K] | undefined,
    ) => {
      if (value !== undefined) fields[key] = value;
    };
    set('template', card.template);
    set('first_name', card.firstName);
    set('last_name', card.lastName);
    set('pat_name', card.middleName);
    set(
      'phone',
      card.phone === undefined ? undefined : normalizePhone(card.phone, { defaultCountry }),
    );
    set('email', card.email);
    set('birthday', card.birthday === undefined ? undefined : toTeycaDate(card.birthday));
    set('gender', card.gender === undefined ? undefined : genders[card.gender]);
    set('barcode', card.barcode);
    set('discount', card.discount);
    set('loyalty_level', card.level);
    for (const [key, value] of Object.entries(card.customFields ?? {})) {
      if (customKey.test(key)) fields[key as `key${number}`] = value;
    }
    return fields;
  },
  fromVendor(pass, { defaultCountry }) {
    const gender = pass.gender?.toLowerCase();
    return withoutUndefined({
      template: pass.template,
      firstName: pass.first_name,
      lastName: pass.last_name,
      middleName: pass.pat_name,
      phone: pass.phone === undefined ? undefined : phoneOrUndefined(pass.phone, defaultCountry),
      email: pass.email,
      birthday: pass.birthday === undefined ? undefined : fromTeycaDate(pass.birthday),
      gender: gender === 'м' ? 'male' : gender === 'ж' ? 'female' : undefined,
      barcode: pass.barcode,
      discount: pass.discount,
      level: pass.loyalty_level,
      customFields: customFieldsOf(pass as Record<string, unknown>),
    });
  },
};

/** A pass as a canonical card record: its fields, id, balance and the consent and PUSH flags. */
export function cardFromPass(pass: TeycaPass, context: CardMappingContext): LoyaltyCardRecord {
  const record = pass as Record<string, unknown>;
  const fields = cardFieldsMapper.fromVendor(pass as TeycaPassFields, context);
  return {
    ...fields,
    id: pass.user_id,
    bonusBalance: Number.isFinite(pass.bonus) ? (pass.bonus as number) : 0,
    mailingConsent: context.mailingConsent ? flagOf(record, context.mailingConsent) : false,
    pushAllowed: flagOf(record, context.pushAllowed),
    customFields: fields.customFields ?? {},
  };
}

/**
 * Whether a pass says "yes" in a flag field; `undefined` for mailing consent when the account
 * keeps none on the pass (nobody knows: a mailing is refused).
 */
export function mailingConsentOf(
  pass: TeycaPass,
  context: CardMappingContext,
): boolean | undefined {
  return context.mailingConsent
    ? flagOf(pass as Record<string, unknown>, context.mailingConsent)
    : undefined;
}

function flagOf(pass: Record<string, unknown>, flag: FlagField): boolean {
  const value = pass[flag.field];
  if (value === undefined || value === null || typeof value === 'object') return false;
  const text = String(value).trim().toLowerCase();
  if (flag.values) return flag.values.some((yes) => yes.trim().toLowerCase() === text);
  return !noWords.has(text);
}

function customFieldsOf(pass: Record<string, unknown>): Record<string, string> | undefined {
  const entries = Object.entries(pass).filter(
    (entry): entry is [string, string | number] =>
      customKey.test(entry[0]) &&
      (typeof entry[1] === 'string' || typeof entry[1] === 'number') &&
      entry[1] !== '',
  );
  return entries.length > 0
    ? Object.fromEntries(entries.map(([key, value]) => [key, String(value)]))
    : undefined;
}

function phoneOrUndefined(phone: string, defaultCountry: PhoneCountry): string | undefined {
  try {
    return normalizePhone(phone, { defaultCountry });
  } catch {
    return undefined;
  }
}

/** `YYYY-MM-DD` → `DD.MM.YYYY`. */
export function toTeycaDate(date: string): string {
  const [year, month, day] = date.split('-');
  return `${day}.${month}.${year}`;
}

/** `DD.MM.YYYY` → `YYYY-MM-DD`; anything else → `undefined`. */
export function fromTeycaDate(date: string): string | undefined {
  const match = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(date.trim());
  return match ? `${match[3]}-${match[2]}-${match[1]}` : undefined;
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as T;
}
