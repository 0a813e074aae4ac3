import {
  CrosslineError,
  type CrosslineErrorOptions,
  hasMarker,
  markError,
} from './crossline-error.js';

const marker = 'crossline.error.AuthError';

/**
 * The vendor rejected the credentials (HTTP 401 or the vendor's equivalent). A connector that
 * sees one becomes `broken`: it stops calling the vendor and buffers until re-activated.
 */
export class AuthError extends CrosslineError {
  /**
   * @param message - what was rejected; never the credential itself
   * @param options - connector id, cause and request summary
   */
  constructor(message: string, options: CrosslineErrorOptions = {}) {
    super('AUTH_FAILED', message, { ...options, retryable: false });
    // A literal, not `new.target.name`: bundlers rename classes (`_AuthError`).
    this.name = 'AuthError';
    markError(this, marker);
  }

  /** Whether `value` is an {@link AuthError} from any copy of the package. */
  static override isInstance(value: unknown): value is AuthError {
    return hasMarker(value, marker);
  }
}
