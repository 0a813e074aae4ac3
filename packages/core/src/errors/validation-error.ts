import {
  CrosslineError,
  type CrosslineErrorOptions,
  hasMarker,
  markError,
} from './crossline-error.js';
import type { ValidationIssue } from './issues.js';

const marker = 'crossline.error.ValidationError';

/** Options of a {@link ValidationError}. */
export interface ValidationErrorOptions extends CrosslineErrorOptions {
  /** Every problem found, with its path. */
  issues?: readonly ValidationIssue[] | undefined;
  /**
   * `INVALID_RESPONSE` when the vendor's answer failed its schema, `INVALID_PHONE` for a
   * phone number; bad input otherwise.
   * @defaultValue 'VALIDATION_FAILED'
   */
  code?: 'VALIDATION_FAILED' | 'INVALID_RESPONSE' | 'INVALID_PHONE' | undefined;
  /**
   * True only for an `INVALID_RESPONSE` that a later attempt may not repeat (an empty or
   * truncated answer); bad input never becomes valid by trying again.
   * @defaultValue false
   */
  retryable?: boolean | undefined;
}

/**
 * A value failed validation: input the host gave (an event, a phone number) or a vendor
 * response that does not match its schema. `issues` lists every problem with its path.
 */
export class ValidationError extends CrosslineError {
  /** Every problem found, with its path. */
  readonly issues: readonly ValidationIssue[];

  /**
   * @param message - what was being validated, with the issues
   * @param options - the issues, the code, connector id, cause and request summary
   */
  constructor(message: string, options: ValidationErrorOptions = {}) {
    super(options.code ?? 'VALIDATION_FAILED', message, {
      ...options,
      retryable: options.retryable ?? false,
    });
    this.issues = options.issues ?? [];
    // A literal, not `new.target.name`: bundlers rename classes (`_ValidationError`).
    this.name = 'ValidationError';
    markError(this, marker);
  }

  /** Whether `value` is a {@link ValidationError} from any copy of the package. */
  static override isInstance(value: unknown): value is ValidationError {
    return hasMarker(value, marker);
  }
}
