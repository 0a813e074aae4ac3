import { CrosslineError } from '../errors/crossline-error.js';
import type { StepContext } from '../pipeline/types.js';

/**
 * Runs a part of a delivery that may fail for good without failing it: a failure worth
 * retrying (or a broken connector) still fails the delivery, a refusal becomes a `warning`.
 */
export async function optional<T>(
  context: Pick<StepContext, 'warn'>,
  what: string,
  run: () => Promise<T>,
): Promise<T | undefined> {
  try {
    return await run();
  } catch (error) {
    if (!refusedForGood(error)) throw error;
    context.warn(`${what}: ${error.message}`, { code: error.code });
    return undefined;
  }
}

/** Whether the vendor refused for good (not retryable, not a broken connector). */
export function refusedForGood(error: unknown): error is CrosslineError {
  if (!CrosslineError.isInstance(error) || error.retryable) return false;
  return error.code !== 'AUTH_FAILED' && error.code !== 'PERMISSION_DENIED';
}
