/** The digits of a phone number, formatting dropped: `+38 (067) 123-45-67` → `380671234567`. */
export function phoneDigits(phone: string): string {
  return phone.replace(/\D/g, '');
}

/** Whether a search text is a phone number (digits and phone punctuation only). */
export function looksLikePhone(text: string): boolean {
  return /^[\d\s+()\-./]+$/.test(text) && /\d/.test(text);
}

const minimumDigits = 5;

/**
 * Whether a searched phone matches a stored one, ignoring formatting: the digits of one contain
 * the digits of the other (at least five of them), so `0671234567` and `380671234567` both find
 * `+38 (067) 123-45-67`.
 */
export function phoneMatches(query: string, stored: string): boolean {
  const wanted = phoneDigits(query);
  const have = phoneDigits(stored);
  const shorter = Math.min(wanted.length, have.length);
  return shorter >= minimumDigits && (have.includes(wanted) || wanted.includes(have));
}
