import {
  CrosslineError,
  type CrosslineErrorOptions,
  hasMarker,
  markError,
} from './crossline-error.js';

const marker = 'crossline.error.VendorError';

/**
 * The vendor refused or failed the request for a reason of its own (400, 409, 422, 5xx …).
 * The vendor's message is kept in `request.vendorMessage`; `retryable` is true for 408, 425
 * and 5xx answers.
 */
export class VendorError extends CrosslineError {
  /**
   * @param message - the request description with the vendor's message
   * @param options - retryability, connector id, cause and request summary
   */
  constructor(message: string, options: CrosslineErrorOptions = {}) {
    super('VENDOR_ERROR', message, options);
    // A literal, not `new.target.name`: bundlers rename classes (`_VendorError`).
    this.name = 'VendorError';
    markError(this, marker);
  }

  /** Whether `value` is a {@link VendorError} from any copy of the package. */
  static override isInstance(value: unknown): value is VendorError {
    return hasMarker(value, marker);
  }
}
