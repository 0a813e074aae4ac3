import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type EmpikplaceSimulator,
  startEmpikplaceSimulator,
  startThuliumSimulator,
  type ThuliumSimulator,
} from '@crossline/testing';
import { afterAll, describe, expect, it } from 'vitest';
import {
  autoReplyText,
  type HelpdeskHostSettings,
  startHelpdeskHost,
} from './__fixtures__/helpdesk-host.js';

const child = fileURLToPath(new URL('./__fixtures__/helpdesk-child.ts', import.meta.url));
const tsx = createRequire(import.meta.url).resolve('tsx');
const directory = mkdtempSync(join(tmpdir(), 'crossline-helpdesk-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const conversations = 30;
const token = /\bm-\d+-\d+\b/g;

async function until(what: string, condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function spawnHost(settings: HelpdeskHostSettings): {
  process: ChildProcess;
  exited: Promise<unknown>;
} {
  const started = spawn(process.execPath, ['--import', tsx, child, JSON.stringify(settings)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise((resolve) => started.on('exit', (_code, signal) => resolve(signal)));
  return { process: started, exited };
}

/** A file server for agent-reply attachments (the marketplace connector fetches by URL). */
async function fileServer() {
  const server = createServer((request, response) => {
    const size = Number(new URL(request.url ?? '/', 'http://x').searchParams.get('size') ?? 0);
    response.end(Buffer.alloc(size, 7));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => server.close() };
}

/** The scenario's messages: what was posted where, to check the tickets against. */
class Scenario {
  readonly threads: string[] = [];
  readonly agentReplies = new Map<string, string>(); // reply text → thread id
  readonly refused = new Set<string>();
  #last = 0;
  #seq = 0;
  constructor(
    readonly empik: EmpikplaceSimulator,
    readonly thulium: ThuliumSimulator,
  ) {}

  post(index: number, from: 'CUSTOMER_USER' | 'SHOP_USER' | 'OPERATOR_USER', extra = '') {
    this.#last = Math.max(Date.now(), this.#last + 1);
    const body = `m-${index}-${++this.#seq} from ${from}${extra}`;
    this.empik.state.post(this.threads[index] as string, { from, body, at: this.#last });
  }

  ticketOf(threadId: string) {
    return this.thulium.state.tickets.find(
      (ticket) => ticket.custom_fields['Empik thread'] === threadId,
    );
  }

  reply(index: number, attachments: { filename: string; size: number; url: string }[] = []) {
    const ticket = this.ticketOf(this.threads[index] as string);
    if (!ticket) return false;
    const text = `r-${index}-${++this.#seq} from the agent`;
    this.thulium.state.addMessage(ticket.ticket_id, {
      type: 'REPLY',
      user_login: 'anna',
      body: `<p>${text}</p>`,
      attachments,
    });
    this.agentReplies.set(text, this.threads[index] as string);
    return text;
  }
}

describe('EmpikPlace ↔ Thulium through helpdeskPipeline', () => {
  it('30 conversations, all three authors, replies with files, a refused 11 MB reply, keys rotated, a SIGKILLed host: one ticket each, every message and reply once, in order', {
    timeout: 90_000,
  }, async () => {
    const empik = await startEmpikplaceSimulator({ rateLimit: 1000 });
    const desk = await startThuliumSimulator({ rateLimit: 2000 });
    const files = await fileServer();
    const scenario = new Scenario(empik, desk);
    const enabledAt = new Date(Date.now() - 1000).toISOString();
    for (let index = 0; index < 10; index += 1)
      desk.state.addCustomer({
        surname: `Known ${index}`,
        custom_fields: { 'Empik ID': `cust-${index}` },
      });
    for (let index = 0; index < conversations; index += 1) {
      const orderId = `EMP-${index}-A`;
      empik.state.addOrder({
        id: orderId,
        customerId: `cust-${index}`,
        lines: [
          {
            offer_sku: `SKU-${index}`,
            product_title: `Product ${index}`,
            quantity: 1,
            price_unit: 10,
          },
        ],
      });
      const thread = empik.state.addThread({
        customer: { id: `cust-${index}`, name: `Customer ${index}` },
        orderId,
      });
      scenario.threads.push(thread.id);
      if (index % 5 === 0) scenario.post(index, 'SHOP_USER');
      scenario.post(index, 'CUSTOMER_USER');
    }
    const settings = () => ({
      path: join(directory, 'outbox.db'),
      empik: { url: empik.url, apiKey: empik.apiKey },
      thulium: { url: desk.url, user: desk.user, password: desk.apiKey },
      enabledAt,
    });
    try {
      // The first host: killed with SIGKILL half-way through.
      const first = spawnHost(settings());
      await until('a third of the tickets', () => desk.state.tickets.length >= 10);
      for (let index = 0; index < conversations; index += 1) {
        scenario.post(index, 'CUSTOMER_USER');
        if (index % 3 === 0) scenario.post(index, 'OPERATOR_USER');
        scenario.reply(index);
      }
      await until('half of the tickets', () => desk.state.tickets.length >= 15);
      first.process.kill('SIGKILL');
      expect(await first.exited).toBe('SIGKILL');
      expect(desk.state.tickets.length).toBeLessThan(conversations);

      // The second host on the same outbox.
      const host = await startHelpdeskHost(settings());
      const events = { rejected: 0, refused: 0 };
      host.hub.on('rejected', () => (events.rejected += 1));
      host.hub.on('failed', ({ willRetry }) => {
        if (!willRetry) events.refused += 1;
      });
      try {
        await until('every ticket', () => desk.state.tickets.length >= conversations);
        // EmpikPlace's key rotated: the connector breaks, buffers, and replays once fixed.
        const empikKey = empik.rotateKey();
        for (let index = 0; index < conversations; index += 2)
          scenario.post(index, 'CUSTOMER_USER');
        await until('the marketplace broken', () => host.shop.status === 'broken');
        host.shop.configure({ apiKey: empikKey });
        await host.shop.activate({ replay: true });
        // Thulium's password rotated likewise.
        const password = desk.rotateKey();
        for (let index = 1; index < conversations; index += 2) {
          scenario.post(index, index % 4 === 1 ? 'SHOP_USER' : 'CUSTOMER_USER');
          scenario.reply(
            index,
            index % 3 === 1
              ? [{ filename: `f-${index}.pdf`, size: 2048, url: `${files.url}/f?size=2048` }]
              : [],
          );
        }
        await until('the helpdesk broken', () => host.helpdesk.status === 'broken');
        host.helpdesk.configure({ password });
        await host.helpdesk.activate({ replay: true });
        // An 11 MB reply: refused, nothing of it sent; an internal comment stays.
        const refused = scenario.reply(4, [
          { filename: 'big.zip', size: 11 * 1_048_576, url: `${files.url}/f?size=1` },
        ]);
        if (refused) {
          scenario.agentReplies.delete(refused);
          scenario.refused.add(refused);
        }
        const ticket4 = scenario.ticketOf(scenario.threads[4] as string);
        if (ticket4) desk.state.comment(ticket4.ticket_id, 'anna', 'internal note, never sent');
        for (let index = 0; index < conversations; index += 1) scenario.reply(index);
        await until(
          'every reply in its conversation',
          () =>
            [...scenario.agentReplies].every(([text, id]) =>
              empik.state.thread(id).messages.some((message) => message.body.startsWith(text)),
            ),
          30_000,
        );
        await until('the refusal', () => events.refused >= 1);
        await until('every message in its ticket', () => everyMessageForwarded(scenario), 30_000);
        await host.hub.idle();
        await new Promise((resolve) => setTimeout(resolve, 400)); // a few more polls: nothing new
      } finally {
        await host.stop();
      }
      assertOutcome(scenario, events);
    } finally {
      files.close();
      await empik.close();
      await desk.close();
    }
  });
});

/** The thread's messages that must be in its ticket: all but the pipeline's own posts. */
function expectedTokens(scenario: Scenario, threadId: string): string[] {
  return scenario.empik.state
    .thread(threadId)
    .messages.filter((message) => /^m-/.test(message.body))
    .map((message) => message.body.match(token)?.[0] as string);
}

function ticketTokens(scenario: Scenario, threadId: string): string[] {
  const ticket = scenario.ticketOf(threadId);
  return (ticket?.messages ?? [])
    .filter((message) => message.type !== 'COMMENT')
    .flatMap((message) => message.body.match(token) ?? []);
}

function everyMessageForwarded(scenario: Scenario): boolean {
  return scenario.threads.every(
    (id) => ticketTokens(scenario, id).length >= expectedTokens(scenario, id).length,
  );
}

function assertOutcome(scenario: Scenario, events: { rejected: number; refused: number }) {
  const { empik, thulium } = scenario;
  // One ticket per conversation.
  expect(thulium.state.tickets).toHaveLength(conversations);
  for (const id of scenario.threads) {
    expect(
      thulium.state.tickets.filter((ticket) => ticket.custom_fields['Empik thread'] === id),
    ).toHaveLength(1);
    // Every message in its ticket once, in order: 0 lost, 0 duplicated.
    expect(ticketTokens(scenario, id)).toEqual(expectedTokens(scenario, id));
    const shopPosts = empik.state
      .thread(id)
      .messages.filter((message) => message.from.type === 'SHOP_USER');
    // The automatic reply: once per ticket, never forwarded back into it.
    expect(shopPosts.filter((message) => message.body.startsWith(autoReplyText))).toHaveLength(1);
  }
  // Every agent reply in its conversation once; the refused one not at all.
  for (const [text, id] of scenario.agentReplies) {
    const posted = empik.state
      .thread(id)
      .messages.filter((message) => message.body.startsWith(text));
    expect(posted, text).toHaveLength(1);
  }
  for (const text of scenario.refused)
    for (const id of scenario.threads)
      expect(empik.state.thread(id).messages.some((message) => message.body.includes(text))).toBe(
        false,
      );
  expect(
    empik.state
      .thread(scenario.threads[4] as string)
      .messages.some((message) => message.body.includes('internal note')),
  ).toBe(false);
  // Files went with their replies; nothing of the 11 MB reply was sent.
  expect(empik.state.attachmentBytes(scenario.threads[4] as string)).toBeLessThan(10 * 1_048_576);
  expect(events).toEqual({ rejected: 0, refused: 1 });
  // Customers: the 10 known reused, the 20 new created once each.
  for (let index = 0; index < conversations; index += 1) {
    const owners = thulium.state.customers.filter(
      (customer) => customer.custom_fields['Empik ID'] === `cust-${index}`,
    );
    expect(owners).toHaveLength(1);
    const ticket = scenario.ticketOf(scenario.threads[index] as string);
    expect(ticket?.customer_id).toBe(owners[0]?.customer_id);
  }
}
