import { type NormalizePhoneOptions, normalizePhone } from './normalize-phone.js';
import { phoneVariants } from './phone-variants.js';

/** How {@link findByPhone} searches a vendor that matches numbers as they were typed. */
export interface PhoneSearch<Record> {
  /** The number, canonical (`380671234567`). */
  readonly canonical: string;
  /** The country of numbers the vendor stored without a country code. @defaultValue 'UA' */
  readonly defaultCountry?: NormalizePhoneOptions['defaultCountry'];
  /**
   * How many forms of the number to search, in {@link phoneVariants} order (canonical first).
   * @defaultValue all of them (16 for a Ukrainian mobile number)
   */
  readonly variants?: number | undefined;
  /** Asks the vendor for the records stored with this exact form of the number. */
  search(form: string): Promise<readonly Record[]>;
  /** The record's phones as the vendor stores them. */
  phonesOf(record: Record): readonly (string | undefined)[];
  /** The record's id at the vendor: the same record found by two forms counts once. */
  idOf(record: Record): string;
}

/** What {@link findByPhone} found: nothing, exactly one record, or several (never guess). */
export type PhoneMatch<Record> =
  | {
      /** Nothing has this number. */
      readonly status: 'none';
    }
  | {
      /** Exactly one record has it. */
      readonly status: 'found';
      /** That record. */
      readonly record: Record;
    }
  | {
      /** Several records have it: bind to none of them. */
      readonly status: 'ambiguous';
      /** All of them. */
      readonly records: readonly Record[];
    };

/**
 * Finds the records with a number at a vendor that matches numbers exactly as they were
 * typed: searches every form of the number a person may have stored (`380…`, `+380…`, `0…`,
 * `+38 (0XX) XXX-XX-XX` …), keeps only records whose stored phone really is that number
 * (normalised, so a fuzzy vendor match on another number is never taken), and tells one
 * match from several.
 *
 * @example
 * ```ts
 * const match = await findByPhone({
 *   canonical: '380671234567',
 *   search: async (form) => (await client.get('/clients', { phone: form })).data,
 *   phonesOf: (client) => [client.phone],
 *   idOf: (client) => String(client.id),
 * });
 * if (match.status === 'found') bind(match.record.id);
 * ```
 */
export async function findByPhone<Record>(
  search: PhoneSearch<Record>,
): Promise<PhoneMatch<Record>> {
  const country = { defaultCountry: search.defaultCountry ?? 'UA' } as const;
  const forms = phoneVariants(search.canonical, country).slice(0, search.variants);
  const matches = new Map<string, Record>();
  for (const form of forms) {
    for (const record of await search.search(form)) {
      const stored = search.phonesOf(record);
      if (stored.some((phone) => isSameNumber(phone, search.canonical, country))) {
        matches.set(search.idOf(record), record);
      }
    }
  }
  const records = [...matches.values()];
  if (records.length === 0) return { status: 'none' };
  if (records.length === 1) return { status: 'found', record: records[0] as Record };
  return { status: 'ambiguous', records };
}

/** Whether a number stored in any typed form is the canonical one. */
export function isSameNumber(
  stored: string | undefined,
  canonical: string,
  options: NormalizePhoneOptions = {},
): boolean {
  if (!stored) return false;
  try {
    return normalizePhone(stored, options) === canonical;
  } catch {
    return false;
  }
}
