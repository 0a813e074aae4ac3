import {
  CrosslineError,
  type CrosslineErrorOptions,
  hasMarker,
  markError,
} from './crossline-error.js';

const marker = 'crossline.error.NotFoundError';

/** The vendor has no such entity or route (HTTP 404). */
export class NotFoundError extends CrosslineError {
  /**
   * @param message - what was not found
   * @param options - connector id, cause and request summary
   */
  constructor(message: string, options: CrosslineErrorOptions = {}) {
    super('NOT_FOUND', message, { ...options, retryable: false });
    // A literal, not `new.target.name`: bundlers rename classes (`_NotFoundError`).
    this.name = 'NotFoundError';
    markError(this, marker);
  }

  /** Whether `value` is a {@link NotFoundError} from any copy of the package. */
  static override isInstance(value: unknown): value is NotFoundError {
    return hasMarker(value, marker);
  }
}
