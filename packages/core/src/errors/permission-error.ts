import {
  CrosslineError,
  type CrosslineErrorOptions,
  hasMarker,
  markError,
} from './crossline-error.js';

const marker = 'crossline.error.PermissionError';

/** Options of a {@link PermissionError}. */
export interface PermissionErrorOptions extends CrosslineErrorOptions {
  /** The vendor methods or scopes the credentials lack, when known. */
  missing?: readonly string[] | undefined;
}

/** The credentials are valid but lack a permission the operation needs (HTTP 403). */
export class PermissionError extends CrosslineError {
  /** The vendor methods or scopes the credentials lack, when known. */
  readonly missing: readonly string[];

  /**
   * @param message - what was refused
   * @param options - the missing permissions, connector id, cause and request summary
   */
  constructor(message: string, options: PermissionErrorOptions = {}) {
    super('PERMISSION_DENIED', message, { ...options, retryable: false });
    this.missing = options.missing ?? [];
    // A literal, not `new.target.name`: bundlers rename classes (`_PermissionError`).
    this.name = 'PermissionError';
    markError(this, marker);
  }

  /** Whether `value` is a {@link PermissionError} from any copy of the package. */
  static override isInstance(value: unknown): value is PermissionError {
    return hasMarker(value, marker);
  }
}
