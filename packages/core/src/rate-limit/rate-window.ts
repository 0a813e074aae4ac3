/** One request a {@link RateWindow} has let start. */
export interface SentRequest {
  /** When it started (epoch ms). */
  readonly startedAt: number;
  /**
   * Its place in the pacing: when the pacing let it start, so a timer's lateness (up to a
   * millisecond) does not push every later start back.
   */
  readonly slotAt: number;
  /** When it settled (epoch ms); undefined while in flight. */
  endedAt: number | undefined;
  /** Assumed sent by the previous process, not by this one. */
  readonly assumed: boolean;
}

/** Options of a {@link RateWindow}. */
export interface RateWindowOptions {
  /** Requests the vendor admits per window. */
  readonly limit: number;
  /** The vendor's window, in ms. */
  readonly intervalMs: number;
  /** How much longer this side's window is, as a fraction of the vendor's. */
  readonly safetyMargin: number;
  /** Starts allowed per sub-window (the window × `batch / limit`): the pacing. */
  readonly batch: number;
  /** When the bucket was made: the previous process is assumed to have filled the window before. */
  readonly now: number;
  /**
   * Whether the window starts full (the previous process assumed to have used its budget);
   * false starts it empty, counting only this process's requests. @defaultValue true
   */
  readonly prefilled?: boolean | undefined;
}

/**
 * When the next request of one bucket may start, judged as the vendor judges arrivals: a
 * sliding window of `limit` requests, with starts paced `batch` per sub-window.
 *
 * The vendor counts arrivals, which this side never sees: a request arrives somewhere between
 * its start and its answer. So each request holds its place in the window from its start
 * shifted by how much longer its round trip took than the fastest one in the window — a
 * request that travelled slowly (a cold process's first, the first after a reconnect) may have
 * arrived that much later, and bunch up with the ones after it — and a request in flight
 * holds its place until it settles. Round trips within half the safety margin of the
 * fastest count as steady (no shift), so the steady pace stays the ceiling's less the margin;
 * the rest of the margin covers what round trips cannot show.
 *
 * A new window starts full: the previous process (before a restart) is assumed to have used the
 * whole budget up to this one's start, spread as this pacing spreads it. The first starts
 * are then spread over the first window instead of leaving in one burst.
 */
export class RateWindow {
  readonly #capacity: number;
  readonly #windowMs: number;
  readonly #batch: number;
  readonly #spacingMs: number;
  /** How long a settled request may matter: for the window or for the pacing. */
  readonly #horizonMs: number;
  /** Round trips this much slower than the fastest still count as steady (half the margin). */
  readonly #steadyMs: number;
  #sent: SentRequest[] = [];

  constructor({
    limit,
    intervalMs,
    safetyMargin,
    batch,
    now,
    prefilled = true,
  }: RateWindowOptions) {
    const windowMs = intervalMs * (1 + safetyMargin);
    this.#capacity = Math.ceil(limit);
    this.#windowMs = windowMs;
    this.#steadyMs = (intervalMs * safetyMargin) / 2;
    this.#batch = batch;
    this.#spacingMs = (windowMs * batch) / limit;
    this.#horizonMs = Math.max(windowMs, this.#spacingMs);
    if (!prefilled) return;
    for (let index = this.#capacity - 1; index >= 0; index -= 1) {
      const at = now - Math.floor(index / batch) * this.#spacingMs;
      this.#sent.push({ startedAt: at, slotAt: at, endedAt: at, assumed: true });
    }
  }

  /** Milliseconds until another request may start: 0 now, `Infinity` until one settles. */
  wait(now: number): number {
    this.#forget(now);
    return Math.max(this.#pacingWait(now), this.#windowWait(now));
  }

  /** Records a start at `now`; pass the result to {@link RateWindow.settle} when it settles. */
  start(now: number): SentRequest {
    const recent = this.#sent[this.#sent.length - this.#batch];
    const slotAt = recent === undefined ? now : Math.max(recent.slotAt + this.#spacingMs, now - 1);
    const sent: SentRequest = { startedAt: now, slotAt, endedAt: undefined, assumed: false };
    this.#sent.push(sent);
    return sent;
  }

  /** Records that `sent` settled (answered or failed) at `now`. */
  settle(sent: SentRequest, now: number): void {
    sent.endedAt = Math.max(now, sent.startedAt);
  }

  #pacingWait(now: number): number {
    const recent = this.#sent[this.#sent.length - this.#batch];
    return recent === undefined ? 0 : Math.max(0, recent.slotAt + this.#spacingMs - now);
  }

  #windowWait(now: number): number {
    const fastest = this.#fastestRoundTrip() + this.#steadyMs;
    const since = now - this.#windowMs;
    let inFlight = 0;
    const held: number[] = [];
    for (const sent of this.#sent) {
      if (sent.endedAt === undefined) inFlight += 1;
      else {
        const lag = Math.max(0, sent.endedAt - sent.startedAt - fastest);
        if (sent.startedAt + lag > since) held.push(sent.startedAt + lag);
      }
    }
    const counted = inFlight + held.length;
    if (counted < this.#capacity) return 0;
    if (inFlight >= this.#capacity) return Number.POSITIVE_INFINITY;
    held.sort((a, b) => a - b);
    return (held[counted - this.#capacity] as number) + this.#windowMs - now;
  }

  /** The shortest round trip of this process's settled requests still in the window. */
  #fastestRoundTrip(): number {
    let fastest = Number.POSITIVE_INFINITY;
    for (const sent of this.#sent) {
      if (sent.endedAt !== undefined && !sent.assumed) {
        fastest = Math.min(fastest, sent.endedAt - sent.startedAt);
      }
    }
    return fastest;
  }

  /** Drops settled requests that can no longer matter (a shifted start is never past the end). */
  #forget(now: number): void {
    const since = now - this.#horizonMs;
    const first = this.#sent[0];
    const stale = first?.endedAt !== undefined && first.endedAt <= since;
    if (!stale && this.#sent.length <= 4 * this.#capacity) return;
    this.#sent = this.#sent.filter((sent) => sent.endedAt === undefined || sent.endedAt > since);
  }
}
