import { atMonotonic } from './monotonic-timer.js';

/**
 * Waits `ms` milliseconds on the global `setTimeout` (so fake timers in tests control it),
 * rejecting with the signal's reason as soon as `signal` aborts. Never resolves before `ms`
 * have passed on the monotonic clock (`performance.now()`): a timer that fires a little early
 * (Node counts from the loop's cached time) waits out the rest — a retry after `Retry-After`
 * must not reach the vendor a millisecond early — and a wall-clock step changes nothing.
 */
export function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      cancel();
      reject(signal?.reason);
    };
    const cancel = atMonotonic(performance.now() + ms, () => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    });
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
