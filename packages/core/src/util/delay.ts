/**
 * Waits `ms` milliseconds on the global `setTimeout` (so fake timers in tests control it),
 * rejecting with the signal's reason as soon as `signal` aborts. Never resolves before the clock
 * has moved `ms` on: a timer that fires a little early (Node counts from the loop's cached time)
 * waits out the rest — a retry after `Retry-After` must not reach the vendor a millisecond early.
 */
export function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const until = Date.now() + ms;
    let timer: ReturnType<typeof setTimeout>;
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const arm = (wait: number) => {
      timer = setTimeout(() => {
        const left = until - Date.now();
        if (left > 0) return arm(left);
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, wait);
    };
    arm(ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
