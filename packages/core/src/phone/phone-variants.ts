import { parsePhoneNumberFromString } from 'libphonenumber-js/core';
import { InvalidPhoneError } from '../errors/invalid-phone-error.js';
import { phoneMetadata, planRules } from './metadata.js';
import { type NormalizePhoneOptions, normalizePhone } from './normalize-phone.js';

/**
 * The other forms a vendor may have stored a canonical number in, for look-ups in systems
 * that match phone numbers exactly as typed. For `'380671234567'`:
 *
 * `380671234567`, `+380671234567`, `0671234567`, `671234567`, `+380 67 123 4567`,
 * `067 123 4567`, `+380 (67) 123-45-67`, `+380 67 123 45 67`, `067 123 45 67`,
 * `(067) 123-45-67`, `+38 (067) 123-45-67`, `+38 067 123 45 67`, `067-123-45-67`,
 * `38(067)1234567` and the legacy `80671234567` and `8 067 123 45 67`.
 *
 * The canonical form comes first; there are no duplicates. Every variant is read back as the
 * same number under `defaultCountry` — the country of the vendor account being searched — so
 * a form that would mean another number there is left out: for a Polish number and a
 * Ukrainian account, `501234567` (which a Ukrainian CRM reads as `+380 50 123 4567`) is not
 * offered.
 *
 * @param canonical - a number in canonical form, as {@link normalizePhone} returns it
 * @param options - the default country of the account the variants will be looked up in
 * @returns the distinct forms, canonical first
 * @throws {@link index!InvalidPhoneError} when `canonical` is not a valid canonical number
 *
 * @example
 * ```ts
 * for (const form of phoneVariants('380671234567')) {
 *   const found = await crm.findByPhone(form);
 *   if (found) return found;
 * }
 * ```
 */
export function phoneVariants(canonical: string, options: NormalizePhoneOptions = {}): string[] {
  const parsed = /^\d+$/.test(canonical)
    ? parsePhoneNumberFromString(`+${canonical}`, phoneMetadata)
    : undefined;
  if (!parsed?.isValid() || parsed.number.slice(1) !== canonical) {
    throw new InvalidPhoneError(String(canonical), 'invalid');
  }
  const callingCode = parsed.countryCallingCode;
  const significant = parsed.nationalNumber;
  const country = parsed.country === undefined ? undefined : planRules(parsed.country);
  const nationalPrefix = nationalPrefixOf(country?.prefixForParsing);
  const national = `${nationalPrefix}${significant}`;
  const international = parsed.formatInternational();
  const groups = international
    .slice(callingCode.length + 2)
    .split(/[\s-]+/)
    .filter(Boolean);
  const variants = [
    canonical,
    `+${canonical}`,
    national,
    significant,
    international,
    parsed.formatNational(),
    ...habitualForms(groups, callingCode, nationalPrefix),
  ];
  if (callingCode === '380') {
    // The legacy long-distance trunk `8`, typed compact or spaced like the national number.
    const spaced = habitualForms(groups, callingCode, nationalPrefix)[2];
    variants.push(`8${national}`, ...(spaced ? [`8 ${spaced}`] : []));
  }
  return [...new Set(variants)].filter((variant) => readsAs(variant, canonical, options));
}

/** Whether `variant` is read back as `canonical` under the default country. */
function readsAs(variant: string, canonical: string, options: NormalizePhoneOptions): boolean {
  try {
    return normalizePhone(variant, options) === canonical;
  } catch {
    return false;
  }
}

/**
 * Forms people type by habit: the area code in brackets and the last group of four split
 * into pairs (`+7 (916) 123-45-67`); and where the calling code ends in the national prefix
 * (Ukraine: `+38` + `0XX`), the short calling code followed by the national number
 * (`+38 (067) 123-45-67`, `067 123 45 67`).
 */
function habitualForms(groups: string[], callingCode: string, nationalPrefix: string): string[] {
  const [area, ...rest] = groups;
  if (area === undefined || rest.length === 0) return [];
  const last = rest.at(-1) ?? '';
  const tail = last.length === 4 ? [...rest.slice(0, -1), last.slice(0, 2), last.slice(2)] : rest;
  const forms = [
    `+${callingCode} (${area}) ${tail.join('-')}`,
    `+${callingCode} ${area} ${tail.join(' ')}`,
  ];
  if (
    nationalPrefix &&
    callingCode.length > nationalPrefix.length &&
    callingCode.endsWith(nationalPrefix)
  ) {
    const short = callingCode.slice(0, -nationalPrefix.length);
    const localArea = `${nationalPrefix}${area}`;
    forms.push(
      `${localArea} ${tail.join(' ')}`,
      `(${localArea}) ${tail.join('-')}`,
      `+${short} (${localArea}) ${tail.join('-')}`,
      `+${short} ${localArea} ${tail.join(' ')}`,
      `${localArea}-${tail.join('-')}`,
      `${short}(${localArea})${tail.join('')}`,
    );
  }
  return forms;
}

/** The literal national prefix when the plan's prefix-for-parsing is a plain digit string. */
function nationalPrefixOf(prefixForParsing: RegExp | undefined): string {
  const source = prefixForParsing?.source.replace(/^\^\(\?:/, '').replace(/\)$/, '') ?? '';
  return /^\d+$/.test(source) ? source : '';
}
