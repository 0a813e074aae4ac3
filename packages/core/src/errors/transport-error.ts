import {
  CrosslineError,
  type CrosslineErrorOptions,
  hasMarker,
  markError,
} from './crossline-error.js';

const marker = 'crossline.error.TransportError';

/** Options of a {@link TransportError}. */
export interface TransportErrorOptions extends CrosslineErrorOptions {
  /** True when the request timed out rather than failing on the network. */
  timeout?: boolean | undefined;
  /**
   * False when the request certainly never reached the vendor (connection refused, DNS
   * failure), so even a non-idempotent request may be sent again.
   * @defaultValue true
   */
  mayHaveReachedVendor?: boolean | undefined;
}

/** The request failed on the way: network error, connection reset, DNS failure or timeout. */
export class TransportError extends CrosslineError {
  /** False when the request certainly never reached the vendor. */
  readonly mayHaveReachedVendor: boolean;

  /**
   * @param message - the request description and what went wrong
   * @param options - timeout flag, whether the vendor may have seen it, cause, request summary
   */
  constructor(message: string, options: TransportErrorOptions = {}) {
    super(options.timeout ? 'TIMEOUT' : 'TRANSPORT_ERROR', message, {
      ...options,
      retryable: options.retryable ?? true,
    });
    this.mayHaveReachedVendor = options.mayHaveReachedVendor ?? true;
    // A literal, not `new.target.name`: bundlers rename classes (`_TransportError`).
    this.name = 'TransportError';
    markError(this, marker);
  }

  /** Whether `value` is a {@link TransportError} from any copy of the package. */
  static override isInstance(value: unknown): value is TransportError {
    return hasMarker(value, marker);
  }
}
