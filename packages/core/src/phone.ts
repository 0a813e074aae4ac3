// @crossline/core/phone — phone numbers: normalisation to the `380671234567` form, the other
// forms a person may have typed (for look-ups at vendors that match numbers exactly), matching
// a stored number, and masking numbers in text.

export { maskPhones } from './log/mask-phones.js';
export {
  findByPhone,
  isSameNumber,
  type PhoneMatch,
  type PhoneSearch,
} from './phone/find-by-phone.js';
export { type NormalizePhoneOptions, normalizePhone } from './phone/normalize-phone.js';
export { phoneVariants } from './phone/phone-variants.js';
