import { hasMarker, markError } from './crossline-error.js';
import { ValidationError } from './validation-error.js';

const marker = 'crossline.error.InvalidPhoneError';

/** Why a value is not a phone number. */
export type InvalidPhoneReason = 'empty' | 'not-a-phone' | 'too-short' | 'too-long' | 'invalid';

/** The value given as a phone number is not one (empty, letters, too short, unknown range). */
export class InvalidPhoneError extends ValidationError {
  /** Why the value was rejected. */
  readonly reason: InvalidPhoneReason;
  /** The value as given. Phone numbers are personal data, not secrets. */
  readonly input: string;

  /**
   * @param input - the value as given
   * @param reason - why it was rejected
   */
  constructor(input: string, reason: InvalidPhoneReason) {
    super(`Not a phone number (${reason}): ${JSON.stringify(input.slice(0, 64))}`, {
      code: 'INVALID_PHONE',
      issues: [{ path: '', message: reason }],
    });
    this.reason = reason;
    this.input = input;
    // A literal, not `new.target.name`: bundlers rename classes (`_InvalidPhoneError`).
    this.name = 'InvalidPhoneError';
    markError(this, marker);
  }

  /** Whether `value` is an {@link InvalidPhoneError} from any copy of the package. */
  static override isInstance(value: unknown): value is InvalidPhoneError {
    return hasMarker(value, marker);
  }
}
