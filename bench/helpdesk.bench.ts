/**
 * Marketplace messages → helpdesk tickets through `helpdeskPipeline`, against the EmpikPlace
 * (20 rps) and Thulium (10 rps) simulators, each connector configured at its simulator's
 * ceiling. Conversations with several customer messages each are waiting when the Hub starts;
 * the run ends when every message is in its ticket. Each vendor's request count gives how many
 * messages per second its ceiling allows (ceiling × messages / requests); the tighter of the two
 * is the bound, and the ratio is the achieved messages per second against it — the same as the
 * tighter vendor's arrival rate against its ceiling. Polls count as requests (they spend the
 * budget too). Rate-limit answers (429s) must stay at 0. Three runs: min / median / max.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordedRequest } from '@crossline/testing';
import { HelpdeskScenario } from '../scripts/demo/helpdesk-scenario.js';
import { startHelpdeskWorld } from '../scripts/demo/helpdesk-world.js';
import { report } from './measure.js';

const ceilings = { empik: 20, thulium: 10 };
const conversations = 24;
const messagesEach = 3;
const runs = 3;

interface Run {
  readonly messagesPerSecond: number;
  readonly bound: number;
  readonly tighter: string;
  readonly throttled: number;
  readonly complete: boolean;
}

const inWindow = (requests: readonly RecordedRequest[], end: number) =>
  requests.filter((request) => request.at <= end);

async function once(): Promise<Run> {
  const directory = mkdtempSync(join(tmpdir(), 'crossline-bench-helpdesk-'));
  const world = await startHelpdeskWorld({
    path: join(directory, 'outbox.db'),
    empikRate: ceilings.empik,
    thuliumRate: ceilings.thulium,
    intervalMs: 1_000,
  });
  const scenario = new HelpdeskScenario(world.empik, world.desk);
  scenario.open(conversations, conversations / 3);
  for (let round = 0; round < messagesEach; round += 1)
    for (let index = 0; index < conversations; index += 1) scenario.post(index, 'CUSTOMER_USER');
  await world.start();
  const deadline = Date.now() + 120_000;
  while (!scenario.settled() && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 10));
  const end = Math.max(...[world.empik, world.desk].map((sim) => sim.requests.at(-1)?.at ?? 0));
  const complete = scenario.settled();
  const start = Math.min(...[world.empik, world.desk].map((sim) => sim.requests[0]?.at ?? end));
  const seconds = (end - start) / 1000;
  const messages = conversations * messagesEach;
  const perVendor = [
    { name: 'EmpikPlace', ceiling: ceilings.empik, requests: inWindow(world.empik.requests, end) },
    { name: 'Thulium', ceiling: ceilings.thulium, requests: inWindow(world.desk.requests, end) },
  ].map((vendor) => ({ ...vendor, bound: (vendor.ceiling * messages) / vendor.requests.length }));
  const tighter = perVendor.reduce((a, b) => (b.bound < a.bound ? b : a));
  const throttled = world.empik.state.throttled + world.desk.state.throttled;
  await world.close();
  rmSync(directory, { recursive: true, force: true });
  return {
    messagesPerSecond: messages / seconds,
    bound: tighter.bound,
    tighter: `${tighter.name} ${tighter.ceiling} rps, ${(tighter.requests.length / messages).toFixed(2)} req/message`,
    throttled,
    complete,
  };
}

/** Runs the helpdesk pipeline benchmark. */
export async function runHelpdeskBenchmark(): Promise<void> {
  console.log(
    `\nhelpdeskPipeline, EmpikPlace ${ceilings.empik} rps ↔ Thulium ${ceilings.thulium} rps simulators (messages/s / tighter ceiling's bound)`,
  );
  const results: Run[] = [];
  for (let run = 0; run < runs; run += 1) {
    const result = await once();
    results.push(result);
    const ratio = result.messagesPerSecond / result.bound;
    report(
      `run ${run + 1}: ${conversations * messagesEach} messages → ${conversations} tickets`,
      `${result.messagesPerSecond.toFixed(2)} msg/s, ${result.throttled} 429s`,
      ratio,
      '>= 0.95',
      result.complete && ratio >= 0.95 && result.throttled === 0,
    );
    console.log(`    bound ${result.bound.toFixed(2)} msg/s (tighter: ${result.tighter})`);
  }
  const ratios = results
    .map((result) => result.messagesPerSecond / result.bound)
    .sort((a, b) => a - b);
  const throttled = results.reduce((sum, result) => sum + result.throttled, 0);
  console.log(
    `  ratio min / median / max: ${ratios.map((ratio) => ratio.toFixed(2)).join(' / ')}, 429s in all: ${throttled}`,
  );
}
