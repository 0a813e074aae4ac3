/**
 * `npm run demo -- helpdesk` — marketplace conversations ↔ helpdesk tickets, against the
 * EmpikPlace and Thulium simulators from @crossline/testing, each connector at its simulator's
 * ceiling: 20 conversations (customers known to Thulium and new ones; some opened by the shop)
 * become one ticket each with the automatic reply sent once; customer, shop and operator
 * messages follow into the same tickets; agents reply in Thulium (some with files) and the
 * replies reach their conversations once; one reply over the conversation's 10 MB of
 * attachments is refused and nothing of it is sent. The summary is read back from both
 * simulators; any wrong figure makes the exit code non-zero.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { HelpdeskScenario } from './demo/helpdesk-scenario.js';
import { startHelpdeskWorld } from './demo/helpdesk-world.js';
import { progress } from './demo/progress.js';

const conversations = 20;
const known = 6;
/** Thulium documents no limit: the simulator's default 10 rps; EmpikPlace's simulator default. */
const rates = { thulium: 10, empik: 20 };

async function until(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}

/** Runs the helpdesk act; resolves whether every figure is right. */
export async function runHelpdeskDemo(): Promise<boolean> {
  const started = performance.now();
  const directory = mkdtempSync(join(tmpdir(), 'crossline-demo-helpdesk-'));
  const logLines: string[] = [];
  const logger = pino(
    { level: 'debug' },
    new Writable({ write: (chunk, _encoding, done) => done(void logLines.push(String(chunk))) }),
  );
  const world = await startHelpdeskWorld({
    path: join(directory, 'outbox.db'),
    empikRate: rates.empik,
    thuliumRate: rates.thulium,
    intervalMs: 1_000,
    logger,
  });
  const { empik, desk, hub } = world;
  const scenario = new HelpdeskScenario(empik, desk);
  const events = { refused: 0, rejected: 0, warnings: 0 };
  hub.on('failed', ({ willRetry }) => {
    if (!willRetry) events.refused += 1;
  });
  hub.on('rejected', () => (events.rejected += 1));
  hub.on('warning', () => (events.warnings += 1));

  let phase = 'opening';
  const line = progress(() => {
    const now = scenario.progress();
    return `${phase.padEnd(9)} tickets ${desk.state.tickets.length}/${conversations} · messages in tickets ${now.inTickets}/${now.posted} · replies ${now.replies}/${scenario.replies.size} · refused ${events.refused} · 429s ${empik.state.throttled + desk.state.throttled}`;
  });

  // 1. Conversations open: most by the customer, every fifth by the shop first.
  scenario.open(conversations, known);
  for (let index = 0; index < conversations; index += 1) {
    if (index % 5 === 0) scenario.post(index, 'SHOP_USER');
    scenario.post(index, 'CUSTOMER_USER');
  }
  await world.start();
  let ok = await until(
    () => desk.state.tickets.length >= conversations && scenario.settled(),
    25_000,
  );

  // 2. The conversations go on; agents answer in Thulium, some with files, one with 11 MB.
  phase = 'replies';
  for (let index = 0; index < conversations; index += 1) {
    scenario.post(index, 'CUSTOMER_USER');
    if (index % 4 === 1) scenario.post(index, 'OPERATOR_USER');
    if (index % 6 === 2) scenario.post(index, 'SHOP_USER');
    const files =
      index % 3 === 0
        ? [{ filename: `invoice-${index}.pdf`, size: 40_960, url: `${world.files}/f?size=40960` }]
        : [];
    scenario.reply(index, files);
  }
  scenario.reply(
    7,
    [{ filename: 'video.mp4', size: 11 * 1_048_576, url: `${world.files}/f?size=1` }],
    true,
  );
  ok = (await until(() => scenario.settled() && events.refused >= 1, 30_000)) && ok;
  await hub.idle();
  await new Promise((resolve) => setTimeout(resolve, 1_200)); // one more poll: nothing new
  phase = 'done';
  line.stop();
  await world.close();

  const outcome = scenario.outcome();
  const keys = [empik.apiKey, desk.apiKey];
  const leaked = logLines.filter((entry) => keys.some((key) => entry.includes(key)));
  const seconds = (performance.now() - started) / 1000;
  const refusedAttachments = outcome.refusedSent === 0 ? events.refused : 0;
  console.log(`
crossline demo — EmpikPlace conversations ↔ Thulium tickets (${seconds.toFixed(1)} s)
  ceilings:            EmpikPlace ${rates.empik} rps, Thulium ${rates.thulium} rps (simulators and connectors alike)
  conversations:       ${conversations} (${known} customers already in Thulium, every fifth opened by the shop)
  tickets:             ${outcome.tickets} (one per conversation: ${outcome.conversationsWithoutOneTicket === 0 ? 'yes' : 'NO'})
  messages:            ${outcome.messagesInTickets} in tickets of ${outcome.messagesPosted} posted (customer, shop, operator)
  automatic replies:   ${outcome.autoReplies} (once per ticket, never forwarded back)
  agent replies:       ${outcome.repliesDelivered} of ${outcome.repliesWritten} in their conversations
  refused attachments: ${refusedAttachments} (an 11 MB reply: its delivery failed for good, nothing of it sent)
  rate-limit answers:  ${outcome.throttled}
  duplicates:          ${outcome.duplicates}
  lost:                ${outcome.lost}
  warnings:            ${events.warnings}, rejected: ${events.rejected}
  API keys in ${logLines.length} log lines: ${leaked.length === 0 ? 'never' : 'LEAKED'}`);
  rmSync(directory, { recursive: true, force: true });
  return (
    ok &&
    outcome.tickets === conversations &&
    outcome.conversationsWithoutOneTicket === 0 &&
    outcome.messagesInTickets === outcome.messagesPosted &&
    outcome.autoReplies === conversations &&
    outcome.repliesDelivered === outcome.repliesWritten &&
    refusedAttachments === 1 &&
    outcome.throttled === 0 &&
    outcome.duplicates === 0 &&
    outcome.lost === 0 &&
    events.rejected === 0 &&
    leaked.length === 0
  );
}
