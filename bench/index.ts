/**
 * `npm run bench`: every benchmark, each reported as a ratio against a baseline measured in
 * the same run. Figures are recorded in docs/benchmarks.md.
 */
import { runHelpdeskBenchmark } from './helpdesk.bench.js';
import { runOutboxBenchmark } from './outbox.bench.js';
import { runPhoneBenchmark } from './phone.bench.js';
import { runRateLimiterBenchmark } from './rate-limiter.bench.js';
import { runRetailcrmBenchmark } from './retailcrm.bench.js';

console.log(`crossline benchmarks — Node ${process.version}, ${process.platform}/${process.arch}`);
runPhoneBenchmark();
await runRateLimiterBenchmark();
await runOutboxBenchmark();
await runRetailcrmBenchmark();
await runHelpdeskBenchmark();
