/** One attempt's deadline: a signal that aborts when `timeoutMs` is spent or the caller aborts. */
export interface Deadline {
  /** Aborts when the deadline passes or the caller's signal aborts. */
  readonly signal: AbortSignal;
  /** Whether the deadline itself fired (not the caller's abort). */
  readonly expired: boolean;
  /** Stops the timer; call once the attempt is over. */
  clear(): void;
}

/**
 * Starts the deadline of one attempt. It bounds the whole exchange — connecting, the headers
 * and reading the body — so a stalled or dripping body fails at `timeoutMs` instead of
 * undici's 300-second body timeout (or never). Uses the global `setTimeout`, so fake timers
 * in tests control it.
 *
 * @param timeoutMs - the attempt's time budget
 * @param callerSignal - the caller's own signal, if any
 */
export function startDeadline(timeoutMs: number, callerSignal: AbortSignal | undefined): Deadline {
  const controller = new AbortController();
  let expired = false;
  const timer = setTimeout(() => {
    expired = true;
    controller.abort(new DOMException(`timed out after ${timeoutMs} ms`, 'TimeoutError'));
  }, timeoutMs);
  const signal = callerSignal
    ? AbortSignal.any([controller.signal, callerSignal])
    : controller.signal;
  return {
    signal,
    get expired() {
      return expired;
    },
    clear: () => clearTimeout(timer),
  };
}

/**
 * Settles with `promise`, or rejects with the signal's reason as soon as it aborts — for the
 * body read of a `fetch` that does not honour the signal itself. A promise left behind is
 * silenced, so it cannot surface as an unhandled rejection.
 */
export function withinSignal<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  promise.catch(() => {});
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
