/**
 * The rate limiter against a loopback HTTP server: N requests through createHttpClient and a
 * LocalRateLimiter at a configured ceiling. Reported: the achieved rate as a fraction of the
 * ceiling — arrivals at the server during the whole seconds after the first arrival, divided
 * by what the ceiling allows in that time — and how many requests arrived while the server
 * had already seen `limit` others in the preceding second (the vendor's view of an overage).
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createHttpClient, LocalRateLimiter, type RateLimitBucket } from '@crossline/core/sdk';
import { report } from './measure.js';

interface Scenario {
  readonly name: string;
  readonly buckets: readonly RateLimitBucket[];
  /** Requests per route prefix. */
  readonly requests: Readonly<Record<string, number>>;
}

const scenarios: readonly Scenario[] = [
  {
    name: '50 rps for 10 s',
    buckets: [{ name: 'default', limit: 50 }],
    requests: { '/calls/': 500 },
  },
  {
    name: 'retailCRM buckets, 5 s',
    buckets: [
      { name: 'telephony', match: '/telephony/', limit: 40 },
      { name: 'default', limit: 10 },
    ],
    requests: { '/telephony/call/event/': 200, '/customers/': 50 },
  },
];

/** Requests that arrived when `limit` others had arrived within the preceding second. */
function overCeiling(arrivals: readonly number[], limit: number, windowMs = 1000): number {
  const sorted = [...arrivals].sort((a, b) => a - b);
  let over = 0;
  let first = 0;
  for (let index = 0; index < sorted.length; index += 1) {
    while ((sorted[index] as number) - (sorted[first] as number) >= windowMs) first += 1;
    if (index - first + 1 > limit) over += 1;
  }
  return over;
}

async function startArrivalServer(): Promise<{ url: string; stop: () => void }> {
  const child = fork(fileURLToPath(new URL('./support/arrival-server.mjs', import.meta.url)));
  const port = await new Promise<number>((resolve) =>
    child.once('message', (message) => resolve((message as { port: number }).port)),
  );
  return { url: `http://127.0.0.1:${port}`, stop: () => child.disconnect() };
}

async function runScenario(scenario: Scenario, url: string): Promise<void> {
  const limiter = new LocalRateLimiter({ buckets: scenario.buckets });
  const http = createHttpClient({ baseUrl: url, rateLimiter: limiter });
  // No warm-up: the first scenario's first requests load undici, open connections and run cold
  // code, reaching the server ~20 ms later after their start than warm ones. The limiter must
  // keep them from bunching with later ones in the server's window (0 over) by itself.
  const pending: Promise<unknown>[] = [];
  for (const [prefix, count] of Object.entries(scenario.requests)) {
    for (let index = 0; index < count; index += 1) {
      const form = { call: JSON.stringify({ externalId: `${prefix}${index}` }) };
      pending.push(
        http.request({ method: 'POST', path: `${prefix}${index}`, form, idempotent: true }),
      );
    }
  }
  await Promise.all(pending);
  const { data } = await createHttpClient({ baseUrl: url }).request({ path: '/__arrivals' });
  for (const [prefix, times] of Object.entries(data as Record<string, number[]>)) {
    const limit =
      scenario.buckets.find((bucket) => limiter.bucketName(prefix) === bucket.name)?.limit ?? 0;
    const first = times[0] as number;
    const seconds = Math.floor(((times.at(-1) as number) - first) / 1000);
    const counted = times.filter((time) => time < first + seconds * 1000).length;
    const rate = counted / seconds;
    const fraction = rate / limit;
    const over = overCeiling(times, limit);
    report(
      `${scenario.name}: ${prefix}* at ${limit} rps`,
      `${rate.toFixed(2)} rps, ${over} over`,
      fraction,
      '>= 0.98',
      fraction >= 0.98 && fraction <= 1 && over === 0,
    );
  }
}

export async function runRateLimiterBenchmark(): Promise<void> {
  console.log(
    '\nRate limiter against a loopback server (achieved rate / ceiling; requests over the ceiling in any 1 s window)',
  );
  const server = await startArrivalServer();
  try {
    for (const scenario of scenarios) await runScenario(scenario, server.url);
  } finally {
    server.stop();
  }
}
