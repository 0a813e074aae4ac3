/**
 * Full-jitter exponential backoff: a uniform draw from 0 to
 * `min(maxDelayMs, baseDelayMs · 2^(attempt−1))`, in whole milliseconds. The one backoff of
 * crossline, for HTTP retries and for outbox redeliveries alike.
 */
export function fullJitterDelay(
  attempt: number,
  baseDelayMs: number,
  maxDelayMs: number,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(random() * ceiling);
}
