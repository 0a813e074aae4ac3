/**
 * Calls `callback` once `performance.now()` has reached `deadline` — never before: Node's timer
 * may fire a little early (it counts from the loop's cached time), and then waits out the rest;
 * a wall-clock step moves nothing. On the global `setTimeout`, so fake timers in tests control
 * it. Returns the function that cancels it.
 */
export function atMonotonic(deadline: number, callback: () => void): () => void {
  let timer: ReturnType<typeof setTimeout>;
  const arm = () => {
    timer = setTimeout(
      () => (performance.now() < deadline ? arm() : callback()),
      Math.max(0, Math.ceil(deadline - performance.now())),
    );
  };
  arm();
  return () => clearTimeout(timer);
}
