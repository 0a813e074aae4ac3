import type { CrosslineError } from '../errors/crossline-error.js';

/** Awaits a promise that must reject, and returns what it rejected with. */
export async function failureOf<E = CrosslineError>(promise: Promise<unknown>): Promise<E> {
  try {
    await promise;
  } catch (error) {
    return error as E;
  }
  throw new Error('expected the promise to reject, but it resolved');
}
