import {
  CrosslineError,
  type CrosslineErrorOptions,
  hasMarker,
  markError,
} from './crossline-error.js';
import { formatIssues, toValidationIssues, type ValidationIssue } from './issues.js';

const marker = 'crossline.error.ConfigError';

/** Options of a {@link ConfigError}. */
export interface ConfigErrorOptions extends CrosslineErrorOptions {
  /** Every invalid option, with its path. */
  issues?: readonly ValidationIssue[] | undefined;
}

/**
 * Invalid options given to a factory. Thrown at construction, never later, and names every
 * offending option.
 */
export class ConfigError extends CrosslineError {
  /** Every invalid option, with its path. */
  readonly issues: readonly ValidationIssue[];

  /**
   * @param message - which options are wrong and how to fix them
   * @param options - the issues, connector id and cause
   */
  constructor(message: string, options: ConfigErrorOptions = {}) {
    super('CONFIG_INVALID', message, { ...options, retryable: false });
    this.issues = options.issues ?? [];
    // A literal, not `new.target.name`: bundlers rename classes (`_ConfigError`).
    this.name = 'ConfigError';
    markError(this, marker);
  }

  /**
   * Builds a ConfigError from zod issues, naming each field.
   *
   * @param subject - what was being configured, e.g. `createHttpClient`
   * @param issues - the issues of a failed zod parse
   * @param options - connector id and cause
   */
  static fromIssues(
    subject: string,
    issues: readonly { readonly path: readonly PropertyKey[]; readonly message: string }[],
    options: CrosslineErrorOptions = {},
  ): ConfigError {
    const converted = toValidationIssues(issues);
    return new ConfigError(`Invalid options for ${subject}: ${formatIssues(converted)}`, {
      ...options,
      issues: converted,
    });
  }

  /** Whether `value` is a {@link ConfigError} from any copy of the package. */
  static override isInstance(value: unknown): value is ConfigError {
    return hasMarker(value, marker);
  }
}
